import type { NextRequest } from 'next/server';

export async function GET(request: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  const isPromise = ctx.params instanceof Promise;
  const { id } = await ctx.params;
  return Response.json({ id, isPromise, pathname: request.nextUrl.pathname, search: request.nextUrl.search, url: request.url });
}
