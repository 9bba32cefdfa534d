export default function handler(req, res) {
  res.setHeader('X-Before', 'kept');
  throw new Error('boom');
}
