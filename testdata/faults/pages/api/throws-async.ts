export default async function handler(req, res) {
  await Promise.resolve();
  throw new TypeError('async boom');
}
