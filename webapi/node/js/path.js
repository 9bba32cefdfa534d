'use strict';
// node:path — the POSIX flavour (edgerun's routes run on a POSIX-like
// layout; path.win32 is present but its functions throw not-supported).

const { validateString } = require('internal/errors');

function normalizeSegments(path, allowAboveRoot) {
  const out = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (allowAboveRoot) out.push('..');
    } else {
      out.push(seg);
    }
  }
  return out.join('/');
}

function cwd() { return require('process').cwd(); }

const posix = {
  sep: '/',
  delimiter: ':',

  resolve(...args) {
    let resolved = '';
    let absolute = false;
    for (let i = args.length - 1; i >= -1 && !absolute; i--) {
      const p = i >= 0 ? args[i] : cwd();
      validateString(p, `paths[${i}]`);
      if (p.length === 0) continue;
      resolved = `${p}/${resolved}`;
      absolute = p.charCodeAt(0) === 47;
    }
    const normalized = normalizeSegments(resolved, !absolute);
    if (absolute) return `/${normalized}`;
    return normalized.length > 0 ? normalized : '.';
  },

  normalize(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const absolute = path.charCodeAt(0) === 47;
    const trailing = path.charCodeAt(path.length - 1) === 47;
    let s = normalizeSegments(path, !absolute);
    if (s.length === 0) {
      if (absolute) return '/';
      return trailing ? './' : '.';
    }
    if (trailing) s += '/';
    return absolute ? `/${s}` : s;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    return path.length > 0 && path.charCodeAt(0) === 47;
  },

  join(...args) {
    if (args.length === 0) return '.';
    const parts = [];
    for (const arg of args) {
      validateString(arg, 'path');
      if (arg.length > 0) parts.push(arg);
    }
    if (parts.length === 0) return '.';
    return posix.normalize(parts.join('/'));
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    from = posix.resolve(from);
    to = posix.resolve(to);
    if (from === to) return '';
    const fromParts = from === '/' ? [] : from.slice(1).split('/');
    const toParts = to === '/' ? [] : to.slice(1).split('/');
    let common = 0;
    while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
    const up = fromParts.slice(common).map(() => '..');
    return up.concat(toParts.slice(common)).join('/');
  },

  toNamespacedPath(path) { return path; },

  dirname(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const hasRoot = path.charCodeAt(0) === 47;
    let end = -1;
    let sawName = false;
    for (let i = path.length - 1; i >= 1; --i) {
      if (path.charCodeAt(i) === 47) {
        if (sawName) { end = i; break; }
      } else {
        sawName = true;
      }
    }
    if (end === -1) return hasRoot ? '/' : '.';
    if (hasRoot && end === 1) return '//';
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'ext');
    validateString(path, 'path');
    if (suffix !== undefined && suffix.length > 0 && suffix === path) return '';
    let end = path.length;
    while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
    if (end === 0) return '';
    const base = path.slice(path.lastIndexOf('/', end - 1) + 1, end);
    if (suffix !== undefined && suffix.length > 0 && base !== suffix && base.endsWith(suffix)) {
      return base.slice(0, base.length - suffix.length);
    }
    return base;
  },

  extname(path) {
    validateString(path, 'path');
    return extOf(posix.basename(path));
  },

  format(pathObject) {
    if (pathObject === null || typeof pathObject !== 'object') {
      throw new (require('internal/errors').codes.ERR_INVALID_ARG_TYPE)('pathObject', 'Object', pathObject);
    }
    const dir = pathObject.dir || pathObject.root;
    let ext = pathObject.ext || '';
    if (ext && ext[0] !== '.') ext = `.${ext}`;
    const base = pathObject.base || `${pathObject.name || ''}${ext}`;
    if (!dir) return base;
    return dir === pathObject.root ? `${dir}${base}` : `${dir}/${base}`;
  },

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return ret;
    const absolute = path.charCodeAt(0) === 47;
    if (absolute) ret.root = '/';
    let end = path.length;
    while (end > 1 && path.charCodeAt(end - 1) === 47) end--;
    const start = path.lastIndexOf('/', end - 1) + 1;
    ret.base = path.slice(start, end === 1 && absolute ? 1 : end);
    if (ret.base === '/') ret.base = '';
    ret.ext = extOf(ret.base);
    ret.name = ret.base.slice(0, ret.base.length - ret.ext.length);
    ret.dir = start > 0 ? path.slice(0, start - 1) : '';
    if (ret.dir === '' && absolute) ret.dir = '/';
    return ret;
  },

  matchesGlob() {
    const e = new Error('edgerun: node:path.matchesGlob is not supported');
    e.code = 'ERR_NOT_SUPPORTED';
    throw e;
  },
};

function extOf(base) {
  if (base === '..') return '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return '';
  return base.slice(dot);
}

const win32 = { sep: '\\', delimiter: ';' };
for (const fn of ['resolve', 'normalize', 'isAbsolute', 'join', 'relative', 'toNamespacedPath', 'dirname', 'basename', 'extname', 'format', 'parse', 'matchesGlob']) {
  win32[fn] = function () {
    const e = new Error(`edgerun: node:path.win32.${fn} is not supported`);
    e.code = 'ERR_NOT_SUPPORTED';
    throw e;
  };
}

posix.posix = posix;
posix.win32 = win32;
win32.posix = posix;
win32.win32 = win32;

module.exports = posix;
