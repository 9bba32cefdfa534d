import { cookies } from 'next/headers';

export const runtime = 'edge';

export async function GET() {
  const jar = await cookies();
  jar.set('edge', '1');
  return Response.json({ theme: jar.get('theme')?.value ?? null });
}
