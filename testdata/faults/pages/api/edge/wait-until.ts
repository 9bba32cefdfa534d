export const config = { runtime: 'edge' };
let log: string[] = [];
export default (req, event) => {
  if (req.nextUrl.searchParams.has('read')) return Response.json(log);
  event.waitUntil(new Promise((resolve) => setTimeout(() => { log.push('after response'); resolve(undefined); }, 20)));
  return new Response('sent');
};
