export default async function handler(req, res) {
  res.setHeader('X-Before', 'kept');
  await null;
  throw new TypeError('async boom');
}
