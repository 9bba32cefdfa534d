'use strict';
// node:buffer — Buffer is a Uint8Array subclass (FastBuffer) whose
// prototype is shared with the callable Buffer function, as in Node.
// Encodings, search, compare and copy are Go natives (binding); integer
// and float accessors are plain JS over the bytes.

const { codes, validateNumber, validateInteger } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, ERR_UNKNOWN_ENCODING, ERR_BUFFER_OUT_OF_BOUNDS, ERR_INVALID_ARG_VALUE, ERR_INVALID_BUFFER_SIZE } = codes;

const kMaxLength = 2 ** 32;
const kStringMaxLength = 2 ** 29 - 24;
const customInspect = Symbol.for('nodejs.util.inspect.custom');

class FastBuffer extends Uint8Array {
  constructor(a, b, c) { super(a, b, c); }
}

binding.setPrototype(FastBuffer.prototype);

function Buffer(arg, encodingOrOffset, length) {
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}
Object.defineProperty(Buffer, 'name', { value: 'Buffer' });
Buffer.prototype = FastBuffer.prototype;
Object.defineProperty(FastBuffer.prototype, 'constructor', { value: Buffer, writable: true, configurable: true, enumerable: false });
Object.setPrototypeOf(Buffer, Uint8Array);
Object.defineProperty(Buffer, Symbol.species, { get() { return FastBuffer; }, configurable: true });

Buffer.poolSize = 8 * 1024;

