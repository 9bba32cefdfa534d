import { Readable } from 'stream';
import type { NextApiRequest, NextApiResponse } from 'next';

let finishedTiming = 'not run';

// One NextApiResponse behaviour per ?case=.
const cases: Record<string, (req: NextApiRequest, res: NextApiResponse) => unknown> = {
  'status': (req, res) => res.status(201).send('created'),
  'status-string': (req, res) => res.status('202' as any).end('coerced'),
  'status-invalid': (req, res) => res.status(1000).end('never'),
  'set-header': (req, res) => {
    res.setHeader('X-Multi', ['a', 'b']);
    res.setHeader('x-CamelCase', 'kept');
    res.setHeader('X-Num', 42);
    res.end('ok');
  },
  // A hole in a header array is String(undefined), as in Node.
  'set-header-hole': (req, res) => {
    res.setHeader('X-Hole', [, 'b'] as any);
    res.end('ok');
  },
  'get-header': (req, res) => {
    res.setHeader('X-A', '1');
    res.setHeader('Set-Cookie', ['a=1', 'b=2']);
    res.json({
      a: res.getHeader('x-a'),
      cookies: res.getHeader('set-cookie'),
      none: res.getHeader('x-none') ?? null,
      names: res.getHeaderNames(),
      has: res.hasHeader('X-A'),
      sent: res.headersSent,
    });
  },
  'invalid-header': (req, res) => {
    try {
      res.setHeader('X-Bad', 'a\nb');
    } catch (e) {
      res.status(500).send(`${e.name} ${e.code}: ${e.message}`);
    }
  },
  'write-head': (req, res) => {
    res.writeHead(201, { 'X-W': 'w', 'Content-Type': 'text/plain' });
    res.write('a');
    res.end('b');
  },
  'write-head-reason': (req, res) => {
    res.writeHead(202, 'Custom Reason', { 'Content-Type': 'text/plain' });
    res.end('accepted');
  },
  'status-message': (req, res) => {
    res.statusMessage = 'Totally Fine';
    res.end('ok');
  },
  'flush-headers': (req, res) => {
    res.setHeader('X-Flushed', 'yes');
    res.flushHeaders();
    const sent = res.headersSent;
    setTimeout(() => res.end(`later sent=${sent}`), 1);
  },
  'headers-sent': (req, res) => {
    res.write('a');
    try {
      res.setHeader('X-Late', '1');
    } catch (e) {
      res.end(` ${e.code}`);
    }
  },
  'write-end': (req, res) => {
    res.write('one ');
    res.write(Buffer.from('two '));
    res.end(new Uint8Array([116, 104, 114, 101, 101]));
  },
  'end-only': (req, res) => {
    res.end('abc');
  },
  'send-string': (req, res) => res.send('hello'),
  'send-buffer': (req, res) => res.send(Buffer.from('buf')),
  'send-buffer-typed': (req, res) => {
    res.setHeader('Content-Type', 'image/png');
    res.send(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  },
  'send-object': (req, res) => res.send({ a: 1 }),
  'send-number': (req, res) => res.send(42),
  'send-boolean': (req, res) => res.send(true),
  'send-null': (req, res) => res.send(null),
  'send-stream': (req, res) => res.send(Readable.from(['a', 'b', 'c'])),
  'json-null': (req, res) => res.json(null),
  'json-undefined': (req, res) => res.json(undefined),
  'json-string': (req, res) => res.json('str'),
  'redirect': (req, res) => res.redirect('/api/target'),
  'redirect-status': (req, res) => res.redirect(301, '/api/moved'),
  'redirect-bad': (req, res) => res.redirect(301 as any),
  'status-204': (req, res) => res.status(204).send('ignored'),
  'status-304': (req, res) => res.status(304).json({ a: 1 }),
  'draft-on': (req, res) => {
    res.setDraftMode({ enable: true });
    res.end('draft on');
  },
  'draft-off': (req, res) => {
    res.setDraftMode({ enable: false });
    res.end('draft off');
  },
  'preview-set': (req, res) => {
    res.setPreviewData({ user: 'ada' }, { maxAge: 60, path: '/api' });
    res.end('preview set');
  },
  'preview-set-plain': (req, res) => {
    res.setPreviewData({ user: 'bob' });
    res.end('preview set');
  },
  'preview-big': (req, res) => {
    try {
      res.setPreviewData({ blob: 'x'.repeat(3000) });
      res.end('no error');
    } catch (e) {
      res.status(500).send(e.message);
    }
  },
  'preview-clear': (req, res) => {
    res.clearPreviewData();
    res.clearPreviewData(); // the second call adds nothing
    res.end('cleared');
  },
  'preview-read': (req, res) => {
    res.json({ previewData: req.previewData, preview: req.preview ?? null, draftMode: req.draftMode ?? null });
  },
  'revalidate-bad': async (req, res) => {
    try {
      await res.revalidate('blog/post-1');
      res.send('no error');
    } catch (e) {
      res.status(500).send(e.message);
    }
  },
  // Next's helpers are closures over res: they work unbound, and a
  // wrapper that calls the original without `this` keeps working.
  'unbound-json': (req, res) => {
    const { json } = res;
    json({ unbound: true });
  },
  'wrapped-json': (req, res) => {
    const original = res.json;
    res.json = (body) => original({ wrapped: body });
    res.status(201).json({ a: 1 });
  },
  // Next's send/json call res.end and res.setHeader through res, so a
  // route's replacements of them are used.
  'wrapped-end': (req, res) => {
    const end = res.end;
    res.end = function (this: any, ...args: any[]) {
      res.setHeader('X-Wrapped', 'end');
      return (end as any).apply(this, args);
    } as any;
    res.json({ via: 'end' });
  },
  'wrapped-set-header': (req, res) => {
    const setHeader = res.setHeader;
    res.setHeader = function (this: any, name: string, value: any) {
      return setHeader.call(this, name, name === 'Content-Type' ? 'application/vnd.custom+json' : value);
    } as any;
    res.json({ custom: true });
  },
  // writableFinished turns true after the task that ended the response,
  // as 'finish' would be emitted, even with nobody listening.
  'finished-timing': (req, res) => {
    const before = res.writableFinished;
    res.end('ended');
    const sync = res.writableFinished;
    setTimeout(() => { finishedTiming = `${before} ${sync} ${res.writableFinished} ${res.writableEnded}`; }, 0);
  },
  // Node checks the chunk before it writes the head, so Next's 500 can
  // still go out.
  'end-number': (req, res) => {
    res.setHeader('X-Before', 'kept');
    res.end(42 as any);
  },
  'finished-report': async (req, res) => {
    await new Promise((resolve) => setTimeout(resolve, 20)); // after finished-timing's timer
    res.send(finishedTiming);
  },
  'revalidate': async (req, res) => {
    await res.revalidate('/blog/post-1');
    res.json({ revalidated: true });
  },
};

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const fn = cases[String(req.query.case)];
  if (!fn) {
    res.status(404).json({ error: `no case ${req.query.case}` });
    return;
  }
  await fn(req, res);
}
