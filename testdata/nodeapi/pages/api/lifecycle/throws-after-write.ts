export default function handler(req, res) {
  res.write('partial;');
  throw new Error('late boom');
}
