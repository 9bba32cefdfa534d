import type { NextApiRequest, NextApiResponse } from "next";
import { greet } from "../../lib/greet";

export default function handler(_req: NextApiRequest, res: NextApiResponse) {
  res.status(200).send("node:" + greet());
}
