'use strict';
// Node's coded errors (internal/errors): each error is an instance of the
// named built-in constructor with a `code` property, and its stack and
// toString() read "TypeError [ERR_X]: message" as in Node.

const kIsNodeError = Symbol('kIsNodeError');

// defineCode registers a code; its class is built on first use (most
// isolates only ever construct a handful of the ~80 codes).
function defineCode(Base, code, format) {
  Object.defineProperty(codes, code, {
    configurable: true,
    enumerable: true,
    get() {
      const C = makeCodeClass(Base, code, format);
      Object.defineProperty(codes, code, { value: C, writable: true, configurable: true, enumerable: true });
      return C;
    },
  });
}

function makeCodeClass(Base, code, format) {
  class NodeError extends Base {
    constructor(...args) {
      super(typeof format === 'function' ? format(...args) : format);
      Object.defineProperty(this, 'code', { value: code, enumerable: true, writable: true, configurable: true });
      Object.defineProperty(this, kIsNodeError, { value: true, enumerable: false });
      try {
        const stack = this.stack;
        if (typeof stack === 'string') {
          const head = Base.name + ': ' + this.message;
          const idx = stack.indexOf(head);
          if (idx === 0) {
            Object.defineProperty(this, 'stack', {
              value: Base.name + ' [' + code + ']: ' + this.message + stack.slice(head.length),
              writable: true, configurable: true, enumerable: false,
            });
          }
        }
      } catch { /* stack is best effort */ }
    }
    toString() { return `${this.name} [${code}]: ${this.message}`; }
  }
  Object.defineProperty(NodeError.prototype, 'name', { value: Base.name, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(NodeError, 'name', { value: Base.name });
  return NodeError;
}

const codes = {};

// A short, one-line rendering of a value for "Received ..." parts.
function describe(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'string': {
      let s = value.length > 28 ? value.slice(0, 25) + '...' : value;
      if (s.includes("'")) {
        if (!s.includes('"')) return `"${s}"`;
        if (!s.includes('`') && !s.includes('${')) return '`' + s + '`';
      }
      return `'${s}'`;
    }
    case 'bigint': return `${value}n`;
    case 'symbol': return value.toString();
    case 'number': return Object.is(value, -0) ? '-0' : String(value);
    default: return String(value);
  }
}

function determineSpecificType(value) {
  if (value == null) return 'Received ' + value;
  if (typeof value === 'function' && value.name) return `Received function ${value.name}`;
  if (typeof value === 'object') {
    if (value.constructor && value.constructor.name) return `Received an instance of ${value.constructor.name}`;
    let inspected;
    try { inspected = require('util').inspect(value, { depth: -1 }); } catch { inspected = Object.prototype.toString.call(value); }
    return `Received ${inspected}`;
  }
  let inspected = describe(value);
  if (inspected.length > 28) inspected = `${inspected.slice(0, 25)}...`;
  return `Received type ${typeof value} (${inspected})`;
}

const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];

function formatList(list, word = 'or') {
  if (list.length <= 2) return list.join(` ${word} `);
  return `${list.slice(0, -1).join(', ')}, ${word} ${list[list.length - 1]}`;
}

function invalidArgType(name, expected, actual) {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) msg += `${name} `;
  else msg += `"${name}" ${name.includes('.') ? 'property' : 'argument'} `;
  msg += 'must be ';
  const types = [], instances = [], other = [];
  for (const value of expected) {
    if (kTypes.includes(value)) types.push(value.toLowerCase());
    else if (/^[A-Z][a-zA-Z0-9]*$/.test(value)) instances.push(value);
    else other.push(value);
  }
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) { types.splice(pos, 1); instances.push('Object'); }
  }
  if (types.length > 0) {
    msg += types.length > 1 ? `one of type ${formatList(types)}` : `of type ${types[0]}`;
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    msg += `an instance of ${formatList(instances)}`;
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 1) msg += `one of ${formatList(other)}`;
    else msg += other[0].toLowerCase() !== other[0] ? `an ${other[0]}` : other[0];
  }
  return `${msg}. ${determineSpecificType(actual)}`;
}

