const { formidable } = require('formidable');
const { Readable } = require('stream');
const os = require('os');
const fs = require('fs');
const body = Buffer.from('--X\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue-a\r\n--X\r\nContent-Disposition: form-data; name="f"; filename="hello.txt"\r\nContent-Type: text/plain\r\n\r\nfile contents here\r\n--X--\r\n');
module.exports = (done) => {
  const form = formidable({ uploadDir: os.tmpdir() });
  const req = Readable.from([body.subarray(0, 40), body.subarray(40)], { objectMode: false });
  req.headers = { 'content-type': 'multipart/form-data; boundary=X', 'content-length': String(body.length) };
  form.parse(req, (err, fields, files) => {
    if (err) { done('error ' + err.stack); return; }
    const f = files.f[0];
    const content = fs.readFileSync(f.filepath, 'utf8');
    fs.unlinkSync(f.filepath);
    done(`fields=${JSON.stringify(fields)} file=${f.originalFilename}:${f.size}:${content}`);
  });
};
