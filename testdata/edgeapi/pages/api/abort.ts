// request.signal aborts when the client disconnects (spec §2.2). The
// handler parks until its signal fires and records the abort in module
// state; a later request reads that state.
export const config = { runtime: 'edge' };

const seen: string[] = [];

export default async function handler(req: any) {
  if (req.nextUrl.searchParams.has('read')) return Response.json(seen);
  const aborted = new Promise<any>((resolve) => {
    req.signal.addEventListener('abort', () => resolve(req.signal.reason));
  });
  // Tell the test the handler is listening, so it knows when to hang up.
  await fetch(req.nextUrl.searchParams.get('parked'), { method: 'POST', body: 'parked' });
  const reason = await aborted;
  seen.push(`aborted=${req.signal.aborted} name=${reason?.name} message=${JSON.stringify(reason?.message)} error=${reason instanceof Error}`);
  return new Response('too late');
}
