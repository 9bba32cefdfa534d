// Seed 002: the Edge runtime route handler, as a pages/api edge route.
export const config = { runtime: 'edge' };

export default async function GET(request: Request) {
  const url = new URL(request.url);
  const q = url.searchParams.get('q');
  return Response.json({ q, region: process.env.VERCEL_REGION });
}
