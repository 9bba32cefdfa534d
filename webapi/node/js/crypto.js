'use strict';
// node:crypto — hashing, HMAC, KDFs, random numbers, KeyObjects,
// sign/verify, RSA encryption and AES/ChaCha20 ciphers over Go's crypto
// packages. Hash, Hmac, Cipher, Sign and Verify are also streams, set up
// only when used as one (as Node's LazyTransform does). webcrypto/subtle
// are the WebCrypto globals.

const { Buffer } = require('buffer');
const { codes, validateFunction, validateInteger, validateNumber, validateObject, validateString } = require('internal/errors');

const kHandle = Symbol('kHandle');
const kKeyHandle = Symbol.for('edgerun.crypto.keyHandle');
const kState = Symbol('kState');

function notSupported(fn) {
  const e = new Error(`edgerun: node:crypto.${fn} is not supported`);
  e.code = 'ERR_NOT_SUPPORTED';
  return e;
}

const constants = {
  OPENSSL_VERSION_NUMBER: 805306608,
  SSL_OP_ALL: 2147485776,
  RSA_PKCS1_PADDING: 1,
  RSA_NO_PADDING: 3,
  RSA_PKCS1_OAEP_PADDING: 4,
  RSA_X931_PADDING: 5,
  RSA_PKCS1_PSS_PADDING: 6,
  RSA_PSS_SALTLEN_DIGEST: -1,
  RSA_PSS_SALTLEN_MAX_SIGN: -2,
  RSA_PSS_SALTLEN_AUTO: -2,
  POINT_CONVERSION_COMPRESSED: 2,
  POINT_CONVERSION_UNCOMPRESSED: 4,
  POINT_CONVERSION_HYBRID: 6,
  defaultCoreCipherList: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256',
  defaultCipherList: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256',
};

function isBufferSource(v) {
  return ArrayBuffer.isView(v) || v instanceof ArrayBuffer;
}

function toBytes(data, name, encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new codes.ERR_INVALID_ARG_TYPE(name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], data);
}

function checkData(data, encoding) {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return data;
  throw new codes.ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function encodeOut(buf, encoding) {
  if (encoding && encoding !== 'buffer') return buf.toString(encoding);
  return buf;
}

// ---- lazy streams ----

// LazyTransform gives Hash/Hmac/Cipher/Sign the Transform stream API
// without paying for stream state until a stream method is used.
function LazyTransform(options) {
  this._options = options;
}

let lazySetUp = false;
function setUpLazyTransform() {
  if (lazySetUp) return;
  lazySetUp = true;
  const { Transform } = require('stream');
  Object.setPrototypeOf(LazyTransform.prototype, Transform.prototype);
  for (const name of ['_readableState', '_writableState', '_transformState']) {
    Object.defineProperty(LazyTransform.prototype, name, {
      configurable: true,
      enumerable: true,
      get() {
        Transform.call(this, this._options);
        this._writableState.decodeStrings = false;
        return this[name];
      },
      set(val) {
        Object.defineProperty(this, name, { value: val, enumerable: true, configurable: true, writable: true });
      },
    });
  }
}

function lazyClass(ctor) {
  setUpLazyTransform();
  Object.setPrototypeOf(ctor.prototype, LazyTransform.prototype);
}

// ---- Hash / Hmac ----

function Hash(algorithm, options) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  if (algorithm instanceof Hash) {
    this[kHandle] = binding.hashCopy(algorithm[kHandle]);
  } else {
    validateString(algorithm, 'algorithm');
    if (!binding.hashSupported(algorithm)) throw new Error('Digest method not supported');
    const outputLength = options && options.outputLength;
    if (outputLength !== undefined) validateInteger(outputLength, 'options.outputLength', 0);
    this[kHandle] = binding.hashNew(algorithm, outputLength);
  }
  this[kState] = { finalized: false };
  LazyTransform.call(this, options);
}
lazyClass(Hash);

Hash.prototype.copy = function copy(options) {
  if (this[kState].finalized) throw new codes.ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(this, options);
};

Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  binding.hashUpdate(this[kHandle], chunk, encoding);
  callback();
};

Hash.prototype._flush = function _flush(callback) {
  this.push(this.digest());
  callback();
};

