'use strict';
// node:util

const { codes, validateFunction, validateString } = require('internal/errors');

const internalInspect = require('internal/inspect');
const { stripVTControlCharacters, inspectDefaultOptions } = internalInspect;

// The options webapi/console's renderer (shared with console.log) does not
// handle send util.inspect/format to the JS renderer in internal/inspect.
function needsJSRenderer(o) {
  return !!o && (o.colors || o.getters || o.showProxy || o.numericSeparator ||
    typeof o.stylize === 'function' || typeof o.sorted === 'function');
}

function inspect(value, opts) {
  if (arguments.length > 2 || typeof opts === 'boolean' || needsJSRenderer(opts) || needsJSRenderer(inspectDefaultOptions)) {
    return Reflect.apply(internalInspect.inspect, this, arguments);
  }
  return binding.consoleInspect(value, opts ? { ...inspectDefaultOptions, ...opts } : inspectDefaultOptions);
}
inspect.custom = internalInspect.inspect.custom;
inspect.colors = internalInspect.inspect.colors;
inspect.styles = internalInspect.inspect.styles;
Object.defineProperty(inspect, 'defaultOptions', Object.getOwnPropertyDescriptor(internalInspect.inspect, 'defaultOptions'));

function format(...args) {
  if (needsJSRenderer(inspectDefaultOptions)) return internalInspect.format(...args);
  return binding.consoleFormat(inspectDefaultOptions, args);
}

function formatWithOptions(inspectOptions, ...args) {
  if (inspectOptions === null || typeof inspectOptions !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('inspectOptions', 'object', inspectOptions);
  }
  if (needsJSRenderer(inspectOptions) || needsJSRenderer(inspectDefaultOptions)) return internalInspect.formatWithOptions(inspectOptions, ...args);
  return binding.consoleFormat({ ...inspectDefaultOptions, ...inspectOptions }, args);
}
const types = require('internal/types');
const { isDeepStrictEqual } = require('internal/compare');

const kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');
const kCustomPromisifyArgsSymbol = Symbol('customPromisifyArgs');

function promisify(original) {
  validateFunction(original, 'original');
  if (original[kCustomPromisifiedSymbol]) {
    const fn = original[kCustomPromisifiedSymbol];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisifiedSymbol, { value: fn, enumerable: false, writable: false, configurable: true });
  }
  const argumentNames = original[kCustomPromisifyArgsSymbol];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisifiedSymbol, { value: fn, enumerable: false, writable: false, configurable: true });
  const descriptors = Object.getOwnPropertyDescriptors(original);
  for (const k of Reflect.ownKeys(descriptors)) {
    if (k === 'length' || k === 'name' || k === 'prototype') continue;
    try { Object.defineProperty(fn, k, descriptors[k]); } catch { /* non-configurable */ }
  }
  return fn;
}
promisify.custom = kCustomPromisifiedSymbol;

function callbackifyOnRejected(reason, cb) {
  if (!reason) {
    const newReason = new codes.ERR_FALSY_VALUE_REJECTION();
    newReason.reason = reason;
    reason = newReason;
  }
  return cb(reason);
}

function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    const nextTick = require('process').nextTick;
    Reflect.apply(original, this, args).then(
      (ret) => nextTick(cb, null, ret),
      (rej) => nextTick(callbackifyOnRejected, rej, cb),
    );
  }
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  Object.defineProperties(callbackified, { length: descriptors.length, name: descriptors.name });
  return callbackified;
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw new codes.ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) throw new codes.ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  if (superCtor.prototype === undefined) throw new codes.ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

const codesWarned = new Set();
function deprecate(fn, msg, code) {
  validateFunction(fn, 'fn');
  if (code !== undefined) validateString(code, 'code');
  let warned = false;
  function deprecated(...args) {
    if (!warned) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          require('process').emitWarning(msg, 'DeprecationWarning', code, deprecated);
          codesWarned.add(code);
        }
      } else {
        require('process').emitWarning(msg, 'DeprecationWarning', deprecated);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

function debuglog(set, cb) {
  const enabled = (() => {
    const env = require('process').env.NODE_DEBUG || '';
    return env.split(/[\s,]+/).some((s) => s && new RegExp(`^${s.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i').test(set));
  })();
  const logger = enabled
    ? (...args) => require('process').stderr.write(`${set.toUpperCase()} ${require('process').pid}: ${format(...args)}\n`)
    : () => {};
  if (typeof cb === 'function') cb(logger);
  Object.defineProperty(logger, 'enabled', { get() { return enabled; }, configurable: true, enumerable: true });
  return logger;
}

function getSystemErrorName(err) {
  if (typeof err !== 'number') throw new codes.ERR_INVALID_ARG_TYPE('err', 'number', err);
  if (err >= 0 || !Number.isSafeInteger(err)) throw new codes.ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  const entry = binding.errname(err);
  return entry || `Unknown system error ${err}`;
}

function getSystemErrorMap() {
  return new Map(binding.errmap());
}

function toUSVString(string) {
  return `${string}`.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function isArray(v) { return Array.isArray(v); }

function aborted(signal, resource) {
  if (signal === undefined || signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
    throw new codes.ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

function parseArgs() {
  const e = new Error('edgerun: node:util.parseArgs is not supported');
  e.code = 'ERR_NOT_SUPPORTED';
  throw e;
}

function styleText(format, text) {
  validateString(text, 'text');
  const formats = Array.isArray(format) ? format : [format];
  let left = '', right = '';
  for (const key of formats) {
    const code = inspect.colors[key];
    if (code === undefined) throw new codes.ERR_INVALID_ARG_VALUE('format', key, `must be one of: ${Object.keys(inspect.colors).join(', ')}`);
    left += `\u001b[${code[0]}m`;
    right = `\u001b[${code[1]}m${right}`;
  }
  return `${left}${text}${right}`;
}

module.exports = {
  _extend,
  aborted,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  formatWithOptions,
  getSystemErrorMap,
  getSystemErrorName,
  inherits,
  inspect,
  isArray,
  isDeepStrictEqual,
  parseArgs,
  promisify,
  stripVTControlCharacters,
  styleText,
  toUSVString,
  types,
  // Deprecated type checks Node still exports.
  isBoolean: (v) => typeof v === 'boolean',
  isBuffer: (v) => require('buffer').Buffer.isBuffer(v),
  isDate: types.isDate,
  isError: (v) => types.isNativeError(v) || v instanceof Error,
  isFunction: (v) => typeof v === 'function',
  isNull: (v) => v === null,
  isNullOrUndefined: (v) => v === null || v === undefined,
  isNumber: (v) => typeof v === 'number',
  isObject: (v) => v !== null && typeof v === 'object',
  isPrimitive: (v) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
  isRegExp: types.isRegExp,
  isString: (v) => typeof v === 'string',
  isSymbol: (v) => typeof v === 'symbol',
  isUndefined: (v) => v === undefined,
  log: (...args) => {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const ts = `${d.getDate()} ${months[d.getMonth()]} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    require('process').stdout.write(`${ts} - ${format(...args)}\n`);
  },
};

Object.defineProperty(module.exports, 'TextEncoder', { enumerable: true, configurable: true, get() { return globalThis.TextEncoder; } });
Object.defineProperty(module.exports, 'TextDecoder', { enumerable: true, configurable: true, get() { return globalThis.TextDecoder; } });
