import { z } from 'zod';

// An App Router handler in the Node runtime that imports an npm package:
// in dev the package comes from the vendor bundle, as for pages routes.
const Query = z.object({ name: z.string().min(2) });

export function GET(request: Request) {
  const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ ok: false }, { status: 400 });
  return Response.json({ ok: true, name: parsed.data.name });
}
