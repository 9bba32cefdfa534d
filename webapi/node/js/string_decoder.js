'use strict';
// node:string_decoder — decodes a byte stream chunk by chunk, holding back
// the bytes of a character split across chunks.

const { Buffer } = require('buffer');
const { codes } = require('internal/errors');

function normalize(enc) {
  const e = enc === undefined || enc === null ? 'utf8' : `${enc}`.toLowerCase();
  switch (e) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': case 'base64url': case 'ascii': case 'hex': return e;
    default: throw new codes.ERR_UNKNOWN_ENCODING(enc);
  }
}

// utf8Pending returns how many trailing bytes of buf start a character
// that is not complete yet.
function utf8Pending(buf) {
  const n = buf.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const c = buf[n - back];
    if ((c & 0xc0) === 0x80) continue; // continuation byte
    let need = 0;
    if (c >= 0xc2 && c <= 0xdf) need = 2;
    else if (c >= 0xe0 && c <= 0xef) need = 3;
    else if (c >= 0xf0 && c <= 0xf4) need = 4;
    return need > back ? back : 0;
  }
  return 0;
}

class StringDecoder {
  constructor(encoding) {
    this.encoding = normalize(encoding);
    this.lastChar = Buffer.alloc(4);
    this.lastNeed = 0;
    this.lastTotal = 0;
    this._pending = null;
  }

  write(buf) {
    if (typeof buf === 'string') return buf;
    if (!ArrayBuffer.isView(buf)) throw new codes.ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
    let bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (this._pending !== null && this._pending.length > 0) {
      bytes = Buffer.concat([this._pending, bytes]);
      this._pending = null;
    }
    let keep = 0;
    switch (this.encoding) {
      case 'utf8':
        keep = utf8Pending(bytes);
        break;
      case 'utf16le': {
        // Like Node, a trailing high surrogate is held back only when the
        // input ends on a code-unit boundary.
        keep = bytes.length % 2;
        if (keep === 0 && bytes.length >= 2) {
          const unit = bytes[bytes.length - 2] | (bytes[bytes.length - 1] << 8);
          if (unit >= 0xd800 && unit <= 0xdbff) keep = 2;
        }
        break;
      }
      case 'base64':
      case 'base64url':
        keep = bytes.length % 3;
        break;
      default:
        keep = 0;
    }
    if (keep > 0) {
      this._pending = Buffer.from(bytes.subarray(bytes.length - keep));
      bytes = bytes.subarray(0, bytes.length - keep);
    }
    this.lastNeed = keep;
    this.lastTotal = keep;
    return bytes.toString(this.encoding);
  }

  end(buf) {
    let r = '';
    if (buf !== undefined) r = this.write(buf);
    if (this._pending !== null && this._pending.length > 0) {
      r += this._pending.toString(this.encoding);
      this._pending = null;
    }
    this.lastNeed = 0;
    this.lastTotal = 0;
    return r;
  }

  text(buf, offset) {
    return this.write(buf.subarray(offset));
  }
}

module.exports = { StringDecoder };
