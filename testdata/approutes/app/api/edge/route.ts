export const runtime = 'edge';
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return Response.json({
    edge: typeof EdgeRuntime === 'string',
    hasBuffer: typeof (globalThis as any).Buffer !== 'undefined',
    url: request.url,
  });
}

export async function POST(request: Request) {
  const { name } = await request.json();
  return Response.json({ greeting: `Hello, ${name}` });
}
