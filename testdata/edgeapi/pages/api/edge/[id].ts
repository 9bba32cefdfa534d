// Dynamic params reach edge handlers through the URL query (spec §2.3).
export const config = { runtime: 'edge' };

export default function handler(req: any) {
  const sp = req.nextUrl.searchParams;
  return Response.json({ url: req.url, id: sp.get('id'), ids: sp.getAll('id') });
}
