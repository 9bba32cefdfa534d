// A streamed body reaches the client chunk by chunk: the second chunk is
// produced only after the gate (a URL the test serves) opens, and the test
// opens it only once it has read the first chunk. A server that buffered
// the body would never send chunk 1, and the test would time out.
export const config = { runtime: 'edge' };

export default function handler(req: any) {
  const gate = req.nextUrl.searchParams.get('gate');
  const enc = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      controller.enqueue(enc.encode('chunk 1\n'));
      const res = await fetch(gate);
      controller.enqueue(enc.encode(`chunk 2 after gate said ${await res.text()}\n`));
      controller.close();
    },
  });
  return new Response(stream, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