function normalizeEncoding(enc) {
  if (enc === undefined || enc === null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  return binding.normalizeEncoding(String(enc));
}

function getEncoding(encoding) {
  const enc = normalizeEncoding(encoding);
  if (enc === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return enc;
}

function validateSize(size) {
  if (typeof size !== 'number') throw new ERR_INVALID_ARG_TYPE('size', 'number', size);
  if (!(size >= 0 && size <= kMaxLength)) throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxLength}`, size);
}

Buffer.alloc = function alloc(size, fill, encoding) {
  validateSize(size);
  const buf = new FastBuffer(size);
  if (fill !== undefined && fill !== 0 && size > 0) {
    return _fill(buf, fill, 0, buf.length, encoding);
  }
  return buf;
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateSize(size);
  return new FastBuffer(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateSize(size);
  return new FastBuffer(size);
};

function SlowBuffer(size) {
  validateSize(size);
  return new FastBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

function fromArrayLike(obj) {
  const len = obj.length >>> 0;
  const buf = new FastBuffer(len);
  for (let i = 0; i < len; i++) buf[i] = obj[i];
  return buf;
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return binding.fromString(value, getEncoding(encodingOrOffset));
  if (typeof value === 'object' && value !== null) {
    if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)) {
      return fromArrayBuffer(value, encodingOrOffset, length);
    }
    if (ArrayBuffer.isView(value)) {
      if (value instanceof Uint8Array) {
        const buf = new FastBuffer(value.length);
        binding.copy(value, buf, 0, 0, value.length);
        return buf;
      }
      return fromArrayLike(value);
    }
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value && (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    if (typeof value.length === 'number' || Array.isArray(value)) return fromArrayLike(value);
    if (value.type === 'Buffer' && Array.isArray(value.data)) return fromArrayLike(value.data);
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return binding.fromString(primitive, getEncoding(encodingOrOffset));
    }
  }
  throw new ERR_INVALID_ARG_TYPE('first argument', ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset = 0, length) {
  if (!ArrayBuffer.isView(view) || view instanceof DataView) throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  const el = view.BYTES_PER_ELEMENT;
  const end = length === undefined ? view.length : Math.min(view.length, offset + length);
  if (offset >= view.length || end <= offset) return new FastBuffer(0);
  const src = new Uint8Array(view.buffer, view.byteOffset + offset * el, (end - offset) * el);
  return Buffer.from(src);
};

Buffer.of = function of(...items) {
  const buf = new FastBuffer(items.length);
  for (let i = 0; i < items.length; i++) buf[i] = items[i];
  return buf;
};

Buffer.isBuffer = function isBuffer(b) { return b instanceof Buffer; };

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 && normalizeEncoding(encoding) !== undefined;
};

Buffer.byteLength = function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || string instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && string instanceof SharedArrayBuffer)) {
      return string.byteLength;
    }
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const enc = normalizeEncoding(encoding) || 'utf8';
  return binding.byteLength(string, enc);
};

Buffer.compare = function compare(buf1, buf2) {
  if (!(buf1 instanceof Uint8Array)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!(buf2 instanceof Uint8Array)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return binding.compare(buf1, buf2);
};

Buffer.concat = function concat(list, length) {
  if (!Array.isArray(list)) throw new ERR_INVALID_ARG_TYPE('list', 'Array', list);
  if (list.length === 0) return new FastBuffer(0);
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (!(list[i] instanceof Uint8Array)) throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
      length += list[i].length;
    }
  } else {
    validateInteger(length, 'length', 0);
    for (let i = 0; i < list.length; i++) {
      if (!(list[i] instanceof Uint8Array)) throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    }
  }
  return binding.concat(list, length);
};

const proto = Buffer.prototype;

Object.defineProperty(proto, 'parent', {
  enumerable: true, configurable: true,
  get() { return this instanceof Buffer ? this.buffer : undefined; },
});
Object.defineProperty(proto, 'offset', {
  enumerable: true, configurable: true,
  get() { return this instanceof Buffer ? this.byteOffset : undefined; },
});

// Clamping (start <= 0 or undefined → 0, end past the length → length,
// empty when end <= start) and encoding lookup happen in Go.
const bufToString = binding.toString;
proto.toString = function toString(encoding, start, end) {
  return bufToString(this, encoding, start, end);
};
proto.toLocaleString = proto.toString;

proto.equals = function equals(otherBuffer) {
  if (!(otherBuffer instanceof Uint8Array)) throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  if (this === otherBuffer) return true;
  if (this.byteLength !== otherBuffer.byteLength) return false;
  return this.byteLength === 0 || binding.compare(this, otherBuffer) === 0;
};

proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!(target instanceof Uint8Array)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (arguments.length === 1) return binding.compare(this, target);
  targetStart = targetStart === undefined ? 0 : checkOffset(targetStart, 'targetStart', target.length);
  targetEnd = targetEnd === undefined ? target.length : checkOffset(targetEnd, 'targetEnd', target.length);
  sourceStart = sourceStart === undefined ? 0 : checkOffset(sourceStart, 'sourceStart', this.length);
  sourceEnd = sourceEnd === undefined ? this.length : checkOffset(sourceEnd, 'sourceEnd', this.length);
  if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
  if (targetStart >= targetEnd) return 1;
  return binding.compare(this.subarray(sourceStart, sourceEnd), target.subarray(targetStart, targetEnd));
};

function checkOffset(v, name, max) {
  validateInteger(v, name, 0, max);
  return v;
}

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  if (!(target instanceof Uint8Array)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  targetStart = toInteger(targetStart, 0);
  if (targetStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  sourceStart = toInteger(sourceStart, 0);
  if (sourceStart < 0 || sourceStart > this.length) throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${this.length}`, sourceStart);
  sourceEnd = sourceEnd === undefined ? this.length : toInteger(sourceEnd, 0);
  if (sourceEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  if (sourceEnd > this.length) sourceEnd = this.length;
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  return binding.copy(this, target, targetStart, sourceStart, sourceEnd);
};

function toInteger(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) return n % 1 === 0 ? n : Math.floor(n);
  return defaultVal;
}

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  if (offset < length) return offset;
  return length;
}

proto.slice = function slice(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};
proto.subarray = proto.slice;

proto.toJSON = function toJSON() {
  const data = new Array(this.length);
  for (let i = 0; i < this.length; ++i) data[i] = this[i];
  return { type: 'Buffer', data };
};

