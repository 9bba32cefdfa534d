'use strict';
// node:timers — setTimeout/setInterval return Timeout objects (ref, unref,
// hasRef, refresh, close, and a numeric id via Symbol.toPrimitive that the
// clear functions also accept); setImmediate returns an Immediate.
// Callbacks run in the async context of the call that scheduled them.

const asyncContext = require('internal/async_context');
const { codes, validateFunction } = require('internal/errors');

const TIMEOUT_MAX = 2 ** 31 - 1;
let nextId = 1;
const active = new Map(); // id → Timeout

function toDelay(after) {
  after *= 1;
  if (!(after >= 1 && after <= TIMEOUT_MAX)) {
    if (after > TIMEOUT_MAX) {
      require('process').emitWarning(`${after} does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.`, 'TimeoutOverflowWarning');
    }
    after = 1;
  }
  return after;
}

class Timeout {
  constructor(callback, after, args, isRepeat) {
    this._idleTimeout = toDelay(after);
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? this._idleTimeout : null;
    this._destroyed = false; // fired (one-shot) or cleared
    this._cleared = false;
    this._ctx = asyncContext.capture();
    this._ref = true;
    this._id = nextId++;
    this._loopId = 0;
    this._schedule();
  }

  _schedule() {
    const id = this._id;
    active.set(id, this);
    this._loopId = binding.schedule(this._idleTimeout, this._repeat !== null, () => this._fire());
  }

  _fire() {
    if (this._destroyed) return;
    if (this._repeat === null) {
      this._destroyed = true;
      active.delete(this._id);
    }
    asyncContext.runIn(this._ctx, this._onTimeout, this, this._timerArgs);
  }

  // refresh restarts the countdown; a one-shot timer that already fired
  // is armed again, a cleared one is not (Node's semantics).
  refresh() {
    if (this._cleared) return this;
    if (!this._destroyed) binding.cancel(this._loopId);
    this._destroyed = false;
    this._schedule();
    return this;
  }

  ref() { this._ref = true; return this; }
  unref() { this._ref = false; return this; }
  hasRef() { return this._ref; }

  close() {
    clearTimeout(this);
    return this;
  }

  [Symbol.toPrimitive]() { return this._id; }
}

class Immediate {
  constructor(callback, args) {
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this._ref = true;
    this._ctx = asyncContext.capture();
    this._loopId = binding.schedule(0, false, () => {
      if (this._destroyed) return;
      this._destroyed = true;
      asyncContext.runIn(this._ctx, this._onImmediate, this, this._argv);
    });
  }
  ref() { this._ref = true; return this; }
  unref() { this._ref = false; return this; }
  hasRef() { return this._ref; }
}

function setTimeout(callback, after, ...args) {
  validateFunction(callback, 'callback');
  return new Timeout(callback, after, args, false);
}

function setInterval(callback, repeat, ...args) {
  validateFunction(callback, 'callback');
  return new Timeout(callback, repeat, args, true);
}

function clearTimeout(timer) {
  if (timer === null || timer === undefined) return;
  let t = timer;
  if (!(timer instanceof Timeout)) {
    const id = typeof timer === 'number' || typeof timer === 'string' ? +timer : NaN;
    t = active.get(id);
    if (t === undefined) return;
  }
  t._cleared = true;
  if (t._destroyed) return;
  t._destroyed = true;
  active.delete(t._id);
  binding.cancel(t._loopId);
}

function setImmediate(callback, ...args) {
  validateFunction(callback, 'callback');
  return new Immediate(callback, args);
}

function clearImmediate(immediate) {
  if (!immediate || !(immediate instanceof Immediate) || immediate._destroyed) return;
  immediate._destroyed = true;
  binding.cancel(immediate._loopId);
}

const promisifyCustom = Symbol.for('nodejs.util.promisify.custom');
Object.defineProperty(setTimeout, promisifyCustom, {
  enumerable: true, configurable: true,
  get() { return require('timers/promises').setTimeout; },
});
Object.defineProperty(setImmediate, promisifyCustom, {
  enumerable: true, configurable: true,
  get() { return require('timers/promises').setImmediate; },
});

module.exports = {
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval: clearTimeout,
  setImmediate,
  clearImmediate,
  Timeout,
  Immediate,
  active(timer) { if (timer instanceof Timeout) timer.refresh(); },
  unenroll(timer) { clearTimeout(timer); },
  enroll() { const e = new Error('edgerun: node:timers.enroll is not supported'); e.code = 'ERR_NOT_SUPPORTED'; throw e; },
};
Object.defineProperty(module.exports, 'promises', { enumerable: true, configurable: true, get() { return require('timers/promises'); } });
void codes;
