import { greet } from "../../lib/greet";

export const config = { runtime: "edge" };

export default function handler() {
  return new Response("edge:" + greet());
}
