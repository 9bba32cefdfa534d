// ?n= items of JSON: small stays plain, large is gzip-encoded.
export default function handler(req, res) {
  const n = Number(req.query.n || 1);
  res.json({ items: Array.from({ length: n }, (_, i) => ({ id: i, name: `item ${i}` })) });
}
