// Resolves before responding: Next warns in dev, the response still comes.
export default function handler(req, res) {
  setTimeout(() => res.send('late'), 5);
}
