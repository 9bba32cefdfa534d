export const config = { api: { bodyParser: { sizeLimit: '10b' } } };

export default function handler(req, res) {
  res.json({ body: req.body });
}
