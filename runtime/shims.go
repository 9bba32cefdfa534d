package runtime

import (
	"sync"

	"github.com/dop251/goja"
)

// languageShims fills the gaps between goja and the ECMAScript level npm
// code expects (notes §1.1): well-known symbols goja lacks (esbuild's
// lowered for-await and `using` look them up), V8's Error.captureStackTrace
// that many libraries call unconditionally, and a few cheap ES2024 statics.
// They are language features, not Web APIs, so they live here and every
// isolate gets them before its Setup runs.
const languageShims = `(function () {
  'use strict';
  const define = (obj, name, value) => Object.defineProperty(obj, name, { value, writable: true, configurable: true, enumerable: false });
  if (typeof Symbol.asyncIterator !== 'symbol') Object.defineProperty(Symbol, 'asyncIterator', { value: Symbol.for('Symbol.asyncIterator') });
  if (typeof Symbol.dispose !== 'symbol') Object.defineProperty(Symbol, 'dispose', { value: Symbol.for('Symbol.dispose') });
  if (typeof Symbol.asyncDispose !== 'symbol') Object.defineProperty(Symbol, 'asyncDispose', { value: Symbol.for('Symbol.asyncDispose') });
  if (typeof Error.captureStackTrace !== 'function') {
    define(Error, 'captureStackTrace', function captureStackTrace(target) {
      if (target === null || (typeof target !== 'object' && typeof target !== 'function')) {
        throw new TypeError('Invalid argument');
      }
      const stack = new Error().stack;
      const lines = typeof stack === 'string' ? stack.split('\n').slice(2) : [];
      let head = 'Error';
      try { head = String(target.name || 'Error') + (target.message ? ': ' + target.message : ''); } catch (_) {}
      Object.defineProperty(target, 'stack', { value: [head, ...lines].join('\n'), writable: true, configurable: true, enumerable: false });
    });
  }
  if (typeof Error.stackTraceLimit !== 'number') Error.stackTraceLimit = 10;
  // Annex B: toGMTString is the same function object as toUTCString.
  if (typeof Date.prototype.toGMTString !== 'function') define(Date.prototype, 'toGMTString', Date.prototype.toUTCString);

  // Allocation caps. goja allocates buffers and strings eagerly, and a Go
  // allocation that cannot be satisfied is a fatal error for the whole
  // process, so a request computing new Uint8Array(n) or 'x'.repeat(n)
  // from client input could kill the server. Sizes past these caps throw
  // V8's RangeErrors instead. (V8's own limits are higher: ~4 GiB buffers,
  // 2^29-24 string length.)
  const MAX_BYTES = 1024 * 1024 * 1024; // per ArrayBuffer / typed array
  const MAX_STRING = (1 << 28) - 16;   // UTF-16 code units
  const bufferFail = () => { throw new RangeError('Array buffer allocation failed'); };
  const lengthOf = (v) => { const n = Number(v); return n !== n ? 0 : Math.trunc(n); };
  // The guard is a plain constructor sharing the original's prototype (a
  // Proxy would do, but goja's instanceof rejects a Proxy on its right).
  const capConstructor = (Ctor, bytesPerElement) => {
    if (typeof Ctor !== 'function') return;
    const guarded = function (...args) {
      if (new.target === undefined) return Ctor(...args); // throws as the original does
      const a = args[0];
      if (typeof a === 'number' || typeof a === 'string' || typeof a === 'bigint') {
        if (lengthOf(a) * bytesPerElement > MAX_BYTES) bufferFail();
      } else if (a !== null && typeof a === 'object' && typeof a.length === 'number' && !(a instanceof ArrayBuffer)) {
        if (a.length * bytesPerElement > MAX_BYTES) bufferFail();
      }
      return Reflect.construct(Ctor, args, new.target === guarded ? Ctor : new.target);
    };
    for (const key of Reflect.ownKeys(Ctor)) {
      if (key === 'prototype' || key === 'caller' || key === 'arguments') continue;
      Object.defineProperty(guarded, key, Object.getOwnPropertyDescriptor(Ctor, key));
    }
    Object.defineProperty(guarded, 'prototype', { value: Ctor.prototype, writable: false, enumerable: false, configurable: false });
    Object.setPrototypeOf(guarded, Object.getPrototypeOf(Ctor));
    Object.defineProperty(Ctor.prototype, 'constructor', { value: guarded, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(globalThis, Ctor.name, { value: guarded, writable: true, configurable: true, enumerable: false });
  };
  capConstructor(ArrayBuffer, 1);
  for (const [name, size] of [['Int8Array', 1], ['Uint8Array', 1], ['Uint8ClampedArray', 1], ['Int16Array', 2], ['Uint16Array', 2],
    ['Int32Array', 4], ['Uint32Array', 4], ['Float32Array', 4], ['Float64Array', 8], ['BigInt64Array', 8], ['BigUint64Array', 8]]) {
    capConstructor(globalThis[name], size);
  }
  const stringFail = () => { throw new RangeError('Invalid string length'); };
  const repeat = String.prototype.repeat;
  define(String.prototype, 'repeat', function repeat_(count) {
    const s = String(this);
    if (s.length * lengthOf(count) > MAX_STRING) stringFail();
    return repeat.call(s, count);
  });
  Object.defineProperty(String.prototype.repeat, 'name', { value: 'repeat' });
  for (const name of ['padStart', 'padEnd']) {
    const pad = String.prototype[name];
    define(String.prototype, name, { [name](maxLength, fill) {
      if (lengthOf(maxLength) > MAX_STRING) stringFail();
      return pad.call(this, maxLength, fill);
    } }[name]);
  }
  if (typeof Promise.withResolvers !== 'function') {
    define(Promise, 'withResolvers', function withResolvers() {
      let resolve, reject;
      const promise = new this((res, rej) => { resolve = res; reject = rej; });
      return { promise, resolve, reject };
    });
  }
  if (typeof Object.groupBy !== 'function') {
    define(Object, 'groupBy', function groupBy(items, fn) {
      const out = Object.create(null); let i = 0;
      for (const item of items) { const k = fn(item, i++); (out[k] ||= []).push(item); }
      return out;
    });
  }
  if (typeof Map.groupBy !== 'function') {
    define(Map, 'groupBy', function groupBy(items, fn) {
      const out = new Map(); let i = 0;
      for (const item of items) { const k = fn(item, i++); if (!out.has(k)) out.set(k, []); out.get(k).push(item); }
      return out;
    });
  }
  if (typeof Array.fromAsync !== 'function') {
    define(Array, 'fromAsync', async function fromAsync(items, mapFn, thisArg) {
      const out = [];
      const asyncIt = items[Symbol.asyncIterator];
      if (typeof asyncIt === 'function') {
        const it = asyncIt.call(items);
        for (let i = 0; ; i++) {
          const r = await it.next();
          if (r.done) break;
          out.push(mapFn ? await mapFn.call(thisArg, r.value, i) : r.value);
        }
        return out;
      }
      let i = 0;
      for (const v of items) { const x = await v; out.push(mapFn ? await mapFn.call(thisArg, x, i++) : x); }
      return out;
    });
  }
})()`

var (
	shimsOnce sync.Once
	shimsProg *goja.Program
)

func installLanguageShims(vm *goja.Runtime) error {
	shimsOnce.Do(func() {
		shimsProg = goja.MustCompile("edgerun:shims", languageShims, true)
	})
	_, err := vm.RunProgram(shimsProg)
	return err
}