Hash.prototype.update = function update(data, encoding) {
  if (this[kState].finalized) throw new codes.ERR_CRYPTO_HASH_FINALIZED();
  binding.hashUpdate(this[kHandle], checkData(data), encoding);
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  if (this[kState].finalized) throw new codes.ERR_CRYPTO_HASH_FINALIZED();
  this[kState].finalized = true;
  return encodeOut(binding.hashDigest(this[kHandle]), outputEncoding);
};

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  if (!binding.hashSupported(hmac)) throw new codes.ERR_CRYPTO_INVALID_DIGEST(hmac);
  const keyBytes = key instanceof KeyObject ? secretBytes(key) : toBytes(key, 'key', options && options.encoding);
  this[kHandle] = binding.hmacNew(hmac, keyBytes);
  this[kState] = { finalized: false };
  LazyTransform.call(this, options);
}
lazyClass(Hmac);
Hmac.prototype.update = Hash.prototype.update;
Hmac.prototype.digest = function digest(outputEncoding) {
  if (this[kState].finalized) return encodeOut(Buffer.alloc(0), outputEncoding);
  this[kState].finalized = true;
  return encodeOut(binding.hashDigest(this[kHandle]), outputEncoding);
};
Hmac.prototype._flush = Hash.prototype._flush;
Hmac.prototype._transform = Hash.prototype._transform;

function createHash(algorithm, options) { return new Hash(algorithm, options); }
function createHmac(hmac, key, options) { return new Hmac(hmac, key, options); }

function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !ArrayBuffer.isView(input)) {
    throw new codes.ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  const h = new Hash(algorithm);
  h.update(input);
  return h.digest(outputEncoding);
}

// ---- random ----

const kMaxUint32 = 2 ** 32 - 1;
const kMaxPossibleLength = 2 ** 31 - 1;

function assertSize(size) {
  validateNumber(size, 'size', 0, kMaxPossibleLength);
  return size;
}

function randomBytes(size, callback) {
  assertSize(size);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const buf = Buffer.alloc(size);
  binding.randomFill(buf, 0, size);
  if (callback === undefined) return buf;
  require('process').nextTick(callback, null, buf);
  return undefined;
}

function randomFillSync(buf, offset = 0, size) {
  if (!isBufferSource(buf)) throw new codes.ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  const bytes = toBytes(buf, 'buf');
  validateNumber(offset, 'offset', 0, bytes.length);
  if (size === undefined) size = bytes.length - offset;
  validateNumber(size, 'size', 0, bytes.length - offset);
  binding.randomFill(bytes, offset, size);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  if (typeof offset === 'function') { callback = offset; offset = 0; size = undefined; }
  else if (typeof size === 'function') { callback = size; size = undefined; }
  validateFunction(callback, 'callback');
  randomFillSync(buf, offset, size);
  require('process').nextTick(callback, null, buf);
}

function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!Number.isSafeInteger(min)) throw new codes.ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw new codes.ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new codes.ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (!(range <= 2 ** 48 - 1)) {
    throw new codes.ERR_OUT_OF_RANGE(`max${minNotSpecified ? '' : ' - min'}`, `<= ${2 ** 48 - 1}`, range);
  }
  // Rejection sampling over 48-bit values keeps the result uniform.
  const randLimit = 2 ** 48 - (2 ** 48 % range);
  const buf = Buffer.alloc(6);
  let x;
  do {
    binding.randomFill(buf, 0, 6);
    x = buf.readUIntBE(0, 6);
  } while (x >= randLimit);
  const n = (x % range) + min;
  if (isSync) return n;
  require('process').nextTick(callback, undefined, n);
  return undefined;
}

function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  return binding.randomUUID();
}

function getRandomValues(data) {
  const webcrypto = globalThis.crypto;
  if (webcrypto && typeof webcrypto.getRandomValues === 'function') return webcrypto.getRandomValues(data);
  if (!ArrayBuffer.isView(data) || data instanceof Float32Array || data instanceof Float64Array || data instanceof DataView) {
    throw new TypeError("Failed to execute 'getRandomValues' on 'Crypto': parameter 1 is not of type 'ArrayBufferView'.");
  }
  binding.randomFill(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 0, data.byteLength);
  return data;
}

function timingSafeEqual(buf1, buf2) {
  if (!isBufferSource(buf1)) throw new codes.ERR_INVALID_ARG_TYPE('buf1', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], buf1);
  if (!isBufferSource(buf2)) throw new codes.ERR_INVALID_ARG_TYPE('buf2', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], buf2);
  const a = toBytes(buf1), b = toBytes(buf2);
  if (a.byteLength !== b.byteLength) throw new codes.ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH();
  return binding.timingSafeEqual(a, b);
}

// ---- KDFs ----

