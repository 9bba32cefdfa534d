const busboy = require('busboy');
const body = Buffer.from('--X\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue-a\r\n--X\r\nContent-Disposition: form-data; name="f"; filename="hello.txt"\r\nContent-Type: text/plain\r\n\r\nfile contents here\r\n--X--\r\n');
module.exports = (done) => {
  const bb = busboy({ headers: { 'content-type': 'multipart/form-data; boundary=X' } });
  const out = [];
  bb.on('file', (name, file, info) => { const chunks = []; file.on('data', (d) => chunks.push(d)); file.on('close', () => out.push(`file:${name}:${info.filename}:${info.mimeType}:${Buffer.concat(chunks).toString()}`)); });
  bb.on('field', (name, val) => out.push(`field:${name}=${val}`));
  bb.on('close', () => done(out.join('|')));
  bb.on('error', (e) => done('error ' + e.message));
  bb.write(body.subarray(0, 30));
  bb.end(body.subarray(30));
};
