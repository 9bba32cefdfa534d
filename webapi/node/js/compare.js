'use strict';
// Deep equality as assert.deepStrictEqual / deepEqual and
// util.isDeepStrictEqual define it: strict mode compares prototypes, type
// tags and uses Object.is; loose mode uses == for primitives and ignores
// prototypes. Cycles are handled by remembering pairs under comparison.

const types = require('internal/types');

const hasOwn = Object.prototype.hasOwnProperty;
const propertyIsEnumerable = Object.prototype.propertyIsEnumerable;
const objectToString = (v) => Object.prototype.toString.call(v);

function isPrimitive(v) { return v === null || (typeof v !== 'object' && typeof v !== 'function'); }

function looseEqualPrimitive(a, b) {
  // eslint-disable-next-line eqeqeq
  return a == b || (a !== a && b !== b);
}

function ownKeys(obj, strict) {
  const keys = Object.keys(obj);
  if (strict) {
    for (const sym of Object.getOwnPropertySymbols(obj)) {
      if (propertyIsEnumerable.call(obj, sym)) keys.push(sym);
    }
  }
  return keys;
}

function deepEqual(a, b, strict, memos) {
  if (a === b) return a !== 0 || !strict || Object.is(a, b);
  if (strict) {
    if (typeof a !== 'object') return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b);
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') return looseEqualPrimitive(a, b);
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
  }
  const aTag = objectToString(a);
  if (aTag !== objectToString(b)) return false;

  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return keyCheck(a, b, strict, memos, 'array');
  }
  if (aTag === '[object Object]' && !types.isBoxedPrimitive(a)) {
    return keyCheck(a, b, strict, memos, 'object');
  }
  if (types.isDate(a)) {
    if (!types.isDate(b) || a.getTime() !== b.getTime()) return false;
  } else if (types.isRegExp(a)) {
    if (!types.isRegExp(b) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
  } else if (types.isNativeError(a) || a instanceof Error) {
    if ((!types.isNativeError(b) && !(b instanceof Error)) || a.message !== b.message || a.name !== b.name) return false;
    if ('cause' in a !== 'cause' in b || !deepEqual(a.cause, b.cause, strict, memos)) return false;
  } else if (types.isArrayBufferView(a)) {
    if (!types.isArrayBufferView(b)) return false;
    if (!strict && (types.isFloat32Array(a) || types.isFloat64Array(a))) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    } else {
      const ab = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
      const bb = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      if (ab.length !== bb.length) return false;
      for (let i = 0; i < ab.length; i++) if (ab[i] !== bb[i]) return false;
    }
    return keyCheck(a, b, strict, memos, 'view');
  } else if (types.isSet(a)) {
    if (!types.isSet(b) || a.size !== b.size) return false;
    return keyCheck(a, b, strict, memos, 'set');
  } else if (types.isMap(a)) {
    if (!types.isMap(b) || a.size !== b.size) return false;
    return keyCheck(a, b, strict, memos, 'map');
  } else if (types.isAnyArrayBuffer(a)) {
    if (!types.isAnyArrayBuffer(b) || a.byteLength !== b.byteLength) return false;
    const ab = new Uint8Array(a), bb = new Uint8Array(b);
    for (let i = 0; i < ab.length; i++) if (ab[i] !== bb[i]) return false;
  } else if (types.isBoxedPrimitive(a)) {
    if (!types.isBoxedPrimitive(b) || !Object.is(a.valueOf(), b.valueOf())) return false;
  } else if (types.isWeakMap(a) || types.isWeakSet(a) || types.isPromise(a)) {
    return false;
  }
  return keyCheck(a, b, strict, memos, 'object');
}

function keyCheck(a, b, strict, memos, kind) {
  const aKeys = kind === 'array' ? Object.keys(a).filter((k) => !isIndex(k, a.length)) : ownKeys(a, strict);
  const bKeys = kind === 'array' ? Object.keys(b).filter((k) => !isIndex(k, b.length)) : ownKeys(b, strict);
  if (kind === 'view') {
    // Indexed elements were compared as bytes.
    const filter = (k) => typeof k === 'symbol' || !/^\d+$/.test(k);
    return compareKeys(a, b, aKeys.filter(filter), bKeys.filter(filter), strict, memos, 'object');
  }
  return compareKeys(a, b, aKeys, bKeys, strict, memos, kind);
}