function kdfBytes(v, name) {
  if (v instanceof KeyObject) return secretBytes(v);
  return toBytes(v, name);
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  validateInteger(iterations, 'iterations', 1);
  validateInteger(keylen, 'keylen', 0);
  validateString(digest, 'digest');
  if (!binding.hashSupported(digest)) throw new codes.ERR_CRYPTO_INVALID_DIGEST(digest);
  return binding.pbkdf2(kdfBytes(password, 'password'), kdfBytes(salt, 'salt'), iterations, keylen, digest);
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  validateFunction(callback, 'callback');
  validateInteger(iterations, 'iterations', 1);
  validateInteger(keylen, 'keylen', 0);
  validateString(digest, 'digest');
  if (!binding.hashSupported(digest)) throw new codes.ERR_CRYPTO_INVALID_DIGEST(digest);
  binding.pbkdf2(kdfBytes(password, 'password'), kdfBytes(salt, 'salt'), iterations, keylen, digest, callback);
}

function scryptParams(options) {
  let N = 16384, r = 8, p = 1, maxmem = 32 << 20;
  if (options) {
    if (options.N !== undefined) N = options.N;
    if (options.cost !== undefined) N = options.cost;
    if (options.r !== undefined) r = options.r;
    if (options.blockSize !== undefined) r = options.blockSize;
    if (options.p !== undefined) p = options.p;
    if (options.parallelization !== undefined) p = options.parallelization;
    if (options.maxmem !== undefined) maxmem = options.maxmem;
  }
  return [N, r, p, maxmem];
}

function scryptSync(password, salt, keylen, options) {
  validateInteger(keylen, 'keylen', 0);
  return binding.scrypt(kdfBytes(password, 'password'), kdfBytes(salt, 'salt'), keylen, ...scryptParams(options));
}

function scrypt(password, salt, keylen, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  validateInteger(keylen, 'keylen', 0);
  binding.scrypt(kdfBytes(password, 'password'), kdfBytes(salt, 'salt'), keylen, ...scryptParams(options), callback);
}

function hkdfSync(digest, ikm, salt, info, keylen) {
  validateString(digest, 'digest');
  validateInteger(keylen, 'length', 0);
  if (!binding.hashSupported(digest)) throw new codes.ERR_CRYPTO_INVALID_DIGEST(digest);
  return binding.hkdf(digest, kdfBytes(ikm, 'ikm'), toBytes(salt, 'salt'), toBytes(info, 'info'), keylen);
}

function hkdf(digest, ikm, salt, info, keylen, callback) {
  validateFunction(callback, 'callback');
  validateString(digest, 'digest');
  validateInteger(keylen, 'length', 0);
  if (!binding.hashSupported(digest)) throw new codes.ERR_CRYPTO_INVALID_DIGEST(digest);
  binding.hkdf(digest, kdfBytes(ikm, 'ikm'), toBytes(salt, 'salt'), toBytes(info, 'info'), keylen, callback);
}

// ---- KeyObject ----

class KeyObject {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') throw new codes.ERR_INVALID_ARG_VALUE('type', type);
    if (typeof handle !== 'object' || handle === null) throw new codes.ERR_INVALID_ARG_TYPE('handle', 'object', handle);
    Object.defineProperty(this, kKeyHandle, { value: handle, enumerable: false });
    Object.defineProperty(this, kState, { value: binding.keyInfo(handle), enumerable: false });
  }

  get type() { return this[kState].type; }

  static from(key) {
    throw notSupported('KeyObject.from');
  }

  equals(otherKeyObject) {
    if (!(otherKeyObject instanceof KeyObject)) throw new codes.ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', otherKeyObject);
    return binding.keyEquals(this[kKeyHandle], otherKeyObject[kKeyHandle]);
  }

  toCryptoKey() {
    throw notSupported('KeyObject.toCryptoKey');
  }
}

class SecretKeyObject extends KeyObject {
  constructor(handle) { super('secret', handle); }
  get symmetricKeySize() { return this[kState].symmetricKeySize; }
  export(options) {
    if (options !== undefined) {
      validateObject(options, 'options');
      if (options.format === 'jwk') return binding.keyExport(this[kKeyHandle], 'jwk', '');
      if (options.format !== undefined && options.format !== 'buffer') {
        throw new codes.ERR_INVALID_ARG_VALUE('options.format', options.format);
      }
    }
    return binding.keyExport(this[kKeyHandle], 'buffer', '');
  }
}

