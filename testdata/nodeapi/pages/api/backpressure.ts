import type { NextApiRequest, NextApiResponse } from 'next';

// res.write returns false once the response's unsent bytes pass the
// high-water mark, and res emits 'drain' when the client has caught up:
// what Readable.pipe and hand-written producers wait on.
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const chunk = 'x'.repeat(64 * 1024);
  let writes = 0;
  while (res.write(chunk)) {
    writes++;
    if (writes > 1000) {
      res.end('|no backpressure');
      return;
    }
  }
  res.once('drain', () => {
    res.write(`|writes before false: ${writes < 1000 ? 'bounded' : writes}`);
    res.end('|drained');
  });
}
