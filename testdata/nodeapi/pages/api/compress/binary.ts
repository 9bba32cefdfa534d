export default function handler(req, res) {
  res.send(Buffer.alloc(4000, 1));
}
