'use strict';
// node:querystring — Node's own form encoding, which differs from
// URLSearchParams: repeated keys become arrays, the result has a null
// prototype, malformed escapes are kept literally, maxKeys bounds the
// pairs read (default 1000, 0 = no limit).

const { Buffer } = require('buffer');

function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  return encodeURIComponent(str);
}

function isHex(c) {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
function hexVal(c) {
  if (c <= 57) return c - 48;
  if (c <= 70) return c - 55;
  return c - 87;
}

// unescapeBuffer decodes %XX escapes byte-wise, leaving malformed ones as
// they are (and '+' as a space when decodeSpaces).
function unescapeBuffer(s, decodeSpaces) {
  const src = Buffer.from(String(s));
  const out = Buffer.allocUnsafe(src.length);
  let n = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === 37 && i + 2 < src.length && isHex(src[i + 1]) && isHex(src[i + 2])) {
      out[n++] = hexVal(src[i + 1]) * 16 + hexVal(src[i + 2]);
      i += 2;
    } else if (c === 43 && decodeSpaces) {
      out[n++] = 32;
    } else {
      out[n++] = c;
    }
  }
  return out.slice(0, n);
}

function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return module.exports.unescapeBuffer(s, decodeSpaces).toString();
  }
}

function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return `${v}`;
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function encodeValue(v, encode) {
  return encode(stringifyPrimitive(v));
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  let encode = module.exports.escape;
  if (options && typeof options.encodeURIComponent === 'function') encode = options.encodeURIComponent;
  if (obj !== null && typeof obj === 'object') {
    const keys = Object.keys(obj);
    const fields = [];
    for (const k of keys) {
      const v = obj[k];
      const ks = encode(stringifyPrimitive(k)) + eq;
      if (Array.isArray(v)) {
        for (const item of v) fields.push(ks + encodeValue(item, encode));
      } else {
        fields.push(ks + encodeValue(v, encode));
      }
    }
    return fields.join(sep);
  }
  return '';
}

function parse(qs, sep, eq, options) {
  const obj = Object.create(null);
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep ? String(sep) : '&';
  eq = eq ? String(eq) : '=';
  let maxKeys = 1000;
  if (options && typeof options.maxKeys === 'number') maxKeys = options.maxKeys;
  let decode = qsUnescape;
  if (options && typeof options.decodeURIComponent === 'function') decode = options.decodeURIComponent;

  let pieces = qs.split(sep);
  if (maxKeys > 0 && pieces.length > maxKeys) pieces = pieces.slice(0, maxKeys);
  for (const piece of pieces) {
    if (piece.length === 0) continue;
    const idx = piece.indexOf(eq);
    let k, v;
    if (idx >= 0) {
      k = piece.slice(0, idx);
      v = piece.slice(idx + eq.length);
    } else {
      k = piece;
      v = '';
    }
    k = decodeComponent(k.replace(/\+/g, ' '), decode);
    v = decodeComponent(v.replace(/\+/g, ' '), decode);
    const cur = obj[k];
    if (cur === undefined) obj[k] = v;
    else if (Array.isArray(cur)) cur.push(v);
    else obj[k] = [cur, v];
  }
  return obj;
}

function decodeComponent(s, decode) {
  if (!s.includes('%')) return s;
  try {
    return decode(s);
  } catch {
    return qsUnescape(s, true);
  }
}

module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
