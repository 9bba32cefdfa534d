export async function GET() {
  throw new Error('boom from a route handler');
}
