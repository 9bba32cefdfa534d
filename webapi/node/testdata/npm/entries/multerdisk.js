const multer = require('multer');
const { Readable } = require('stream');
const os = require('os');
const fs = require('fs');
const body = Buffer.from('--X\r\nContent-Disposition: form-data; name="f"; filename="disk.txt"\r\nContent-Type: text/plain\r\n\r\n' + 'x'.repeat(100000) + '\r\n--X--\r\n');
module.exports = (done) => {
  const upload = multer({ dest: os.tmpdir() });
  const req = Readable.from([body.subarray(0, 1000), body.subarray(1000)]);
  req.headers = { 'content-type': 'multipart/form-data; boundary=X', 'content-length': String(body.length) };
  req.method = 'POST';
  upload.single('f')(req, {}, (err) => {
    if (err) { done('error ' + err.stack); return; }
    const size = fs.statSync(req.file.path).size;
    fs.unlinkSync(req.file.path);
    done(`file=${req.file.originalname}:${req.file.size}:${size}`);
  });
};