class AsymmetricKeyObject extends KeyObject {
  get asymmetricKeyType() { return this[kState].asymmetricKeyType; }
  get asymmetricKeyDetails() { return { ...this[kState].asymmetricKeyDetails }; }
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) { super('public', handle); }
  export(options) {
    validateObject(options, 'options');
    const { format = 'pem', type } = options;
    if (format === 'jwk') return binding.keyExport(this[kKeyHandle], 'jwk', '');
    if (format !== 'pem' && format !== 'der') throw new codes.ERR_INVALID_ARG_VALUE('options.format', format);
    if (type !== 'spki' && type !== 'pkcs1') throw new codes.ERR_INVALID_ARG_VALUE('options.type', type);
    return binding.keyExport(this[kKeyHandle], format, type);
  }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) { super('private', handle); }
  export(options) {
    validateObject(options, 'options');
    const { format = 'pem', type } = options;
    if (format === 'jwk') {
      if (options.passphrase !== undefined) throw new codes.ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS('jwk', 'does not support encryption');
      return binding.keyExport(this[kKeyHandle], 'jwk', '');
    }
    if (options.cipher !== undefined || options.passphrase !== undefined) throw notSupported('KeyObject.export with a cipher');
    if (format !== 'pem' && format !== 'der') throw new codes.ERR_INVALID_ARG_VALUE('options.format', format);
    if (type !== 'pkcs8' && type !== 'pkcs1' && type !== 'sec1') throw new codes.ERR_INVALID_ARG_VALUE('options.type', type);
    return binding.keyExport(this[kKeyHandle], format, type);
  }
}

function wrapKey(handle) {
  const t = binding.keyInfo(handle).type;
  if (t === 'secret') return new SecretKeyObject(handle);
  if (t === 'public') return new PublicKeyObject(handle);
  return new PrivateKeyObject(handle);
}

function secretBytes(key) {
  if (key.type !== 'secret') throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
  return binding.keyExport(key[kKeyHandle], 'buffer', '');
}

function keyMaterial(key, encoding) {
  if (typeof key === 'string') return Buffer.from(key, encoding || 'utf8');
  if (isBufferSource(key)) return toBytes(key);
  throw new codes.ERR_INVALID_ARG_TYPE('key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'], key);
}

// parseKeyInput normalises the many key argument shapes of Node's API.
function parseKeyInput(key, kind) {
  if (key instanceof KeyObject) return { keyObject: key };
  if (typeof key === 'string' || isBufferSource(key)) return { format: 'pem', data: keyMaterial(key) };
  if (key !== null && typeof key === 'object') {
    if (key.key instanceof KeyObject) return { keyObject: key.key, options: key };
    if (typeof globalThis.CryptoKey === 'function' && key instanceof globalThis.CryptoKey) throw notSupported('KeyObject from CryptoKey');
    const format = key.format || 'pem';
    if (format === 'jwk') {
      validateObject(key.key, 'key.key');
      return { format: 'jwk', data: Buffer.from(JSON.stringify(key.key)), options: key };
    }
    if (format !== 'pem' && format !== 'der') throw new codes.ERR_INVALID_ARG_VALUE('key.format', format);
    if (key.passphrase !== undefined && kind === 'private') {
      const data = keyMaterial(key.key, key.encoding);
      return { format, type: key.type, data, passphrase: key.passphrase, options: key };
    }
    return { format, type: key.type || '', data: keyMaterial(key.key, key.encoding), options: key };
  }
  throw new codes.ERR_INVALID_ARG_TYPE('key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'], key);
}

function createSecretKey(key, encoding) {
  return new SecretKeyObject(binding.keySecret(keyMaterial(key, encoding)));
}

function createPublicKey(key) {
  const input = parseKeyInput(key, 'public');
  if (input.keyObject) {
    const ko = input.keyObject;
    if (ko.type === 'secret') throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE('secret', 'private or public');
    if (ko.type === 'public') return ko;
    return new PublicKeyObject(binding.keyPublicOf(ko[kKeyHandle]));
  }
  return new PublicKeyObject(binding.keyParse('public', input.format, input.type || '', input.data));
}

function createPrivateKey(key) {
  const input = parseKeyInput(key, 'private');
  if (input.keyObject) {
    if (input.keyObject.type !== 'private') throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(input.keyObject.type, 'private');
    return input.keyObject;
  }
  return new PrivateKeyObject(binding.keyParse('private', input.format, input.type || '', input.data));
}

// preparePrivate/preparePublic accept what sign/verify/encrypt accept: a
// KeyObject, PEM, or { key, padding, saltLength, dsaEncoding, ... }.
function prepareKey(key, wantPrivate) {
  const input = parseKeyInput(key, wantPrivate ? 'private' : 'public');
  const options = input.options || {};
  let ko = input.keyObject;
  if (!ko) {
    if (wantPrivate) ko = new PrivateKeyObject(binding.keyParse('private', input.format, input.type || '', input.data));
    else {
      // A public operation accepts private keys too (their public half).
      let handle;
      try {
        handle = binding.keyParse('public', input.format, input.type || '', input.data);
      } catch (err) {
        handle = binding.keyParse('private', input.format, input.type || '', input.data);
      }
      ko = wrapKey(handle);
    }
  }
  if (wantPrivate && ko.type !== 'private') throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(ko.type, 'private');
  if (ko.type === 'secret') throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE('secret', wantPrivate ? 'private' : 'private or public');
  return { handle: ko[kKeyHandle], options, keyType: ko.asymmetricKeyType };
}

