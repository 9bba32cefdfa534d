const jwt = require('jsonwebtoken');
const crypto = require('crypto');
module.exports = (done) => {
  const t = jwt.sign({ sub: 'u1' }, 'secret', { algorithm: 'HS256', noTimestamp: true });
  const v = jwt.verify(t, 'secret');
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rs = jwt.sign({ a: 1 }, privateKey, { algorithm: 'RS256' });
  const rv = jwt.verify(rs, publicKey);
  const ps = jwt.sign({ a: 2 }, privateKey.export({ type: 'pkcs8', format: 'pem' }), { algorithm: 'PS256' });
  const pv = jwt.verify(ps, publicKey.export({ type: 'spki', format: 'pem' }));
  const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const es = jwt.sign({ a: 3 }, ec.privateKey, { algorithm: 'ES256' });
  const ev = jwt.verify(es, ec.publicKey);
  let bad;
  try { jwt.verify(t, 'wrong') } catch (e) { bad = e.name + ':' + e.message }
  done([t, v.sub, rv.a, pv.a, ev.a, bad].join(' '));
};
