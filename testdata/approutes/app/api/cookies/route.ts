import { cookies, headers } from 'next/headers';

export async function GET() {
  const jar = await cookies();
  const h = await headers();
  const theme = jar.get('theme');
  jar.set('visited', 'yes', { httpOnly: true });
  let readonly = '';
  try {
    h.set('x', 'y');
  } catch (e) {
    readonly = (e as Error).message;
  }
  return Response.json(
    { theme: theme ?? null, ua: h.get('user-agent'), readonly },
    { headers: { 'Set-Cookie': 'own=1; Path=/' } },
  );
}
