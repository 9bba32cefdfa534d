'use strict';
// node:timers/promises

const timers = require('timers');
const { codes, AbortError, validateAbortSignal, validateObject } = require('internal/errors');

function abortError(signal) {
  return new AbortError(undefined, { cause: signal.reason });
}

function setTimeout(after, value, options = {}) {
  try {
    validateObject(options, 'options');
    validateAbortSignal(options.signal, 'options.signal');
    if (options.ref !== undefined && typeof options.ref !== 'boolean') throw new codes.ERR_INVALID_ARG_TYPE('options.ref', 'boolean', options.ref);
  } catch (err) {
    return Promise.reject(err);
  }
  const { signal } = options;
  if (signal && signal.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    let onAbort;
    const t = timers.setTimeout(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    }, after);
    if (options.ref === false) t.unref();
    if (signal) {
      onAbort = () => {
        timers.clearTimeout(t);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

function setImmediate(value, options = {}) {
  try {
    validateObject(options, 'options');
    validateAbortSignal(options.signal, 'options.signal');
  } catch (err) {
    return Promise.reject(err);
  }
  const { signal } = options;
  if (signal && signal.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    let onAbort;
    const i = timers.setImmediate(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    });
    if (signal) {
      onAbort = () => {
        timers.clearImmediate(i);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

// setInterval returns an async iterator that yields value on every tick.
function setInterval(after, value, options = {}) {
  validateObject(options, 'options');
  validateAbortSignal(options.signal, 'options.signal');
  const { signal } = options;
  let pending = 0;
  let waiting = null;
  let done = false;
  let interval = null;
  const onAbort = () => {
    done = true;
    if (interval) timers.clearInterval(interval);
    if (waiting) {
      const w = waiting;
      waiting = null;
      w.reject(abortError(signal));
    }
  };
  if (signal && signal.aborted) {
    done = true;
  } else {
    interval = timers.setInterval(() => {
      pending++;
      if (waiting) {
        const w = waiting;
        waiting = null;
        pending--;
        w.resolve({ value, done: false });
      }
    }, after);
    if (options.ref === false) interval.unref();
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  }
  return {
    next() {
      if (signal && signal.aborted) return Promise.reject(abortError(signal));
      if (done) return Promise.resolve({ value: undefined, done: true });
      if (pending > 0) {
        pending--;
        return Promise.resolve({ value, done: false });
      }
      return new Promise((resolve, reject) => { waiting = { resolve, reject }; });
    },
    return() {
      done = true;
      if (interval) timers.clearInterval(interval);
      if (signal) signal.removeEventListener('abort', onAbort);
      if (waiting) { waiting.resolve({ value: undefined, done: true }); waiting = null; }
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() { return this; },
  };
}

const scheduler = {
  wait(delay, options) { return setTimeout(delay, undefined, options); },
  yield() { return setImmediate(); },
};

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
