// Seed 002: the Edge runtime route handler, served at /api/handlers/edge.
export const runtime = 'edge';
export const dynamic = 'force-dynamic';
export async function GET(request: Request) {
const url = new URL(request.url);
const q = url.searchParams.get('q');
return Response.json({ q, region: process.env.VERCEL_REGION });
}