function isIndex(k, len) { return /^(0|[1-9]\d*)$/.test(k) && +k < len; }

function compareKeys(a, b, aKeys, bKeys, strict, memos, kind) {
  if (aKeys.length !== bKeys.length) return false;
  for (const k of aKeys) {
    if (!hasOwn.call(b, k) || (typeof k === 'symbol' && !propertyIsEnumerable.call(b, k))) return false;
  }
  if (memos === undefined) {
    memos = { a: new Map(), b: new Map(), position: 0 };
  } else {
    const memoA = memos.a.get(a);
    if (memoA !== undefined) {
      const memoB = memos.b.get(b);
      if (memoB !== undefined) return memoA === memoB;
    }
    memos.position++;
  }
  memos.a.set(a, memos.position);
  memos.b.set(b, memos.position);
  const result = objEquiv(a, b, strict, aKeys, memos, kind);
  memos.a.delete(a);
  memos.b.delete(b);
  return result;
}

function objEquiv(a, b, strict, keys, memos, kind) {
  if (kind === 'array') {
    for (let i = 0; i < a.length; i++) {
      const ha = hasOwn.call(a, i), hb = hasOwn.call(b, i);
      if (ha !== hb) {
        if (strict) return false;
        // loose: a hole equals undefined
        if ((ha && a[i] !== undefined) || (hb && b[i] !== undefined)) return false;
      } else if (!deepEqual(a[i], b[i], strict, memos)) {
        return false;
      }
    }
  } else if (kind === 'set') {
    if (!setEquiv(a, b, strict, memos)) return false;
  } else if (kind === 'map') {
    if (!mapEquiv(a, b, strict, memos)) return false;
  }
  for (const k of keys) {
    if (!deepEqual(a[k], b[k], strict, memos)) return false;
  }
  return true;
}

function setEquiv(a, b, strict, memos) {
  let pending = null;
  for (const v of a) {
    if (!isPrimitive(v)) {
      (pending || (pending = [])).push(v);
    } else if (!b.has(v)) {
      if (strict) return false;
      if (!setHasLoose(b, v)) return false;
      (pending || (pending = [])).push(v);
    }
  }
  if (pending !== null) {
    const candidates = [];
    for (const v of b) {
      if (!isPrimitive(v) || (!strict && !a.has(v))) candidates.push(v);
    }
    for (const v of pending) {
      const idx = candidates.findIndex((c) => deepEqual(v, c, strict, memos));
      if (idx === -1) return false;
      candidates.splice(idx, 1);
    }
    return candidates.length === 0 || !strict ? true : candidates.length === 0;
  }
  return true;
}

function setHasLoose(set, v) {
  for (const x of set) if (isPrimitive(x) && looseEqualPrimitive(x, v)) return true;
  return false;
}

function mapEquiv(a, b, strict, memos) {
  let pending = null;
  for (const [k, v] of a) {
    if (isPrimitive(k) && b.has(k)) {
      if (!deepEqual(v, b.get(k), strict, memos)) {
        if (strict) return false;
        (pending || (pending = [])).push([k, v]);
      }
    } else {
      if (strict && isPrimitive(k)) return false;
      (pending || (pending = [])).push([k, v]);
    }
  }
  if (pending !== null) {
    const candidates = [];
    for (const [k, v] of b) {
      if (!isPrimitive(k) || !a.has(k) || !strict) candidates.push([k, v]);
    }
    for (const [k, v] of pending) {
      const idx = candidates.findIndex(([k2, v2]) => deepEqual(k, k2, strict, memos) && deepEqual(v, v2, strict, memos));
      if (idx === -1) return false;
      candidates.splice(idx, 1);
    }
  }
  return true;
}

module.exports = {
  isDeepEqual(a, b) { return deepEqual(a, b, false); },
  isDeepStrictEqual(a, b) { return deepEqual(a, b, true); },
};
