// Every method reaches the handler: no automatic 405 or OPTIONS answer.
export default function handler(req, res) {
  res.setHeader('X-Method', req.method);
  res.send(`method=${req.method}`);
}
