import type { NextRequest } from 'next/server';
import { headers } from 'next/headers';

export const dynamic = 'force-static';

export async function GET(request: NextRequest) {
  return Response.json({
    ua: request.headers.get('user-agent'),
    h: (await headers()).get('user-agent'),
    search: request.nextUrl.search,
    url: request.url,
  });
}
