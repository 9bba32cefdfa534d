'use strict';
// node:punycode — RFC 3492 Punycode (the algorithm of section 6, with
// the parameter values of section 5) plus IDNA-style toASCII/toUnicode
// over dot-separated labels, as Node's deprecated module offers.

const base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700, initialBias = 72, initialN = 128, delimiter = '-';
const maxInt = 2147483647;

function error(type) {
  const messages = { overflow: 'Overflow: input needs wider integers to process', 'not-basic': 'Illegal input >= 0x80 (not a basic code point)', 'invalid-input': 'Invalid input' };
  throw new RangeError(messages[type]);
}

function ucs2decode(string) {
  const output = [];
  for (let i = 0; i < string.length; i++) {
    const value = string.charCodeAt(i);
    if (value >= 0xd800 && value <= 0xdbff && i + 1 < string.length) {
      const extra = string.charCodeAt(i + 1);
      if ((extra & 0xfc00) === 0xdc00) {
        output.push(((value & 0x3ff) << 10) + (extra & 0x3ff) + 0x10000);
        i++;
        continue;
      }
    }
    output.push(value);
  }
  return output;
}

function ucs2encode(codePoints) {
  return String.fromCodePoint(...codePoints);
}

function basicToDigit(cp) {
  if (cp >= 0x30 && cp < 0x3a) return 26 + (cp - 0x30);
  if (cp >= 0x41 && cp < 0x5b) return cp - 0x41;
  if (cp >= 0x61 && cp < 0x7b) return cp - 0x61;
  return base;
}

function digitToBasic(d) {
  return d + 22 + 75 * (d < 26);
}

// adapt is the bias adaptation function of RFC 3492 section 6.1.
function adapt(delta, numPoints, firstTime) {
  let k = 0;
  delta = firstTime ? Math.floor(delta / damp) : delta >> 1;
  delta += Math.floor(delta / numPoints);
  for (; delta > ((base - tMin) * tMax) >> 1; k += base) delta = Math.floor(delta / (base - tMin));
  return Math.floor(k + ((base - tMin + 1) * delta) / (delta + skew));
}

// decode is RFC 3492 section 6.2.
function decode(input) {
  const output = [];
  let basic = input.lastIndexOf(delimiter);
  if (basic < 0) basic = 0;
  for (let j = 0; j < basic; ++j) {
    if (input.charCodeAt(j) >= 0x80) error('not-basic');
    output.push(input.charCodeAt(j));
  }
  let n = initialN, bias = initialBias, i = 0;
  for (let index = basic > 0 ? basic + 1 : 0; index < input.length;) {
    const oldi = i;
    for (let w = 1, k = base; ; k += base) {
      if (index >= input.length) error('invalid-input');
      const digit = basicToDigit(input.charCodeAt(index++));
      if (digit >= base) error('invalid-input');
      if (digit > Math.floor((maxInt - i) / w)) error('overflow');
      i += digit * w;
      const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
      if (digit < t) break;
      const baseMinusT = base - t;
      if (w > Math.floor(maxInt / baseMinusT)) error('overflow');
      w *= baseMinusT;
    }
    const out = output.length + 1;
    bias = adapt(i - oldi, out, oldi === 0);
    if (Math.floor(i / out) > maxInt - n) error('overflow');
    n += Math.floor(i / out);
    i %= out;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

// encode is RFC 3492 section 6.3.
function encode(input) {
  const output = [];
  const codePoints = ucs2decode(input);
  let n = initialN, delta = 0, bias = initialBias;
  for (const cp of codePoints) if (cp < 0x80) output.push(String.fromCharCode(cp));
  const basicLength = output.length;
  let handled = basicLength;
  if (basicLength) output.push(delimiter);
  while (handled < codePoints.length) {
    let m = maxInt;
    for (const cp of codePoints) if (cp >= n && cp < m) m = cp;
    const handledPlusOne = handled + 1;
    if (m - n > Math.floor((maxInt - delta) / handledPlusOne)) error('overflow');
    delta += (m - n) * handledPlusOne;
    n = m;
    for (const cp of codePoints) {
      if (cp < n && ++delta > maxInt) error('overflow');
      if (cp === n) {
        let q = delta;
        for (let k = base; ; k += base) {
          const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
          if (q < t) break;
          const qMinusT = q - t, baseMinusT = base - t;
          output.push(String.fromCharCode(digitToBasic(t + (qMinusT % baseMinusT))));
          q = Math.floor(qMinusT / baseMinusT);
        }
        output.push(String.fromCharCode(digitToBasic(q)));
        bias = adapt(delta, handledPlusOne, handled === basicLength);
        delta = 0;
        ++handled;
      }
    }
    ++delta;
    ++n;
  }
  return output.join('');
}

function mapDomain(domain, fn) {
  const parts = domain.split('@');
  let result = '';
  if (parts.length > 1) {
    result = `${parts[0]}@`;
    domain = parts[1];
  }
  domain = domain.replace(/[\x2E\u3002\uFF0E\uFF61]/g, '\x2E');
  return result + domain.split('.').map(fn).join('.');
}

function toUnicode(input) {
  return mapDomain(input, (s) => (/^xn--/.test(s) ? decode(s.slice(4).toLowerCase()) : s));
}

function toASCII(input) {
  return mapDomain(input, (s) => (/[^\0-\x7F]/.test(s) ? `xn--${encode(s)}` : s));
}

module.exports = {
  version: '2.1.0',
  ucs2: { decode: ucs2decode, encode: ucs2encode },
  decode,
  encode,
  toASCII,
  toUnicode,
};