function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${val.slice(i - 3, i)}${res}`;
  return `${val.slice(0, i)}${res}`;
}

function outOfRange(name, range, input, replaceDefaultBoolean = false) {
  let msg = replaceDefaultBoolean ? name : `The value of "${name}" is out of range.`;
  let received;
  if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) received = addNumericalSeparator(String(input));
  else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else received = typeof input === 'string' ? describe(input) : String(input);
  return `${msg} It must be ${range}. Received ${received}`;
}

defineCode(TypeError, 'ERR_INVALID_ARG_TYPE', invalidArgType);
defineCode(TypeError, 'ERR_INVALID_ARG_VALUE', (name, value, reason = 'is invalid') => {
  let inspected;
  try { inspected = require('util').inspect(value); } catch { inspected = String(value); }
  if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
  const type = name.includes('.') ? 'property' : 'argument';
  return `The ${type} '${name}' ${reason}. Received ${inspected}`;
});
defineCode(RangeError, 'ERR_OUT_OF_RANGE', outOfRange);
defineCode(TypeError, 'ERR_UNKNOWN_ENCODING', (enc) => `Unknown encoding: ${enc}`);
defineCode(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', (name) => name ? `"${name}" is outside of buffer bounds` : 'Attempt to access memory outside buffer bounds');
defineCode(RangeError, 'ERR_INVALID_BUFFER_SIZE', (s) => `Buffer size must be a multiple of ${s}`);
defineCode(TypeError, 'ERR_MISSING_ARGS', (...names) => {
  const wrap = (a) => `"${a}"`;
  names = names.map((a) => (Array.isArray(a) ? a.map(wrap).join(' or ') : wrap(a)));
  let msg = 'The ';
  if (names.length === 1) msg += `${names[0]} argument`;
  else if (names.length === 2) msg += `${names[0]} and ${names[1]} arguments`;
  else msg += `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]} arguments`;
  return `${msg} must be specified`;
});
defineCode(TypeError, 'ERR_INVALID_RETURN_VALUE', (input, name, value) => {
  const type = value && value.constructor && value.constructor.name ? `instance of ${value.constructor.name}` : `type ${typeof value}`;
  return `Expected ${input} to be returned from the "${name}" function but got ${type}.`;
});
defineCode(Error, 'ERR_METHOD_NOT_IMPLEMENTED', (m) => `The ${m} method is not implemented`);
defineCode(Error, 'ERR_MULTIPLE_CALLBACK', 'Callback called multiple times');
defineCode(Error, 'ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF');
defineCode(Error, 'ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event');
defineCode(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
defineCode(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
defineCode(Error, 'ERR_STREAM_DESTROYED', (m) => `Cannot call ${m} after a stream was destroyed`);
defineCode(Error, 'ERR_STREAM_PREMATURE_CLOSE', 'Premature close');
defineCode(Error, 'ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable');
defineCode(Error, 'ERR_STREAM_ALREADY_FINISHED', (m) => `Cannot call ${m} after a stream was finished`);
defineCode(TypeError, 'ERR_INVALID_THIS', (t) => `Value of "this" must be of type ${t}`);
defineCode(Error, 'ERR_UNHANDLED_ERROR', (err) => {
  const msg = 'Unhandled error.';
  if (err === undefined) return msg;
  let s;
  try { s = require('util').inspect(err); } catch { s = String(err); }
  return `${msg} (${s})`;
});
defineCode(Error, 'ERR_FALSY_VALUE_REJECTION', 'Promise was rejected with falsy value');
defineCode(TypeError, 'ERR_INVALID_CHAR', (name, field) => field ? `Invalid character in ${name} ["${field}"]` : `Invalid character in ${name}`);
defineCode(TypeError, 'ERR_INVALID_URL', (input) => 'Invalid URL');
defineCode(TypeError, 'ERR_INVALID_URL_SCHEME', (expected) => `The URL must be of scheme ${expected}`);
defineCode(TypeError, 'ERR_INVALID_FILE_URL_PATH', (m) => `File URL path ${m}`);
defineCode(TypeError, 'ERR_INVALID_FILE_URL_HOST', (p) => `File URL host must be "localhost" or empty on ${p}`);
defineCode(TypeError, 'ERR_INVALID_ARG_VALUE_TYPE', (m) => m);
defineCode(RangeError, 'ERR_FS_FILE_TOO_LARGE', (n) => `File size (${n}) is greater than 2 GiB`);
defineCode(Error, 'ERR_FS_EISDIR', (m) => m);
defineCode(TypeError, 'ERR_INVALID_OPT_VALUE', (name, value) => `The value "${String(value)}" is invalid for option "${name}"`);
defineCode(TypeError, 'ERR_INVALID_OPT_VALUE_ENCODING', (value) => `The value "${String(value)}" is invalid for option "encoding"`);
defineCode(Error, 'ERR_NOT_SUPPORTED', (m) => m);
defineCode(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', (d) => `Invalid digest: ${d}`);
defineCode(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
defineCode(Error, 'ERR_CRYPTO_HASH_UPDATE_FAILED', 'Hash update failed');
defineCode(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', (t, e) => `Invalid key object type ${t}, expected ${e}.`);
defineCode(TypeError, 'ERR_CRYPTO_INVALID_JWK', 'Invalid JWK data');
defineCode(Error, 'ERR_CRYPTO_INVALID_STATE', (m) => `Invalid state for operation ${m}`);
defineCode(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length');
defineCode(TypeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
defineCode(Error, 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter');
defineCode(TypeError, 'ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher');
defineCode(TypeError, 'ERR_CRYPTO_INVALID_AUTH_TAG', (m) => `Invalid authentication tag length: ${m}`);
defineCode(Error, 'ERR_ASSERTION', (m) => m);
defineCode(Error, 'ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign');
defineCode(TypeError, 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', (a, b) => `The selected key encoding ${a} ${b}.`);
defineCode(RangeError, 'ERR_SOCKET_BAD_PORT', (name, port) => `${name} should be >= 0 and < 65536. Received ${describe(port)}.`);
defineCode(Error, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
defineCode(TypeError, 'ERR_INVALID_STATE', (m) => `Invalid state: ${m}`);
defineCode(Error, 'ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed');
defineCode(RangeError, 'ERR_BUFFER_TOO_LARGE', (max) => `Cannot create a Buffer larger than ${max} bytes`);

// AbortError is what Node's abortable APIs reject with.
class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw new codes.ERR_INVALID_ARG_TYPE(name, 'Function', value);
}
function validateString(value, name) {
  if (typeof value !== 'string') throw new codes.ERR_INVALID_ARG_TYPE(name, 'string', value);
}
function validateNumber(value, name, min, max) {
  if (typeof value !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if ((min != null && value < min) || (max != null && value > max) || ((min != null || max != null) && Number.isNaN(value))) {
    throw new codes.ERR_OUT_OF_RANGE(name,
      `${min != null ? `>= ${min}` : ''}${min != null && max != null ? ' && ' : ''}${max != null ? `<= ${max}` : ''}`, value);
  }
}
function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}
function validateObject(value, name, allowNull = false) {
  if (value === null ? !allowNull : (typeof value !== 'object' || Array.isArray(value))) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
}
function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw new codes.ERR_INVALID_ARG_TYPE(name, 'boolean', value);
}
function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}

module.exports = {
  codes,
  AbortError,
  describe,
  determineSpecificType,
  validateFunction,
  validateString,
  validateNumber,
  validateInteger,
  validateObject,
  validateBoolean,
  validateAbortSignal,
  kIsNodeError,
};
