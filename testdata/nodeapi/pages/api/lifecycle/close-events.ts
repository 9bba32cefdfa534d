// The events a normal response emits, in order.
const events: string[] = [];

export default function handler(req, res) {
  if (req.query.read !== undefined) {
    res.json(events);
    return;
  }
  events.length = 0;
  req.on('close', () => events.push('req close'));
  res.on('finish', () => events.push('res finish'));
  res.on('close', () => events.push('res close'));
  res.send('done');
}
