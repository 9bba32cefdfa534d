export default function handler(req, res) {
  const s = req.socket;
  res.json({ remoteAddress: s.remoteAddress, localAddress: s.localAddress, encrypted: s.encrypted, same: req.connection === s && res.socket === s });
}