function _fill(buf, value, offset, end, encoding) {
  if (typeof value === 'string') {
    if (encoding === undefined || typeof encoding !== 'string') {
      if (typeof offset === 'string') { encoding = offset; offset = 0; end = buf.length; }
      else if (typeof end === 'string') { encoding = end; end = buf.length; }
    }
    const normalized = normalizeEncoding(encoding);
    if (normalized === undefined) {
      if (typeof encoding !== 'string') throw new ERR_INVALID_ARG_TYPE('encoding', 'string', encoding);
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1 && (normalized === 'utf8' || normalized === 'latin1')) {
      const code = value.charCodeAt(0);
      if ((normalized === 'utf8' && code < 128) || normalized === 'latin1') value = code;
    }
    if (typeof value === 'string') {
      value = binding.fromString(value, normalized);
      if (value.length === 0) throw new ERR_INVALID_ARG_VALUE('value', arguments[1]);
    }
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateInteger(offset, 'offset', 0);
    if (end === undefined) end = buf.length;
    else validateInteger(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }
  if (typeof value === 'number') {
    Uint8Array.prototype.fill.call(buf, value & 255, offset, end);
  } else if (typeof value === 'boolean') {
    Uint8Array.prototype.fill.call(buf, +value, offset, end);
  } else if (value instanceof Uint8Array) {
    if (value.length === 0) throw new ERR_INVALID_ARG_VALUE('value', value);
    binding.fill(buf, value, offset, end);
  } else if (ArrayBuffer.isView(value)) {
    binding.fill(buf, new Uint8Array(value.buffer, value.byteOffset, value.byteLength), offset, end);
  } else {
    Uint8Array.prototype.fill.call(buf, Number(value) & 255, offset, end);
  }
  return buf;
}

proto.fill = function fill(value, offset, end, encoding) {
  return _fill(this, value, offset, end, encoding);
};

function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : buffer.length;
  if (typeof val === 'number') {
    val = (val >>> 0) & 255;
    if (dir) {
      return Uint8Array.prototype.indexOf.call(buffer, val, byteOffset);
    }
    return Uint8Array.prototype.lastIndexOf.call(buffer, val, byteOffset < 0 ? buffer.length + byteOffset : byteOffset);
  }
  let needle;
  if (typeof val === 'string') {
    needle = binding.fromString(val, getEncoding(encoding));
  } else if (val instanceof Uint8Array) {
    needle = val;
  } else {
    throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
  }
  return binding.indexOf(buffer, needle, byteOffset, dir);
}

proto.indexOf = function indexOf(val, byteOffset, encoding) { return bidirectionalIndexOf(this, val, byteOffset, encoding, true); };
proto.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) { return bidirectionalIndexOf(this, val, byteOffset, encoding, false); };
proto.includes = function includes(val, byteOffset, encoding) { return this.indexOf(val, byteOffset, encoding) !== -1; };

proto.write = function write(string, offset, length, encoding) {
  if (typeof string !== 'string') throw new ERR_INVALID_ARG_TYPE('argument', 'string', string);
  if (offset === undefined) {
    return binding.write(this, string, 0, this.length, 'utf8');
  }
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateInteger(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateInteger(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  return binding.write(this, string, offset, length, getEncoding(encoding));
};

for (const enc of ['utf8', 'latin1', 'ascii', 'hex', 'base64', 'base64url', 'ucs2', 'utf16le']) {
  const norm = normalizeEncoding(enc);
  proto[`${enc}Slice`] = function (start, end) { return binding.toString(this, norm, start, end); };
  proto[`${enc}Write`] = function (string, offset = 0, length = this.length - offset) {
    return binding.write(this, string, offset, length, norm);
  };
}
proto.binarySlice = proto.latin1Slice;
proto.binaryWrite = proto.latin1Write;

function swap(b, n, m) { const i = b[n]; b[n] = b[m]; b[m] = i; }
proto.swap16 = function swap16() {
  const len = this.length;
  if (len % 2 !== 0) throw new ERR_INVALID_BUFFER_SIZE('16-bits');
  for (let i = 0; i < len; i += 2) swap(this, i, i + 1);
  return this;
};
proto.swap32 = function swap32() {
  const len = this.length;
  if (len % 4 !== 0) throw new ERR_INVALID_BUFFER_SIZE('32-bits');
  for (let i = 0; i < len; i += 4) { swap(this, i, i + 3); swap(this, i + 1, i + 2); }
  return this;
};
proto.swap64 = function swap64() {
  const len = this.length;
  if (len % 8 !== 0) throw new ERR_INVALID_BUFFER_SIZE('64-bits');
  for (let i = 0; i < len; i += 8) { swap(this, i, i + 7); swap(this, i + 1, i + 6); swap(this, i + 2, i + 5); swap(this, i + 3, i + 4); }
  return this;
};

const INSPECT_MAX_BYTES = 50;
proto[customInspect] = function inspect(recurseTimes, ctx) {
  const max = exports.INSPECT_MAX_BYTES;
  const actualMax = Math.min(max, this.length);
  const remaining = this.length - max;
  let str = binding.toString(this, 'hex', 0, actualMax).replace(/(.{2})/g, '$1 ').trim();
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  const name = this.constructor && this.constructor.name ? this.constructor.name : 'Buffer';
  return `<${name === 'FastBuffer' ? 'Buffer' : name} ${str}>`.replace(' >', '>');
};
proto.inspect = proto[customInspect];

// ---- integer and float accessors ----

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type);
    throw new ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

function checkBounds(buf, offset, byteLength) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + byteLength] === undefined) boundsError(offset, buf.length - (byteLength + 1));
}

