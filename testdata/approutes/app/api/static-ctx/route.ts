// A static route gets { params: undefined }.
export function GET(_: Request, ctx: { params?: unknown }) {
  return Response.json({ keys: Object.keys(ctx), params: String(ctx.params) });
}
