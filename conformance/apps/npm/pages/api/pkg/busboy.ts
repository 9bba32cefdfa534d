// busboy on the raw request stream (bodyParser: false), as upload routes do.
import Busboy from 'busboy';
import { createHash } from 'crypto';
import type { NextApiRequest, NextApiResponse } from 'next';

export const config = { api: { bodyParser: false } };

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const bb = Busboy({ headers: req.headers });
  const fields: Record<string, string> = {};
  const files: { field: string; filename: string; mimeType: string; size: number; sha256: string }[] = [];
  bb.on('field', (name, value) => { fields[name] = value; });
  bb.on('file', (field, stream, info) => {
    const hash = createHash('sha256');
    let size = 0;
    stream.on('data', (d: Buffer) => { size += d.length; hash.update(d); });
    stream.on('end', () => files.push({ field, filename: info.filename, mimeType: info.mimeType, size, sha256: hash.digest('hex') }));
  });
  bb.on('close', () => res.json({ fields, files }));
  bb.on('error', (e: Error) => res.status(400).json({ error: e.message }));
  req.pipe(bb);
}
