'use strict';
// node:zlib — gzip/deflate/raw deflate/unzip and Brotli over Go's
// compress packages and github.com/andybalholm/brotli: one-shot (sync and
// callback) APIs and Transform streams.

const { Buffer } = require('buffer');
const { Transform } = require('stream');
const { codes, validateFunction } = require('internal/errors');

const constants = {
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
  Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, ZLIB_VERNUM: 4865,
  DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7, BROTLI_DECODE: 8, BROTLI_ENCODE: 9,
  Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15, Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity,
  Z_DEFAULT_CHUNK: 16384, Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8, Z_MIN_LEVEL: -1,
  Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1,
  BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2, BROTLI_OPERATION_EMIT_METADATA: 3,
  BROTLI_PARAM_MODE: 0, BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2, BROTLI_DEFAULT_MODE: 0,
  BROTLI_PARAM_QUALITY: 1, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11, BROTLI_DEFAULT_QUALITY: 11,
  BROTLI_PARAM_LGWIN: 2, BROTLI_MIN_WINDOW_BITS: 10, BROTLI_MAX_WINDOW_BITS: 24, BROTLI_LARGE_MAX_WINDOW_BITS: 30,
  BROTLI_DEFAULT_WINDOW: 22, BROTLI_PARAM_LGBLOCK: 3, BROTLI_MIN_INPUT_BLOCK_BITS: 16, BROTLI_MAX_INPUT_BLOCK_BITS: 24,
  BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4, BROTLI_PARAM_SIZE_HINT: 5, BROTLI_PARAM_LARGE_WINDOW: 6,
  BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8, BROTLI_DECODER_RESULT_ERROR: 0, BROTLI_DECODER_RESULT_SUCCESS: 1,
  BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3,
  BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0, BROTLI_DECODER_PARAM_LARGE_WINDOW: 1,
  BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1, BROTLI_DECODER_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3,
};
Object.freeze(constants);

const codesTable = {
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
};
for (const k of Object.keys(codesTable)) codesTable[codesTable[k]] = k;

function inputBytes(buffer) {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (ArrayBuffer.isView(buffer)) return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (buffer instanceof ArrayBuffer) return new Uint8Array(buffer);
  throw new codes.ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], buffer);
}

function levelOf(opts) {
  if (!opts || opts.level === undefined) return -1;
  const level = opts.level;
  if (typeof level !== 'number' || level < -1 || level > 9 || !Number.isInteger(level)) {
    throw new codes.ERR_OUT_OF_RANGE('options.level', '>= -1 and <= 9', level);
  }
  return level;
}

function brotliParams(opts) {
  const params = (opts && opts.params) || {};
  const q = params[constants.BROTLI_PARAM_QUALITY];
  const w = params[constants.BROTLI_PARAM_LGWIN];
  return [q === undefined ? 11 : q, w === undefined ? 22 : w];
}

function nativeArgs(mode, opts) {
  if (mode === constants.BROTLI_ENCODE || mode === constants.BROTLI_DECODE) return [mode, -1, ...brotliParams(opts)];
  return [mode, levelOf(opts), 11, 22];
}

// ---- streams ----

function ZlibBase(mode, opts) {
  const chunkSize = (opts && opts.chunkSize) || constants.Z_DEFAULT_CHUNK;
  Transform.call(this, { ...opts, autoDestroy: true });
  this._mode = mode;
  this._handle = binding.streamNew(...nativeArgs(mode, opts));
  this._finishFlushFlag = opts && opts.finishFlush !== undefined ? opts.finishFlush : constants.Z_FINISH;
  this._defaultFlushFlag = opts && opts.flush !== undefined ? opts.flush : constants.Z_NO_FLUSH;
  this._chunkSize = chunkSize;
  this.bytesWritten = 0;
  this._closed = false;
}
Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
Object.setPrototypeOf(ZlibBase, Transform);

Object.defineProperty(ZlibBase.prototype, '_closed', { writable: true, configurable: true, value: false });
Object.defineProperty(ZlibBase.prototype, 'bytesRead', {
  configurable: true,
  get() { return this.bytesWritten; },
});

ZlibBase.prototype._transform = function (chunk, encoding, cb) {
  if (typeof chunk === 'string') chunk = Buffer.from(chunk, encoding);
  this.bytesWritten += chunk.length;
  this._process(chunk, this._defaultFlushFlag, cb);
};

ZlibBase.prototype._flush = function (cb) {
  this._process(Buffer.alloc(0), this._finishFlushFlag, cb);
};

ZlibBase.prototype._process = function (chunk, flag, cb) {
  binding.streamWrite(this._handle, chunk, flag, (err, out) => {
    if (err) {
      cb(err);
      return;
    }
    if (out && out.length) this.push(out);
    cb();
  });
};

