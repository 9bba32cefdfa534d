export function GET() {
  return new Response('private folders are not routes');
}
