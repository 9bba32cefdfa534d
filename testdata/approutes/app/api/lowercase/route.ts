export function get() {
  return new Response('never called');
}
