export const config = { api: { bodyParser: false } };

export default function handler(req, res) {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    res.json({
      body: Buffer.concat(chunks).toString('utf8'),
      buffers: chunks.every((c) => Buffer.isBuffer(c)),
      bodyIsUndefined: req.body === undefined,
      complete: req.complete,
    });
  });
}
