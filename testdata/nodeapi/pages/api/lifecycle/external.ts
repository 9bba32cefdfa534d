export const config = { api: { externalResolver: true } };

export default function handler(req, res) {
  setTimeout(() => res.send('external'), 5);
}