function readCheck(buf, offset, size) {
  if (offset === undefined) offset = 0;
  if (typeof offset !== 'number') throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  if (!Number.isInteger(offset) || offset < 0 || offset + size > buf.length) boundsError(offset, buf.length - size);
  return offset;
}

function checkInt(value, min, max, buf, offset, byteLength) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (byteLength > 3) {
      if (min === 0 || min === 0n) range = `>= 0${n} and < 2${n} ** ${(byteLength + 1) * 8}${n}`;
      else range = `>= -(2${n} ** ${(byteLength + 1) * 8 - 1}${n}) and < 2 ** ${(byteLength + 1) * 8 - 1}${n}`;
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new ERR_OUT_OF_RANGE('value', range, value);
  }
}

function writeCheck(buf, value, offset, size, min, max) {
  value = +value;
  if (offset === undefined) offset = 0;
  if (typeof offset !== 'number') throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  checkInt(value, min, max, buf, offset, size - 1);
  if (!Number.isInteger(offset) || offset < 0 || offset + size > buf.length) boundsError(offset, buf.length - size);
  return [value, offset];
}

function validateByteLength(byteLength) {
  if (byteLength === undefined) throw new ERR_INVALID_ARG_TYPE('byteLength', 'number', byteLength);
  validateInteger(byteLength, 'byteLength', 1, 6);
}

proto.readUInt8 = function readUInt8(offset = 0) { offset = readCheck(this, offset, 1); return this[offset]; };
proto.readInt8 = function readInt8(offset = 0) { offset = readCheck(this, offset, 1); const v = this[offset]; return v | (v & 2 ** 7) * 0x1fffffe; };
proto.readUInt16LE = function readUInt16LE(offset = 0) { offset = readCheck(this, offset, 2); return this[offset] + this[offset + 1] * 2 ** 8; };
proto.readUInt16BE = function readUInt16BE(offset = 0) { offset = readCheck(this, offset, 2); return this[offset] * 2 ** 8 + this[offset + 1]; };
proto.readInt16LE = function readInt16LE(offset = 0) { const v = this.readUInt16LE(offset); return v | (v & 2 ** 15) * 0x1fffe; };
proto.readInt16BE = function readInt16BE(offset = 0) { const v = this.readUInt16BE(offset); return v | (v & 2 ** 15) * 0x1fffe; };
proto.readUInt32LE = function readUInt32LE(offset = 0) {
  offset = readCheck(this, offset, 4);
  return this[offset] + this[offset + 1] * 2 ** 8 + this[offset + 2] * 2 ** 16 + this[offset + 3] * 2 ** 24;
};
proto.readUInt32BE = function readUInt32BE(offset = 0) {
  offset = readCheck(this, offset, 4);
  return this[offset] * 2 ** 24 + this[offset + 1] * 2 ** 16 + this[offset + 2] * 2 ** 8 + this[offset + 3];
};
proto.readInt32LE = function readInt32LE(offset = 0) {
  offset = readCheck(this, offset, 4);
  return this[offset] + this[offset + 1] * 2 ** 8 + this[offset + 2] * 2 ** 16 + (this[offset + 3] << 24);
};
proto.readInt32BE = function readInt32BE(offset = 0) {
  offset = readCheck(this, offset, 4);
  return (this[offset] << 24) + this[offset + 1] * 2 ** 16 + this[offset + 2] * 2 ** 8 + this[offset + 3];
};

