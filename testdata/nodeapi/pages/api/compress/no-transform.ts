export default function handler(req, res) {
  res.setHeader('Cache-Control', 'no-transform');
  res.json({ text: 'z'.repeat(4000) });
}
