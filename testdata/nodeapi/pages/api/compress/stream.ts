// A streamed text body, no Content-Length: compressed whatever its size.
export default function handler(req, res) {
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.write('chunk one\n');
  setTimeout(() => res.end('chunk two\n'), 1);
}
