export const config = { api: { bodyParser: false } };

// A listener that throws fails this request, not the shared isolate.
export default function handler(req, res) {
  res.setHeader('X-Before', 'kept');
  req.on('data', () => {
    throw new Error('data boom');
  });
}
