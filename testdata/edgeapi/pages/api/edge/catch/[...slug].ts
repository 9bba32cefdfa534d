export const config = { runtime: 'edge' };

export default function handler(req: any) {
  return new Response(req.url);
}
