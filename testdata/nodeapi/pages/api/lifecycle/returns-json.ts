export default function handler(req, res) {
  return res.json({ ok: true });
}
