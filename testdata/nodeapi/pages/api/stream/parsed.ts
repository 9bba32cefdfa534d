// With the body parser on, the stream has already been consumed.
export default async function handler(req, res) {
  let n = 0;
  for await (const chunk of req) n += chunk.length;
  res.json({ streamed: n, body: req.body });
}