function generateKeyPairArgs(type, options) {
  validateString(type, 'type');
  const opts = options || {};
  let modulusLength = 0, publicExponent = 65537, namedCurve = '';
  if (type === 'rsa' || type === 'rsa-pss') {
    validateInteger(opts.modulusLength, 'options.modulusLength', 1);
    modulusLength = opts.modulusLength;
    if (opts.publicExponent !== undefined) publicExponent = opts.publicExponent;
    if (type === 'rsa-pss') throw notSupported("generateKeyPair('rsa-pss')");
  } else if (type === 'ec') {
    validateString(opts.namedCurve, 'options.namedCurve');
    namedCurve = opts.namedCurve;
  } else if (type !== 'ed25519' && type !== 'x25519') {
    if (['dsa', 'dh', 'ed448', 'x448'].includes(type)) throw notSupported(`generateKeyPair('${type}')`);
    throw new codes.ERR_INVALID_ARG_VALUE('type', type, "must be a supported key type");
  }
  return [type, modulusLength, publicExponent, namedCurve];
}

function encodeKeyPair(pubHandle, privHandle, options) {
  const opts = options || {};
  const publicKey = new PublicKeyObject(pubHandle);
  const privateKey = new PrivateKeyObject(privHandle);
  return {
    publicKey: opts.publicKeyEncoding ? publicKey.export(opts.publicKeyEncoding) : publicKey,
    privateKey: opts.privateKeyEncoding ? privateKey.export(opts.privateKeyEncoding) : privateKey,
  };
}

function generateKeyPairSync(type, options) {
  const [pub, priv] = binding.generateKeyPair(...generateKeyPairArgs(type, options));
  return encodeKeyPair(pub, priv, options);
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  binding.generateKeyPair(...generateKeyPairArgs(type, options), (err, pair) => {
    if (err) {
      callback(err);
      return;
    }
    let out;
    try {
      out = encodeKeyPair(pair[0], pair[1], options);
    } catch (e) {
      callback(e);
      return;
    }
    callback(null, out.publicKey, out.privateKey);
  });
}

function generateKeySync(type, options) {
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options;
  if (type === 'hmac') validateInteger(length, 'options.length', 8, 2 ** 31 - 1);
  else if (type === 'aes') {
    if (![128, 192, 256].includes(length)) throw new codes.ERR_INVALID_ARG_VALUE('options.length', length, 'must be one of: 128, 192, 256');
  } else throw new codes.ERR_INVALID_ARG_VALUE('type', type, "must be a supported key type");
  return createSecretKey(randomBytes(Math.floor(length / 8)));
}

function generateKey(type, options, callback) {
  validateFunction(callback, 'callback');
  const key = generateKeySync(type, options);
  require('process').nextTick(callback, null, key);
}

// ---- sign / verify ----

function digestName(algorithm) {
  if (algorithm === null || algorithm === undefined) return null;
  validateString(algorithm, 'algorithm');
  if (!binding.hashSupported(algorithm)) throw new codes.ERR_CRYPTO_INVALID_DIGEST(algorithm);
  return algorithm;
}

function signOptions(options) {
  const padding = options.padding;
  const saltLength = options.saltLength;
  const dsaEncoding = options.dsaEncoding;
  if (dsaEncoding !== undefined && dsaEncoding !== 'der' && dsaEncoding !== 'ieee-p1363') {
    throw new codes.ERR_INVALID_ARG_VALUE('options.dsaEncoding', dsaEncoding);
  }
  return [padding, saltLength, dsaEncoding];
}

function Sign(algorithm, options) {
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  validateString(algorithm, 'algorithm');
  if (!binding.hashSupported(algorithm)) throw new codes.ERR_CRYPTO_INVALID_DIGEST(algorithm);
  this[kState] = { algorithm, hash: binding.hashNew(algorithm) };
  LazyTransform.call(this, options);
}
lazyClass(Sign);
Sign.prototype._write = function _write(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};
Sign.prototype.update = function update(data, encoding) {
  binding.hashUpdate(this[kState].hash, checkData(data), encoding);
  return this;
};
Sign.prototype.sign = function sign(privateKey, outputEncoding) {
  if (!privateKey) throw new codes.ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const { handle, options, keyType } = prepareKey(privateKey, true);
  if (keyType !== 'rsa' && keyType !== 'ec') {
    const e = new Error('Unsupported crypto operation');
    e.code = 'ERR_CRYPTO_UNSUPPORTED_OPERATION';
    throw e;
  }
  const digest = binding.hashDigest(this[kState].hash);
  return encodeOut(binding.signDigest(handle, this[kState].algorithm, digest, ...signOptions(options)), outputEncoding);
};

