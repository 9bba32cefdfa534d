export default function handler(req, res) {
  return res.redirect('/api/elsewhere');
}