ZlibBase.prototype.flush = function (kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = constants.Z_FULL_FLUSH;
  }
  if (this.writableFinished) {
    if (callback) require('process').nextTick(callback);
    return;
  }
  this._process(Buffer.alloc(0), kind, (err) => {
    if (err) this.destroy(err);
    else if (callback) callback();
  });
};

ZlibBase.prototype.close = function (callback) {
  if (callback) require('internal/streams/end-of-stream')(this, callback);
  this.destroy();
};

ZlibBase.prototype._destroy = function (err, callback) {
  if (!this._closed) {
    this._closed = true;
    binding.streamClose(this._handle);
  }
  callback(err);
};

ZlibBase.prototype.params = function (level, strategy, callback) {
  const e = new Error('edgerun: node:zlib.params is not supported');
  e.code = 'ERR_NOT_SUPPORTED';
  throw e;
};

ZlibBase.prototype.reset = function () {
  this._handle = binding.streamNew(...nativeArgs(this._mode, {}));
};

function defineClass(name, mode) {
  function C(opts) {
    if (!(this instanceof C)) return new C(opts);
    ZlibBase.call(this, mode, opts);
  }
  Object.defineProperty(C, 'name', { value: name });
  Object.setPrototypeOf(C.prototype, ZlibBase.prototype);
  Object.setPrototypeOf(C, ZlibBase);
  return C;
}

const Deflate = defineClass('Deflate', constants.DEFLATE);
const Inflate = defineClass('Inflate', constants.INFLATE);
const Gzip = defineClass('Gzip', constants.GZIP);
const Gunzip = defineClass('Gunzip', constants.GUNZIP);
const DeflateRaw = defineClass('DeflateRaw', constants.DEFLATERAW);
const InflateRaw = defineClass('InflateRaw', constants.INFLATERAW);
const Unzip = defineClass('Unzip', constants.UNZIP);
const BrotliCompress = defineClass('BrotliCompress', constants.BROTLI_ENCODE);
const BrotliDecompress = defineClass('BrotliDecompress', constants.BROTLI_DECODE);

// ---- one-shot ----

function oneShot(mode) {
  function async(buffer, opts, callback) {
    if (typeof opts === 'function') {
      callback = opts;
      opts = {};
    }
    validateFunction(callback, 'callback');
    binding.oneShot(inputBytes(buffer), ...nativeArgs(mode, opts), callback);
  }
  function sync(buffer, opts) {
    return binding.oneShot(inputBytes(buffer), ...nativeArgs(mode, opts));
  }
  const custom = Symbol.for('nodejs.util.promisify.custom');
  Object.defineProperty(async, custom, {
    value: (buffer, opts) => new Promise((resolve, reject) => async(buffer, opts || {}, (err, res) => (err ? reject(err) : resolve(res)))),
  });
  return [async, sync];
}

const [deflate, deflateSync] = oneShot(constants.DEFLATE);
const [inflate, inflateSync] = oneShot(constants.INFLATE);
const [gzip, gzipSync] = oneShot(constants.GZIP);
const [gunzip, gunzipSync] = oneShot(constants.GUNZIP);
const [deflateRaw, deflateRawSync] = oneShot(constants.DEFLATERAW);
const [inflateRaw, inflateRawSync] = oneShot(constants.INFLATERAW);
const [unzip, unzipSync] = oneShot(constants.UNZIP);
const [brotliCompress, brotliCompressSync] = oneShot(constants.BROTLI_ENCODE);
const [brotliDecompress, brotliDecompressSync] = oneShot(constants.BROTLI_DECODE);

function crc32(data, value = 0) {
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw new codes.ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  }
  return binding.crc32(data, value);
}

module.exports = {
  constants,
  codes: Object.freeze(codesTable),
  Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip, BrotliCompress, BrotliDecompress,
  createDeflate: (o) => new Deflate(o),
  createInflate: (o) => new Inflate(o),
  createGzip: (o) => new Gzip(o),
  createGunzip: (o) => new Gunzip(o),
  createDeflateRaw: (o) => new DeflateRaw(o),
  createInflateRaw: (o) => new InflateRaw(o),
  createUnzip: (o) => new Unzip(o),
  createBrotliCompress: (o) => new BrotliCompress(o),
  createBrotliDecompress: (o) => new BrotliDecompress(o),
  deflate, deflateSync, inflate, inflateSync, gzip, gzipSync, gunzip, gunzipSync,
  deflateRaw, deflateRawSync, inflateRaw, inflateRawSync, unzip, unzipSync,
  brotliCompress, brotliCompressSync, brotliDecompress, brotliDecompressSync,
  crc32,
};
for (const k of Object.keys(constants)) {
  if (k.startsWith('Z_')) Object.defineProperty(module.exports, k, { enumerable: false, value: constants[k] });
}