function Verify(algorithm, options) {
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  validateString(algorithm, 'algorithm');
  if (!binding.hashSupported(algorithm)) throw new codes.ERR_CRYPTO_INVALID_DIGEST(algorithm);
  this[kState] = { algorithm, hash: binding.hashNew(algorithm) };
  LazyTransform.call(this, options);
}
lazyClass(Verify);
Verify.prototype._write = Sign.prototype._write;
Verify.prototype.update = Sign.prototype.update;
Verify.prototype.verify = function verify(object, signature, sigEncoding) {
  const { handle, options, keyType } = prepareKey(object, false);
  if (keyType !== 'rsa' && keyType !== 'ec') {
    const e = new Error('Unsupported crypto operation');
    e.code = 'ERR_CRYPTO_UNSUPPORTED_OPERATION';
    throw e;
  }
  const sig = typeof signature === 'string' ? Buffer.from(signature, sigEncoding || 'utf8') : toBytes(signature, 'signature');
  const digest = binding.hashDigest(this[kState].hash);
  return binding.verifyDigest(handle, this[kState].algorithm, digest, sig, ...signOptions(options));
};

function createSign(algorithm, options) { return new Sign(algorithm, options); }
function createVerify(algorithm, options) { return new Verify(algorithm, options); }

function oneShotSign(algorithm, data, key) {
  const alg = digestName(algorithm);
  const bytes = toBytes(data, 'data');
  const { handle, options, keyType } = prepareKey(key, true);
  if (keyType === 'ed25519') return binding.signRaw(handle, bytes);
  const h = binding.hashNew(alg || 'sha256');
  binding.hashUpdate(h, bytes);
  return binding.signDigest(handle, alg || 'sha256', binding.hashDigest(h), ...signOptions(options));
}

function oneShotVerify(algorithm, data, key, signature) {
  const alg = digestName(algorithm);
  const bytes = toBytes(data, 'data');
  const sig = toBytes(signature, 'signature');
  const { handle, options, keyType } = prepareKey(key, false);
  if (keyType === 'ed25519') return binding.verifyRaw(handle, bytes, sig);
  const h = binding.hashNew(alg || 'sha256');
  binding.hashUpdate(h, bytes);
  return binding.verifyDigest(handle, alg || 'sha256', binding.hashDigest(h), sig, ...signOptions(options));
}

function signOneShot(algorithm, data, key, callback) {
  if (callback === undefined) return oneShotSign(algorithm, data, key);
  validateFunction(callback, 'callback');
  let res, err = null;
  try { res = oneShotSign(algorithm, data, key); } catch (e) { err = e; }
  require('process').nextTick(callback, err, res);
  return undefined;
}

function verifyOneShot(algorithm, data, key, signature, callback) {
  if (callback === undefined) return oneShotVerify(algorithm, data, key, signature);
  validateFunction(callback, 'callback');
  let res, err = null;
  try { res = oneShotVerify(algorithm, data, key, signature); } catch (e) { err = e; }
  require('process').nextTick(callback, err, res);
  return undefined;
}

// ---- RSA encryption ----

function rsaOp(op, defaultPadding, wantPrivate) {
  return function (key, buffer) {
    const { handle, options } = prepareKey(key, wantPrivate);
    const padding = options.padding === undefined ? defaultPadding : options.padding;
    const oaepHash = options.oaepHash || 'sha1';
    const label = options.oaepLabel === undefined ? undefined : toBytes(options.oaepLabel, 'oaepLabel');
    return binding.rsaCrypt(op, handle, toBytes(buffer, 'buffer', options.encoding), padding, oaepHash, label);
  };
}

const publicEncrypt = rsaOp('publicEncrypt', constants.RSA_PKCS1_OAEP_PADDING, false);
const privateDecrypt = rsaOp('privateDecrypt', constants.RSA_PKCS1_OAEP_PADDING, true);
const privateEncrypt = rsaOp('privateEncrypt', constants.RSA_PKCS1_PADDING, true);
const publicDecrypt = rsaOp('publicDecrypt', constants.RSA_PKCS1_PADDING, false);

