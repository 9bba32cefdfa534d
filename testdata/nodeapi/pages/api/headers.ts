// The request headers a handler sees, by name.
export default function handler(req, res) {
  const names = String(req.query.names || '').split(',');
  const out = {};
  for (const n of names) out[n] = req.headers[n] ?? null;
  res.json(out);
}
