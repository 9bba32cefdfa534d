export default function handler(req, res) {
  res.json({ ok: true });
  return 42;
}