function diffieHellman(options) {
  validateObject(options, 'options');
  const { privateKey, publicKey } = options;
  if (!(privateKey instanceof KeyObject)) throw new codes.ERR_INVALID_ARG_VALUE('options.privateKey', privateKey);
  if (!(publicKey instanceof KeyObject)) throw new codes.ERR_INVALID_ARG_VALUE('options.publicKey', publicKey);
  return binding.diffieHellman(privateKey[kKeyHandle], publicKey[kKeyHandle]);
}

// ---- ciphers ----

function cipherKey(key) {
  if (key instanceof KeyObject) return secretBytes(key);
  return keyMaterial(key);
}

function Cipheriv(cipher, key, iv, options, decipher) {
  validateString(cipher, 'cipher');
  const ivBytes = iv === null ? new Uint8Array(0) : keyMaterial(iv);
  this[kHandle] = binding.cipherNew(cipher.toLowerCase(), cipherKey(key), ivBytes, !!decipher, (options && options.authTagLength) || 0);
  this[kState] = { decoder: null };
  LazyTransform.call(this, options);
}

function cipherUpdate(data, inputEncoding, outputEncoding) {
  if (typeof data === 'string') {
    data = Buffer.from(data, inputEncoding || 'utf8');
  } else if (!ArrayBuffer.isView(data)) {
    throw new codes.ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  const out = binding.cipherUpdate(this[kHandle], data);
  return encodeCipherOutput(this, out, outputEncoding);
}

function encodeCipherOutput(self, out, outputEncoding) {
  if (!outputEncoding || outputEncoding === 'buffer') return out;
  if (outputEncoding === 'utf8' || outputEncoding === 'utf-8' || outputEncoding === 'ucs2' || outputEncoding === 'utf16le') {
    if (!self[kState].decoder) {
      const { StringDecoder } = require('string_decoder');
      self[kState].decoder = new StringDecoder(outputEncoding);
    }
    return self[kState].decoder.write(out);
  }
  return out.toString(outputEncoding);
}

function cipherFinal(outputEncoding) {
  const out = binding.cipherFinal(this[kHandle]);
  if (this[kState].decoder) return this[kState].decoder.end(out);
  return encodeCipherOutput(this, out, outputEncoding);
}

function defineCipherClass(name, decipher) {
  function C(cipher, key, iv, options) {
    if (!(this instanceof C)) return new C(cipher, key, iv, options);
    Cipheriv.call(this, cipher, key, iv, options, decipher);
  }
  Object.defineProperty(C, 'name', { value: name });
  lazyClass(C);
  C.prototype.update = cipherUpdate;
  C.prototype.final = cipherFinal;
  C.prototype._transform = function (chunk, encoding, callback) {
    this.push(binding.cipherUpdate(this[kHandle], typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk));
    callback();
  };
  C.prototype._flush = function (callback) {
    try {
      this.push(binding.cipherFinal(this[kHandle]));
    } catch (err) {
      callback(err);
      return;
    }
    callback();
  };
  C.prototype.setAutoPadding = function (ap) {
    binding.cipherSetAutoPadding(this[kHandle], ap === undefined ? true : !!ap);
    return this;
  };
  C.prototype.setAAD = function (aadbuf, options) {
    binding.cipherSetAAD(this[kHandle], toBytes(aadbuf, 'buffer'));
    return this;
  };
  if (decipher) {
    C.prototype.setAuthTag = function (tagbuf, encoding) {
      binding.cipherSetAuthTag(this[kHandle], typeof tagbuf === 'string' ? Buffer.from(tagbuf, encoding) : toBytes(tagbuf, 'buffer'));
      return this;
    };
  } else {
    C.prototype.getAuthTag = function () {
      return binding.cipherGetAuthTag(this[kHandle]);
    };
  }
  return C;
}

const CipherivClass = defineCipherClass('Cipheriv', false);
const DecipherivClass = defineCipherClass('Decipheriv', true);

function createCipheriv(cipher, key, iv, options) { return new CipherivClass(cipher, key, iv, options); }
function createDecipheriv(cipher, key, iv, options) { return new DecipherivClass(cipher, key, iv, options); }

function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string') return undefined;
  const info = binding.cipherInfo(nameOrNid.toLowerCase());
  if (!info) return undefined;
  const out = { mode: info.mode === 'chacha20-poly1305' ? 'stream' : info.mode, name: nameOrNid.toLowerCase(), keyLength: info.keyLength, blockSize: info.blockSize };
  if (info.ivLength) out.ivLength = info.ivLength;
  if (options && options.keyLength !== undefined && options.keyLength !== info.keyLength) return undefined;
  return out;
}

// ---- ECDH ----

