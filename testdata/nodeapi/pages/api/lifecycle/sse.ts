// Server-sent events: the route stops its timer when the client leaves.
const events: string[] = [];

export default function handler(req, res) {
  if (req.query.read !== undefined) {
    res.json(events);
    return;
  }
  res.setHeader('Content-Type', 'text/event-stream');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.flushHeaders();
  res.write('data: hello\n\n');
  const timer = setInterval(() => res.write('data: tick\n\n'), 5);
  req.on('aborted', () => events.push('req aborted'));
  req.on('close', () => {
    clearInterval(timer);
    events.push('req close');
  });
  res.on('close', () => events.push(`res close finished=${res.writableFinished}`));
}
