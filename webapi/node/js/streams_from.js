'use strict';
// Internal: Readable.from(iterable) — pulls one value per _read (so the
// iterable is consumed no faster than the reader asks), objectMode by
// default; a string or Buffer is emitted whole.

const { Buffer } = require('buffer');
const { codes } = require('internal/errors');

const asyncIteratorSymbol = Symbol.asyncIterator || Symbol.for('Symbol.asyncIterator');

module.exports = function from(Readable, iterable, opts) {
  if (typeof iterable === 'string' || iterable instanceof Buffer) {
    return new Readable({
      objectMode: true,
      ...opts,
      read() {
        this.push(iterable);
        this.push(null);
      },
    });
  }
  let iterator;
  let isAsync;
  if (iterable && typeof iterable[asyncIteratorSymbol] === 'function') {
    isAsync = true;
    iterator = iterable[asyncIteratorSymbol]();
  } else if (iterable && typeof iterable[Symbol.iterator] === 'function') {
    isAsync = false;
    iterator = iterable[Symbol.iterator]();
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE('iterable', ['Iterable'], iterable);
  }

  const process = require('process');
  const readable = new Readable({ objectMode: true, highWaterMark: 1, ...opts });
  let reading = false;
  let isDone = false;

  readable._read = function () {
    if (!reading) {
      reading = true;
      next();
    }
  };

  readable._destroy = function (error, cb) {
    close(error).then(() => process.nextTick(cb, error), (e) => process.nextTick(cb, e || error));
  };

  function close(error) {
    const hadError = error !== undefined && error !== null;
    const hasThrow = typeof iterator.throw === 'function';
    if (hadError && hasThrow) {
      return Promise.resolve().then(() => iterator.throw(error)).then(({ done }) => {
        if (done) return undefined;
        return undefined;
      }, () => undefined);
    }
    if (typeof iterator.return === 'function' && !isDone) {
      return Promise.resolve().then(() => iterator.return()).then(() => undefined);
    }
    return Promise.resolve();
  }

  // next pulls values until push() reports backpressure or the source
  // ends; a synchronous iterator is drained in a loop, not by recursion.
  function next() {
    for (;;) {
      let step;
      try {
        step = iterator.next();
      } catch (err) {
        readable.destroy(err);
        return;
      }
      if (isAsync || (step && typeof step.then === 'function')) {
        Promise.resolve(step).then((r) => { if (handle(r)) next(); }, (err) => readable.destroy(err));
        return;
      }
      if (!handle(step)) return;
    }
  }

  // handle consumes one iterator result and reports whether to pull again.
  function handle(result) {
    if (result.done) {
      isDone = true;
      readable.push(null);
      reading = false;
      return false;
    }
    const value = result.value;
    if (!isAsync && value && typeof value.then === 'function') {
      value.then((v) => { if (settle(v)) next(); }, (err) => readable.destroy(err));
      return false;
    }
    return settle(value);
  }

  function settle(value) {
    if (value === null) {
      reading = false;
      readable.destroy(new codes.ERR_STREAM_NULL_VALUES());
      return false;
    }
    if (readable.push(value)) return true;
    reading = false;
    return false;
  }

  return readable;
};
