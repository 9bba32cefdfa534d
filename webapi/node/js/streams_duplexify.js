'use strict';
// Internal: Duplex.from(body).

const { codes } = require('internal/errors');
const {
  isReadableNodeStream, isWritableNodeStream, isNodeStream, isIterable, isWebReadableStream, isWebWritableStream, nextTick,
} = require('internal/streams/state');

const asyncIteratorSymbol = Symbol.asyncIterator || Symbol.for('Symbol.asyncIterator');

module.exports = function duplexify(body, name) {
  const Duplex = require('internal/streams/duplex');
  const Readable = require('internal/streams/readable');
  if (body instanceof Duplex) return body;
  if (isReadableNodeStream(body) && !isWritableNodeStream(body)) return wrapReadable(Duplex, body);
  if (isWritableNodeStream(body) && !isReadableNodeStream(body)) return wrapWritable(Duplex, body);
  if (isNodeStream(body)) return body;
  if (isWebReadableStream(body)) return wrapReadable(Duplex, Readable.fromWeb(body));
  if (isWebWritableStream(body)) return wrapWritable(Duplex, require('internal/streams/writable').fromWeb(body));
  if (typeof body === 'function') return fromFunction(Duplex, body);
  if (isIterable(body)) return Readable.from(body);
  if (body && typeof body.then === 'function') {
    const d = new Duplex({ objectMode: true, read() {}, write(c, e, cb) { cb(); } });
    body.then((v) => { if (v != null) d.push(v); d.push(null); }, (err) => d.destroy(err));
    return d;
  }
  if (body && (body.readable || body.writable) && typeof body === 'object') {
    const r = body.readable ? duplexify(body.readable) : null;
    const w = body.writable ? duplexify(body.writable) : null;
    return pair(Duplex, r, w);
  }
  throw new codes.ERR_INVALID_ARG_TYPE(name, ['Blob', 'ReadableStream', 'WritableStream', 'Stream', 'Iterable', 'AsyncIterable', 'Function', '{ readable, writable } pair', 'Promise'], body);
};

function wrapReadable(Duplex, r) {
  return pair(Duplex, r, null);
}

function wrapWritable(Duplex, w) {
  return pair(Duplex, null, w);
}

function pair(Duplex, r, w) {
  const d = new Duplex({
    objectMode: !!((r && r.readableObjectMode) || (w && w.writableObjectMode)),
    readable: !!r,
    writable: !!w,
    read() { if (r) r.resume(); },
    write(chunk, enc, cb) { w.write(chunk, enc) ? cb() : w.once('drain', () => cb()); },
    final(cb) { w.end(); w.once('finish', () => cb()); },
    destroy(err, cb) {
      if (r && !r.destroyed) r.destroy(err);
      if (w && !w.destroyed) w.destroy(err);
      cb(err);
    },
  });
  if (r) {
    r.on('data', (chunk) => { if (!d.push(chunk)) r.pause(); });
    r.on('end', () => d.push(null));
    r.on('error', (err) => d.destroy(err));
  }
  if (w) w.on('error', (err) => d.destroy(err));
  return d;
}

// fromFunction makes a Duplex from fn(source): what is written becomes
// the async iterable source; what fn yields (or resolves) is readable.
function fromFunction(Duplex, fn) {
  const queue = [];
  let waiting = null;
  let ended = false;
  let finalCallback = null;
  const wake = () => {
    if (waiting) {
      const w = waiting;
      waiting = null;
      w();
    }
  };
  const source = {
    next() {
      return new Promise((resolve) => {
        const attempt = () => {
          if (queue.length) {
            const { chunk, cb } = queue.shift();
            cb();
            resolve({ value: chunk, done: false });
          } else if (ended) {
            if (finalCallback) {
              const f = finalCallback;
              finalCallback = null;
              f();
            }
            resolve({ value: undefined, done: true });
          } else {
            waiting = attempt;
          }
        };
        attempt();
      });
    },
    return() {
      ended = true;
      return Promise.resolve({ value: undefined, done: true });
    },
    [asyncIteratorSymbol]() { return this; },
  };
  let iterator = null;
  const d = new Duplex({
    objectMode: true,
    highWaterMark: 1,
    write(chunk, encoding, cb) {
      queue.push({ chunk, cb });
      wake();
    },
    final(cb) {
      ended = true;
      finalCallback = cb;
      wake();
    },
    read() {
      if (iterator === null) {
        const out = fn(source);
        if (out && typeof out.then === 'function' && !isIterable(out)) {
          iterator = { next: () => out.then((v) => (v === undefined ? { done: true } : { value: v, done: false })).then((r) => { iterator = { next: () => Promise.resolve({ done: true }) }; return r; }) };
        } else if (isIterable(out, true)) {
          iterator = out[asyncIteratorSymbol]();
        } else if (isIterable(out, false)) {
          iterator = out[Symbol.iterator]();
        } else {
          d.destroy(new codes.ERR_INVALID_RETURN_VALUE('Iterable, AsyncIterable or AsyncFunction', 'fn', out));
          return;
        }
      }
      Promise.resolve(iterator.next()).then(({ value, done }) => {
        if (done) d.push(null);
        else d.push(value);
      }, (err) => d.destroy(err));
    },
    destroy(err, cb) {
      ended = true;
      wake();
      if (iterator && typeof iterator.return === 'function') Promise.resolve(iterator.return()).catch(() => {});
      nextTick(cb, err);
    },
  });
  return d;
}
