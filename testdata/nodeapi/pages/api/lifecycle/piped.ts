import { Readable } from 'stream';

// A piped response counts as sent: no warning.
export default function handler(req, res) {
  const r = new Readable({ read() {} });
  r.pipe(res);
  setTimeout(() => { r.push('piped'); r.push(null); }, 5);
}