proto.readUIntLE = function readUIntLE(offset, byteLength) {
  validateByteLength(byteLength);
  offset = readCheck(this, offset, byteLength);
  let val = 0, mul = 1;
  for (let i = 0; i < byteLength; i++) { val += this[offset + i] * mul; mul *= 256; }
  return val;
};
proto.readUIntBE = function readUIntBE(offset, byteLength) {
  validateByteLength(byteLength);
  offset = readCheck(this, offset, byteLength);
  let val = 0;
  for (let i = 0; i < byteLength; i++) val = val * 256 + this[offset + i];
  return val;
};
proto.readIntLE = function readIntLE(offset, byteLength) {
  const val = this.readUIntLE(offset, byteLength);
  const limit = 2 ** (8 * byteLength - 1);
  return val >= limit ? val - limit * 2 : val;
};
proto.readIntBE = function readIntBE(offset, byteLength) {
  const val = this.readUIntBE(offset, byteLength);
  const limit = 2 ** (8 * byteLength - 1);
  return val >= limit ? val - limit * 2 : val;
};

proto.writeUInt8 = function writeUInt8(value, offset = 0) {
  [value, offset] = writeCheck(this, value, offset, 1, 0, 0xff);
  this[offset] = value;
  return offset + 1;
};
proto.writeInt8 = function writeInt8(value, offset = 0) {
  [value, offset] = writeCheck(this, value, offset, 1, -0x80, 0x7f);
  this[offset] = value;
  return offset + 1;
};
function writeLE(buf, value, offset, n) {
  for (let i = 0; i < n; i++) { buf[offset + i] = value & 0xff; value = Math.floor(value / 256); }
  return offset + n;
}
function writeBE(buf, value, offset, n) {
  for (let i = n - 1; i >= 0; i--) { buf[offset + i] = value & 0xff; value = Math.floor(value / 256); }
  return offset + n;
}
function toUnsigned(value, n) { return value < 0 ? value + 2 ** (8 * n) : value; }

proto.writeUInt16LE = function writeUInt16LE(value, offset = 0) { [value, offset] = writeCheck(this, value, offset, 2, 0, 0xffff); return writeLE(this, value, offset, 2); };
proto.writeUInt16BE = function writeUInt16BE(value, offset = 0) { [value, offset] = writeCheck(this, value, offset, 2, 0, 0xffff); return writeBE(this, value, offset, 2); };
proto.writeInt16LE = function writeInt16LE(value, offset = 0) { [value, offset] = writeCheck(this, value, offset, 2, -0x8000, 0x7fff); return writeLE(this, toUnsigned(value, 2), offset, 2); };
proto.writeInt16BE = function writeInt16BE(value, offset = 0) { [value, offset] = writeCheck(this, value, offset, 2, -0x8000, 0x7fff); return writeBE(this, toUnsigned(value, 2), offset, 2); };
proto.writeUInt32LE = function writeUInt32LE(value, offset = 0) { [value, offset] = writeCheck(this, value, offset, 4, 0, 0xffffffff); return writeLE(this, value, offset, 4); };
proto.writeUInt32BE = function writeUInt32BE(value, offset = 0) { [value, offset] = writeCheck(this, value, offset, 4, 0, 0xffffffff); return writeBE(this, value, offset, 4); };
proto.writeInt32LE = function writeInt32LE(value, offset = 0) { [value, offset] = writeCheck(this, value, offset, 4, -0x80000000, 0x7fffffff); return writeLE(this, toUnsigned(value, 4), offset, 4); };
proto.writeInt32BE = function writeInt32BE(value, offset = 0) { [value, offset] = writeCheck(this, value, offset, 4, -0x80000000, 0x7fffffff); return writeBE(this, toUnsigned(value, 4), offset, 4); };

