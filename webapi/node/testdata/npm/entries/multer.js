const multer = require('multer');
const { Readable } = require('stream');
const body = Buffer.from('--X\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue-a\r\n--X\r\nContent-Disposition: form-data; name="f"; filename="hello.txt"\r\nContent-Type: text/plain\r\n\r\nfile contents here\r\n--X--\r\n');
module.exports = (done) => {
  const upload = multer({ storage: multer.memoryStorage() });
  const req = Readable.from([body]);
  req.headers = { 'content-type': 'multipart/form-data; boundary=X', 'content-length': String(body.length), 'transfer-encoding': undefined };
  req.method = 'POST';
  upload.single('f')(req, {}, (err) => {
    if (err) { done('error ' + err.stack); return; }
    done(`body=${JSON.stringify(req.body)} file=${req.file.originalname}:${req.file.size}:${req.file.buffer.toString()}`);
  });
};
