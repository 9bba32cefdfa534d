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
