'use strict';
// node:async_hooks — AsyncLocalStorage and AsyncResource over the
// isolate's async context (propagated by goja's AsyncContextTracker across
// promise reactions, and by edgerun's timers, nextTick and fs callbacks).
// The low-level hook API (createHook) is not supported: goja exposes no
// per-resource lifecycle events, and a hook that never fires would hide
// bugs.

const asyncContext = require('internal/async_context');
const { validateFunction } = require('internal/errors');

class AsyncLocalStorage {
  constructor() {
    this._enabled = true;
  }

  static bind(fn) {
    validateFunction(fn, 'fn');
    const snapshot = asyncContext.capture();
    return function bound(...args) { return asyncContext.runIn(snapshot, fn, this, args); };
  }

  static snapshot() {
    const snapshot = asyncContext.capture();
    return function runInAsyncScope(fn, ...args) { return asyncContext.runIn(snapshot, fn, this, args); };
  }

  disable() {
    this._enabled = false;
    asyncContext.set(this, undefined);
  }

  getStore() {
    return asyncContext.get(this);
  }

  enterWith(store) {
    this._enabled = true;
    asyncContext.set(this, store);
  }

  run(store, callback, ...args) {
    const prev = asyncContext.capture();
    this._enabled = true;
    asyncContext.set(this, store);
    try {
      return Reflect.apply(callback, null, args);
    } finally {
      asyncContext.restore(prev);
    }
  }

  exit(callback, ...args) {
    const prev = asyncContext.capture();
    asyncContext.set(this, undefined);
    try {
      return Reflect.apply(callback, null, args);
    } finally {
      asyncContext.restore(prev);
    }
  }
}

let nextAsyncId = 2;

class AsyncResource {
  constructor(type, opts = {}) {
    this._type = type;
    this._snapshot = asyncContext.capture();
    this._asyncId = nextAsyncId++;
    this._triggerAsyncId = typeof opts === 'number' ? opts : (opts && opts.triggerAsyncId) || 1;
  }

  runInAsyncScope(fn, thisArg, ...args) {
    return asyncContext.runIn(this._snapshot, fn, thisArg, args);
  }

  emitDestroy() { return this; }
  asyncId() { return this._asyncId; }
  triggerAsyncId() { return this._triggerAsyncId; }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    const self = this;
    const bound = thisArg === undefined
      ? function (...args) { return self.runInAsyncScope(fn, this, ...args); }
      : function (...args) { return self.runInAsyncScope(fn, thisArg, ...args); };
    Object.defineProperty(bound, 'length', { value: fn.length, configurable: true });
    bound.asyncResource = this;
    return bound;
  }

  static bind(fn, type, thisArg) {
    return new AsyncResource(type || fn.name || 'bound-anonymous-fn').bind(fn, thisArg);
  }
}

function createHook() {
  const e = new Error('edgerun: node:async_hooks.createHook is not supported');
  e.code = 'ERR_NOT_SUPPORTED';
  throw e;
}

module.exports = {
  AsyncLocalStorage,
  AsyncResource,
  createHook,
  executionAsyncId() { return 1; },
  triggerAsyncId() { return 0; },
  executionAsyncResource() { return {}; },
  asyncWrapProviders: {},
};
