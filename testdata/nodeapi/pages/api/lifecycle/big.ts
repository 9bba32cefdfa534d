export default function handler(req, res) {
  res.send('x'.repeat(5 * 1024 * 1024));
}