function ECDH(curve) {
  if (!(this instanceof ECDH)) return new ECDH(curve);
  validateString(curve, 'curve');
  this[kHandle] = binding.ecdhNew(curve);
}
ECDH.prototype.generateKeys = function generateKeys(encoding, format) {
  binding.ecdhGenerate(this[kHandle]);
  return this.getPublicKey(encoding, format);
};
ECDH.prototype.getPublicKey = function getPublicKey(encoding, format) {
  return encodeOut(binding.ecdhPublic(this[kHandle], format || 'uncompressed'), encoding);
};
ECDH.prototype.getPrivateKey = function getPrivateKey(encoding) {
  return encodeOut(binding.ecdhPrivate(this[kHandle]), encoding);
};
ECDH.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  binding.ecdhSetPrivate(this[kHandle], typeof key === 'string' ? Buffer.from(key, encoding) : toBytes(key, 'key'));
  return this;
};
ECDH.prototype.setPublicKey = function setPublicKey() { throw notSupported('ECDH.setPublicKey'); };
ECDH.prototype.computeSecret = function computeSecret(key, inputEncoding, outputEncoding) {
  const bytes = typeof key === 'string' ? Buffer.from(key, inputEncoding) : toBytes(key, 'key');
  return encodeOut(binding.ecdhCompute(this[kHandle], bytes), outputEncoding);
};
ECDH.convertKey = function convertKey(key, curve, inEnc, outEnc, format) {
  const bytes = typeof key === 'string' ? Buffer.from(key, inEnc) : toBytes(key, 'key');
  return encodeOut(binding.ecdhConvert(bytes, curve, format || 'uncompressed'), outEnc);
};

function createECDH(curve) { return new ECDH(curve); }

function getCurves() {
  return ['prime256v1', 'secp224r1', 'secp384r1', 'secp521r1'];
}

// ---- exports ----

module.exports = {
  constants,
  createHash,
  createHmac,
  Hash,
  Hmac,
  hash,
  randomBytes,
  pseudoRandomBytes: randomBytes,
  prng: randomBytes,
  rng: randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  getRandomValues,
  timingSafeEqual,
  pbkdf2,
  pbkdf2Sync,
  scrypt,
  scryptSync,
  hkdf,
  hkdfSync,
  KeyObject,
  createSecretKey,
  createPublicKey,
  createPrivateKey,
  generateKeyPair,
  generateKeyPairSync,
  generateKey,
  generateKeySync,
  createSign,
  createVerify,
  Sign,
  Verify,
  sign: signOneShot,
  verify: verifyOneShot,
  publicEncrypt,
  privateDecrypt,
  privateEncrypt,
  publicDecrypt,
  diffieHellman,
  createCipheriv,
  createDecipheriv,
  Cipheriv: CipherivClass,
  Decipheriv: DecipherivClass,
  getCipherInfo,
  getHashes: () => binding.getHashes(),
  getCiphers: () => binding.getCiphers(),
  getCurves,
  getFips: () => 0,
  setFips: () => { throw notSupported('setFips'); },
  secureHeapUsed: () => ({ total: 0, min: 0, used: 0, utilization: 0 }),
  setEngine: () => { throw notSupported('setEngine'); },
  checkPrime: () => { throw notSupported('checkPrime'); },
  checkPrimeSync: () => { throw notSupported('checkPrimeSync'); },
  generatePrime: () => { throw notSupported('generatePrime'); },
  generatePrimeSync: () => { throw notSupported('generatePrimeSync'); },
  createECDH,
  ECDH,
  createDiffieHellman: () => { throw notSupported('createDiffieHellman'); },
  createDiffieHellmanGroup: () => { throw notSupported('createDiffieHellmanGroup'); },
  getDiffieHellman: () => { throw notSupported('getDiffieHellman'); },
  DiffieHellman: function DiffieHellman() { throw notSupported('DiffieHellman'); },
  DiffieHellmanGroup: function DiffieHellmanGroup() { throw notSupported('DiffieHellmanGroup'); },
  createCipher: () => { throw notSupported('createCipher'); },
  createDecipher: () => { throw notSupported('createDecipher'); },
  X509Certificate: function X509Certificate() { throw notSupported('X509Certificate'); },
  Certificate: function Certificate() { throw notSupported('Certificate'); },
};

function webcryptoGlobal(name) {
  const c = globalThis.crypto;
  if (c && typeof c.getRandomValues === 'function') return c;
  throw notSupported(name);
}
Object.defineProperty(module.exports, 'webcrypto', { enumerable: true, configurable: true, get() { return webcryptoGlobal('webcrypto'); } });
Object.defineProperty(module.exports, 'subtle', { enumerable: true, configurable: true, get() { return webcryptoGlobal('subtle').subtle; } });
