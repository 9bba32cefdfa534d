export const config = { api: { bodyParser: false } };

// Answers without reading its body (or, with ?read=one, after one chunk).
export default function handler(req, res) {
  if (req.query.read === 'one') {
    req.once('data', () => res.end('read one chunk'));
    return;
  }
  if (req.query.throw) throw new Error('before reading');
  res.end('did not read');
}
