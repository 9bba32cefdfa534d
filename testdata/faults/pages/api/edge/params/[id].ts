export const config = { runtime: 'edge' };
export default (req) => new Response(req.url.replace(/^http:\/\/[^/]+/, '') + ' ' + req.nextUrl.searchParams.get('id'));
