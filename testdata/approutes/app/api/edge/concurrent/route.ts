export const runtime = 'edge';

import { cookies, headers } from 'next/headers';

// Each request reads its own cookies after awaits that interleave with
// other requests on the same isolate.
export async function GET(request: Request) {
  const delay = Number(new URL(request.url).searchParams.get('delay'));
  await new Promise((r) => setTimeout(r, delay));
  const v = (await cookies()).get('v')?.value;
  await Promise.resolve();
  const h = (await headers()).get('x-v');
  return Response.json({ v, h });
}
