// 1,000 chunks through a TransformStream. Line 0 goes out, then the route
// waits for the gate (opened by the test once it has read line 0) before
// it produces lines 1-999: the client sees the first chunk before the last
// one exists.
export const config = { runtime: 'edge' };

export default function handler(req: any) {
  const gate = req.nextUrl.searchParams.get('gate');
  const enc = new TextEncoder();
  const { readable, writable } = new TransformStream<string, Uint8Array>({
    transform(line, controller) {
      controller.enqueue(enc.encode(line + '\n'));
    },
  });
  (async () => {
    const writer = writable.getWriter();
    await writer.write('line 0');
    await (await fetch(gate)).text();
    for (let i = 1; i < 1000; i++) await writer.write(`line ${i}`);
    await writer.close();
  })();
  return new Response(readable);
}
