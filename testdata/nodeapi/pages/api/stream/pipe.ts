export const config = { api: { bodyParser: false } };

// Streams the request body straight back.
export default function handler(req, res) {
  res.setHeader('Content-Type', 'application/octet-stream');
  req.pipe(res);
}
