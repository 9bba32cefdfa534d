// event.waitUntil work keeps running after the response is sent (spec
// §2.2). The work waits for the gate, which the test opens only after it
// has read the whole response, then reports to the test.
export const config = { runtime: 'edge' };

export default function handler(req: any, event: any) {
  const gate = req.nextUrl.searchParams.get('gate');
  const report = req.nextUrl.searchParams.get('report');
  event.waitUntil((async () => {
    const opened = await (await fetch(gate)).text();
    await fetch(report, { method: 'POST', body: `after response, gate said ${opened}` });
  })());
  return new Response('sent');
}
