import type { NextRequest } from 'next/server';

export const config = {
  runtime: 'edge',
};

export default async function handler(req: NextRequest) {
  const userAgent = req.headers.get('user-agent');
  const country = req.geo?.country;
  const city = req.geo?.city;

  return new Response(
    JSON.stringify({
      userAgent,
      country,
      city,
    }),
    {
      status: 200,
      headers: {
        'content-type': 'application/json',
        'cache-control': 'public, s-maxage=60',
      },
    }
  );
}
