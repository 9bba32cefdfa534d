'use strict';
// Internal: shared stream helpers — default high-water marks, stream
// predicates, nextTick.

const { codes } = require('internal/errors');

let defaultHighWaterMarkBytes = 16 * 1024;
let defaultHighWaterMarkObjects = 16;

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultHighWaterMarkObjects : defaultHighWaterMarkBytes;
}

function setDefaultHighWaterMark(objectMode, value) {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new codes.ERR_INVALID_ARG_VALUE('value', value);
  }
  if (objectMode) defaultHighWaterMarkObjects = value;
  else defaultHighWaterMarkBytes = value;
}

function getHighWaterMark(state, options, duplexKey, isDuplex) {
  let hwm = options.highWaterMark != null ? options.highWaterMark : (isDuplex ? options[duplexKey] : null);
  if (hwm != null) {
    if (!Number.isInteger(hwm) || hwm < 0) {
      const name = isDuplex && options.highWaterMark == null ? `options.${duplexKey}` : 'options.highWaterMark';
      throw new codes.ERR_INVALID_ARG_VALUE(name, hwm);
    }
    return Math.floor(hwm);
  }
  return getDefaultHighWaterMark(state.objectMode);
}

let processModule;
function nextTick(fn, ...args) {
  if (!processModule) processModule = require('process');
  processModule.nextTick(fn, ...args);
}

function isReadableNodeStream(obj, strict = false) {
  return !!(obj && typeof obj.pipe === 'function' && typeof obj.on === 'function' &&
    (!strict || (typeof obj.pause === 'function' && typeof obj.resume === 'function')) &&
    (!obj._writableState || (obj._readableState && obj._readableState.readable !== false)) &&
    (!obj._writableState || obj._readableState));
}

function isWritableNodeStream(obj) {
  return !!(obj && typeof obj.write === 'function' && typeof obj.on === 'function' &&
    (!obj._readableState || (obj._writableState && obj._writableState.writable !== false)));
}

function isNodeStream(obj) {
  return obj && (obj._readableState || obj._writableState ||
    (typeof obj.write === 'function' && typeof obj.on === 'function') ||
    (typeof obj.pipe === 'function' && typeof obj.on === 'function'));
}

function isWebReadableStream(obj) {
  return !!(obj && typeof obj.getReader === 'function' && typeof obj.pipeThrough === 'function' && typeof obj.tee === 'function');
}

function isWebWritableStream(obj) {
  return !!(obj && typeof obj.getWriter === 'function' && typeof obj.abort === 'function');
}

function isIterable(obj, isAsync) {
  if (obj == null) return false;
  if (isAsync === true) return typeof obj[Symbol.asyncIterator] === 'function';
  if (isAsync === false) return typeof obj[Symbol.iterator] === 'function';
  return typeof obj[Symbol.asyncIterator] === 'function' || typeof obj[Symbol.iterator] === 'function';
}

function isDestroyed(stream) {
  if (!isNodeStream(stream)) return null;
  const w = stream._writableState, r = stream._readableState;
  const state = w || r;
  return !!(stream.destroyed || (state && state.destroyed));
}

function isWritableEnded(stream) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableEnded === true) return true;
  const w = stream._writableState;
  if (w && w.errored) return false;
  if (typeof (w && w.ended) !== 'boolean') return null;
  return w.ended;
}

function isWritableFinished(stream, strict) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableFinished === true) return true;
  const w = stream._writableState;
  if (w && w.errored) return false;
  if (typeof (w && w.finished) !== 'boolean') return null;
  return !!(w.finished || (strict === false && w.ended === true && w.length === 0));
}

function isReadableFinished(stream, strict) {
  if (!isReadableNodeStream(stream)) return null;
  const r = stream._readableState;
  if (r && r.errored) return false;
  if (typeof (r && r.endEmitted) !== 'boolean') return null;
  return !!(r.endEmitted || (strict === false && r.ended === true && r.length === 0));
}

function isReadable(stream) {
  if (stream && typeof stream.readable !== 'boolean' && stream._readableState === undefined) return null;
  if (typeof (stream && stream.readable) !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream);
}

function isWritable(stream) {
  if (typeof (stream && stream.writable) !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isWritableNodeStream(stream) && stream.writable && !isWritableEnded(stream);
}

function isClosed(stream) {
  if (!isNodeStream(stream)) return null;
  const w = stream._writableState, r = stream._readableState;
  if (typeof (w && w.closed) === 'boolean' || typeof (r && r.closed) === 'boolean') {
    return (w && w.closed) || (r && r.closed);
  }
  if (typeof stream.closed === 'boolean') return stream.closed;
  return null;
}

function isErrored(stream) {
  return !!(stream && (stream.errored || stream.readableErrored || stream.writableErrored ||
    (stream._readableState && stream._readableState.errored) || (stream._writableState && stream._writableState.errored)));
}

function isDisturbed(stream) {
  return !!(stream && (stream.readableDidRead || stream.readableAborted || (stream._readableState && stream._readableState.dataEmitted)));
}

function once(fn) {
  let called = false;
  return function (...args) {
    if (called) return;
    called = true;
    return Reflect.apply(fn, this, args);
  };
}

module.exports = {
  getDefaultHighWaterMark, setDefaultHighWaterMark, getHighWaterMark, nextTick,
  isReadableNodeStream, isWritableNodeStream, isNodeStream, isWebReadableStream, isWebWritableStream,
  isIterable, isDestroyed, isWritableEnded, isWritableFinished, isReadableFinished, isReadable, isWritable,
  isClosed, isErrored, isDisturbed, once,
  kDestroy: Symbol('kDestroy'),
  kConstruct: Symbol('kConstruct'),
  kOnFinished: Symbol('kOnFinished'),
  kOnConstructed: Symbol('kOnConstructed'),
};