proto.writeUIntLE = function writeUIntLE(value, offset, byteLength) {
  validateByteLength(byteLength);
  [value, offset] = writeCheck(this, value, offset, byteLength, 0, 2 ** (8 * byteLength) - 1);
  return writeLE(this, value, offset, byteLength);
};
proto.writeUIntBE = function writeUIntBE(value, offset, byteLength) {
  validateByteLength(byteLength);
  [value, offset] = writeCheck(this, value, offset, byteLength, 0, 2 ** (8 * byteLength) - 1);
  return writeBE(this, value, offset, byteLength);
};
proto.writeIntLE = function writeIntLE(value, offset, byteLength) {
  validateByteLength(byteLength);
  const limit = 2 ** (8 * byteLength - 1);
  [value, offset] = writeCheck(this, value, offset, byteLength, -limit, limit - 1);
  return writeLE(this, toUnsigned(value, byteLength), offset, byteLength);
};
proto.writeIntBE = function writeIntBE(value, offset, byteLength) {
  validateByteLength(byteLength);
  const limit = 2 ** (8 * byteLength - 1);
  [value, offset] = writeCheck(this, value, offset, byteLength, -limit, limit - 1);
  return writeBE(this, toUnsigned(value, byteLength), offset, byteLength);
};

// Floats and 64-bit integers go through a scratch DataView.
const scratch = new ArrayBuffer(8);
const scratchView = new DataView(scratch);
const scratchBytes = new Uint8Array(scratch);

function readVia(buf, offset, size, read) {
  offset = readCheck(buf, offset, size);
  for (let i = 0; i < size; i++) scratchBytes[i] = buf[offset + i];
  return read();
}
function writeVia(buf, offset, size, write) {
  if (offset === undefined) offset = 0;
  if (typeof offset !== 'number') throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  if (!Number.isInteger(offset) || offset < 0 || offset + size > buf.length) boundsError(offset, buf.length - size);
  write();
  for (let i = 0; i < size; i++) buf[offset + i] = scratchBytes[i];
  return offset + size;
}

proto.readFloatLE = function readFloatLE(offset = 0) { return readVia(this, offset, 4, () => scratchView.getFloat32(0, true)); };
proto.readFloatBE = function readFloatBE(offset = 0) { return readVia(this, offset, 4, () => scratchView.getFloat32(0, false)); };
proto.readDoubleLE = function readDoubleLE(offset = 0) { return readVia(this, offset, 8, () => scratchView.getFloat64(0, true)); };
proto.readDoubleBE = function readDoubleBE(offset = 0) { return readVia(this, offset, 8, () => scratchView.getFloat64(0, false)); };
proto.writeFloatLE = function writeFloatLE(value, offset = 0) { return writeVia(this, offset, 4, () => scratchView.setFloat32(0, +value, true)); };
proto.writeFloatBE = function writeFloatBE(value, offset = 0) { return writeVia(this, offset, 4, () => scratchView.setFloat32(0, +value, false)); };
proto.writeDoubleLE = function writeDoubleLE(value, offset = 0) { return writeVia(this, offset, 8, () => scratchView.setFloat64(0, +value, true)); };
proto.writeDoubleBE = function writeDoubleBE(value, offset = 0) { return writeVia(this, offset, 8, () => scratchView.setFloat64(0, +value, false)); };

proto.readBigUInt64LE = function readBigUInt64LE(offset = 0) { return readVia(this, offset, 8, () => scratchView.getBigUint64(0, true)); };
proto.readBigUInt64BE = function readBigUInt64BE(offset = 0) { return readVia(this, offset, 8, () => scratchView.getBigUint64(0, false)); };
proto.readBigInt64LE = function readBigInt64LE(offset = 0) { return readVia(this, offset, 8, () => scratchView.getBigInt64(0, true)); };
proto.readBigInt64BE = function readBigInt64BE(offset = 0) { return readVia(this, offset, 8, () => scratchView.getBigInt64(0, false)); };

