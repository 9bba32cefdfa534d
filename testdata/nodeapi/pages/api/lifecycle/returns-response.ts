export default function handler() {
  return new Response('edge style');
}
