// Edge request bodies are cloned with a 10 MB cap: longer bodies are
// truncated with a warning, not rejected (spec §2.2).
export const config = { runtime: 'edge' };

export default async function handler(req: any) {
  const buf = new Uint8Array(await req.arrayBuffer());
  return Response.json({ method: req.method, bytes: buf.length, last: buf[buf.length - 1] ?? null });
}