function checkBigInt(value, min, max) {
  if (typeof value !== 'bigint') throw new ERR_INVALID_ARG_TYPE('value', 'bigint', value);
  checkInt(value, min, max, null, 0, 7);
}
proto.writeBigUInt64LE = function writeBigUInt64LE(value, offset = 0) { checkBigInt(value, 0n, 0xffffffffffffffffn); return writeVia(this, offset, 8, () => scratchView.setBigUint64(0, value, true)); };
proto.writeBigUInt64BE = function writeBigUInt64BE(value, offset = 0) { checkBigInt(value, 0n, 0xffffffffffffffffn); return writeVia(this, offset, 8, () => scratchView.setBigUint64(0, value, false)); };
proto.writeBigInt64LE = function writeBigInt64LE(value, offset = 0) { checkBigInt(value, -(2n ** 63n), 2n ** 63n - 1n); return writeVia(this, offset, 8, () => scratchView.setBigInt64(0, value, true)); };
proto.writeBigInt64BE = function writeBigInt64BE(value, offset = 0) { checkBigInt(value, -(2n ** 63n), 2n ** 63n - 1n); return writeVia(this, offset, 8, () => scratchView.setBigInt64(0, value, false)); };

// Lower-case "Uint" aliases (Node 14.9+).
for (const name of Object.getOwnPropertyNames(proto)) {
  if (/^(read|write)(Big)?UInt/.test(name)) {
    proto[name.replace('UInt', 'Uint')] = proto[name];
  }
}

function atob(input) {
  if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('input');
  if (typeof globalThis.atob === 'function') return globalThis.atob(input);
  input = `${input}`.replace(/[\t\n\f\r ]/g, '');
  if (input.length % 4 === 0) input = input.replace(/==?$/, '');
  if (input.length % 4 === 1 || /[^+/0-9A-Za-z]/.test(input)) {
    const e = new Error('Invalid character');
    e.name = 'InvalidCharacterError';
    throw e;
  }
  return Buffer.from(input, 'base64').toString('latin1');
}

function btoa(input) {
  if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('input');
  if (typeof globalThis.btoa === 'function') return globalThis.btoa(input);
  input = `${input}`;
  for (let i = 0; i < input.length; i++) {
    if (input.charCodeAt(i) > 0xff) {
      const e = new Error('Invalid character');
      e.name = 'InvalidCharacterError';
      throw e;
    }
  }
  return Buffer.from(input, 'latin1').toString('base64');
}

function isUtf8(input) {
  if (ArrayBuffer.isView(input)) return binding.isUtf8(new Uint8Array(input.buffer, input.byteOffset, input.byteLength));
  if (input instanceof ArrayBuffer) return binding.isUtf8(new Uint8Array(input));
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}
function isAscii(input) {
  if (ArrayBuffer.isView(input)) return binding.isAscii(new Uint8Array(input.buffer, input.byteOffset, input.byteLength));
  if (input instanceof ArrayBuffer) return binding.isAscii(new Uint8Array(input));
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function transcode() {
  const e = new Error('edgerun: node:buffer.transcode is not supported');
  e.code = 'ERR_NOT_SUPPORTED';
  throw e;
}

exports.Buffer = Buffer;
exports.SlowBuffer = SlowBuffer;
exports.INSPECT_MAX_BYTES = INSPECT_MAX_BYTES;
exports.kMaxLength = kMaxLength;
exports.kStringMaxLength = kStringMaxLength;
exports.constants = { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength };
exports.atob = atob;
exports.btoa = btoa;
exports.isUtf8 = isUtf8;
exports.isAscii = isAscii;
exports.transcode = transcode;
Object.defineProperty(exports, 'Blob', { enumerable: true, configurable: true, get() { return globalThis.Blob; } });
Object.defineProperty(exports, 'File', { enumerable: true, configurable: true, get() { return globalThis.File; } });

