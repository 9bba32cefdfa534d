export function GET() {
  return new Response('grouped');
}
