export const config = { api: { responseLimit: '1kb' } };

export default function handler(req, res) {
  res.write('y'.repeat(600));
  res.end('y'.repeat(600));
}
