export const config = { api: { bodyParser: { sizeLimit: 16 } } };

export default function handler(req, res) {
  res.json({ body: req.body });
}
