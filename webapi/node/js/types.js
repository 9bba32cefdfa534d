'use strict';
// util.types: brand checks. Typed arrays, buffers, Map/Set/Date use the
// brand-checking built-in getters/methods (which throw or return undefined
// for foreign objects); the rest asks Go for the object's internal class.

const className = binding.className;
const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const getTypedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayProto, Symbol.toStringTag).get;
const getArrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const getSharedArrayBufferByteLength = typeof SharedArrayBuffer === 'function'
  ? Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get : null;
const getDataViewByteLength = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength').get;
const getMapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size').get;
const getSetSize = Object.getOwnPropertyDescriptor(Set.prototype, 'size').get;
const weakMapHas = WeakMap.prototype.has;
const weakSetHas = WeakSet.prototype.has;
const AsyncFunctionPrototype = Object.getPrototypeOf(async function () {});
const GeneratorFunctionPrototype = Object.getPrototypeOf(function* () {});
const objectTag = (v) => Object.prototype.toString.call(v);

function isObjectLike(v) { return v !== null && (typeof v === 'object' || typeof v === 'function'); }
function brand(fn, v) {
  if (!isObjectLike(v)) return false;
  try { fn.call(v); return true; } catch { return false; }
}

function typedArrayTag(v) { return isObjectLike(v) ? getTypedArrayTag.call(v) : undefined; }
function isTypedArray(v) { return typedArrayTag(v) !== undefined; }
function isArrayBuffer(v) { return brand(getArrayBufferByteLength, v); }
function isSharedArrayBuffer(v) { return getSharedArrayBufferByteLength !== null && brand(getSharedArrayBufferByteLength, v); }
function isDataView(v) { return brand(getDataViewByteLength, v); }
function isClass(name) { return (v) => isObjectLike(v) && className(v) === name; }

const types = {
  isExternal: () => false,
  isDate: isClass('Date'),
  isArgumentsObject: (v) => isObjectLike(v) && Object.prototype.toString.call(v) === '[object Arguments]',
  isBigIntObject: (v) => isObjectLike(v) && className(v) === 'BigInt',
  isBooleanObject: isClass('Boolean'),
  isNumberObject: isClass('Number'),
  isStringObject: isClass('String'),
  isSymbolObject: (v) => isObjectLike(v) && className(v) === 'Symbol',
  isNativeError: isClass('Error'),
  isRegExp: isClass('RegExp'),
  isAsyncFunction: (v) => typeof v === 'function' && Object.getPrototypeOf(v) === AsyncFunctionPrototype,
  isGeneratorFunction: (v) => typeof v === 'function' && Object.getPrototypeOf(v) === GeneratorFunctionPrototype,
  isGeneratorObject: (v) => isObjectLike(v) && objectTag(v) === '[object Generator]',
  isPromise: isClass('Promise'),
  isMap: (v) => brand(getMapSize, v),
  isSet: (v) => brand(getSetSize, v),
  isMapIterator: (v) => isObjectLike(v) && objectTag(v) === '[object Map Iterator]',
  isSetIterator: (v) => isObjectLike(v) && objectTag(v) === '[object Set Iterator]',
  isWeakMap: (v) => { if (!isObjectLike(v)) return false; try { weakMapHas.call(v, {}); return true; } catch { return false; } },
  isWeakSet: (v) => { if (!isObjectLike(v)) return false; try { weakSetHas.call(v, {}); return true; } catch { return false; } },
  isArrayBuffer,
  isDataView,
  isSharedArrayBuffer,
  isProxy: (v) => isObjectLike(v) && binding.isProxy(v),
  isModuleNamespaceObject: () => false,
  isAnyArrayBuffer: (v) => isArrayBuffer(v) || isSharedArrayBuffer(v),
  isBoxedPrimitive: (v) => {
    if (!isObjectLike(v)) return false;
    const c = className(v);
    return c === 'Number' || c === 'String' || c === 'Boolean' || c === 'BigInt' || c === 'Symbol';
  },
  isArrayBufferView: (v) => ArrayBuffer.isView(v),
  isTypedArray,
  isUint8Array: (v) => typedArrayTag(v) === 'Uint8Array',
  isUint8ClampedArray: (v) => typedArrayTag(v) === 'Uint8ClampedArray',
  isUint16Array: (v) => typedArrayTag(v) === 'Uint16Array',
  isUint32Array: (v) => typedArrayTag(v) === 'Uint32Array',
  isInt8Array: (v) => typedArrayTag(v) === 'Int8Array',
  isInt16Array: (v) => typedArrayTag(v) === 'Int16Array',
  isInt32Array: (v) => typedArrayTag(v) === 'Int32Array',
  isFloat32Array: (v) => typedArrayTag(v) === 'Float32Array',
  isFloat64Array: (v) => typedArrayTag(v) === 'Float64Array',
  isBigInt64Array: (v) => typedArrayTag(v) === 'BigInt64Array',
  isBigUint64Array: (v) => typedArrayTag(v) === 'BigUint64Array',
  isKeyObject: (v) => isObjectLike(v) && binding.isKeyObject(v),
  isCryptoKey: (v) => isObjectLike(v) && typeof globalThis.CryptoKey === 'function' && v instanceof globalThis.CryptoKey,
};

module.exports = types;
