export const config = { api: { bodyParser: false } };

export default async function handler(req, res) {
  let size = 0;
  let text = '';
  for await (const chunk of req) {
    size += chunk.length;
    text += chunk.toString('latin1');
  }
  res.json({ size, head: text.slice(0, 8), tail: text.slice(-8), hasIterator: typeof req[Symbol.asyncIterator] });
}
