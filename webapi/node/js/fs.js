'use strict';
// node:fs — sync, callback and (via fs/promises) promise APIs over Go
// natives. Every path goes through edgerun's sandbox (the project
// directory and the temp directory by default); callback and promise
// operations run off the isolate's goroutine.

const { Buffer } = require('buffer');
const { codes, validateFunction, validateInteger } = require('internal/errors');
const { Readable, Writable } = require('stream');

const constants = {
  UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2,
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3, UV_DIRENT_FIFO: 4,
  UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7,
  S_IFMT: 0o170000, S_IFREG: 0o100000, S_IFDIR: 0o040000, S_IFCHR: 0o020000, S_IFBLK: 0o060000,
  S_IFIFO: 0o010000, S_IFLNK: 0o120000, S_IFSOCK: 0o140000,
  O_CREAT: 0o100, O_EXCL: 0o200, UV_FS_O_FILEMAP: 0, O_NOCTTY: 0o400, O_TRUNC: 0o1000, O_APPEND: 0o2000,
  O_DIRECTORY: 0o200000, O_NOATIME: 0o1000000, O_NOFOLLOW: 0o400000, O_SYNC: 0o4010000, O_DSYNC: 0o10000,
  O_DIRECT: 0o40000, O_NONBLOCK: 0o4000,
  S_IRWXU: 0o700, S_IRUSR: 0o400, S_IWUSR: 0o200, S_IXUSR: 0o100,
  S_IRWXG: 0o70, S_IRGRP: 0o40, S_IWGRP: 0o20, S_IXGRP: 0o10,
  S_IRWXO: 0o7, S_IROTH: 0o4, S_IWOTH: 0o2, S_IXOTH: 0o1,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1, UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2,
  UV_FS_COPYFILE_FICLONE_FORCE: 4, COPYFILE_FICLONE_FORCE: 4,
};

function notSupported(fn) {
  const e = new Error(`edgerun: node:fs.${fn} is not supported`);
  e.code = 'ERR_NOT_SUPPORTED';
  return e;
}

// ---- argument helpers ----

function isURLObject(v) {
  return v != null && typeof v === 'object' && typeof v.href === 'string' && typeof v.protocol === 'string' && v.origin !== undefined;
}

function getValidatedPath(p, name = 'path') {
  let s = p;
  if (isURLObject(p)) s = require('url').fileURLToPath(p);
  else if (p instanceof Uint8Array) s = Buffer.from(p.buffer, p.byteOffset, p.byteLength).toString();
  else if (typeof p !== 'string') throw new codes.ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], p);
  if (s.includes('\u0000')) {
    throw new codes.ERR_INVALID_ARG_VALUE(name, p, 'must be a string, Uint8Array, or URL without null bytes');
  }
  return s;
}

function getValidatedFd(fd) {
  validateInteger(fd, 'fd', 0, 2147483647);
  return fd;
}

function getOptions(options, defaults) {
  if (options == null || typeof options === 'function') return defaults;
  if (typeof options === 'string') return { ...defaults, encoding: options };
  if (typeof options !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  if (options.encoding !== undefined && options.encoding !== null && options.encoding !== 'buffer' && !Buffer.isEncoding(options.encoding)) {
    throw new codes.ERR_INVALID_ARG_VALUE('encoding', options.encoding, 'is invalid encoding');
  }
  return { ...defaults, ...options };
}

function maybeCallback(cb) {
  validateFunction(cb, 'cb');
  return cb;
}

function encodeResult(buf, encoding) {
  if (encoding && encoding !== 'buffer') return buf.toString(encoding);
  return buf;
}

function toBytes(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new codes.ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function modeNum(mode, def) {
  if (mode === undefined || mode === null) return def;
  if (typeof mode === 'string') return parseInt(mode, 8);
  return mode;
}

// ---- Stats and Dirent ----

function dateFromMs(ms) { return new Date(Math.round(ms)); }

function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
  this.atime = dateFromMs(atimeMs);
  this.mtime = dateFromMs(mtimeMs);
  this.ctime = dateFromMs(ctimeMs);
  this.birthtime = dateFromMs(birthtimeMs);
}

function modeIs(type) { return function () { return (Number(this.mode) & constants.S_IFMT) === type; }; }
Stats.prototype.isDirectory = modeIs(constants.S_IFDIR);
Stats.prototype.isFile = modeIs(constants.S_IFREG);
Stats.prototype.isBlockDevice = modeIs(constants.S_IFBLK);
Stats.prototype.isCharacterDevice = modeIs(constants.S_IFCHR);
Stats.prototype.isSymbolicLink = modeIs(constants.S_IFLNK);
Stats.prototype.isFIFO = modeIs(constants.S_IFIFO);
Stats.prototype.isSocket = modeIs(constants.S_IFSOCK);

function BigIntStats(...args) {
  Stats.apply(this, args.map((v, i) => (i < 10 ? BigInt(Math.trunc(v)) : BigInt(Math.trunc(v)))));
  const ns = (ms) => BigInt(Math.round(ms * 1e6));
  this.atimeNs = ns(args[10]);
  this.mtimeNs = ns(args[11]);
  this.ctimeNs = ns(args[12]);
  this.birthtimeNs = ns(args[13]);
  this.atime = dateFromMs(args[10]);
  this.mtime = dateFromMs(args[11]);
  this.ctime = dateFromMs(args[12]);
  this.birthtime = dateFromMs(args[13]);
}
BigIntStats.prototype = Object.create(Stats.prototype, { constructor: { value: BigIntStats, writable: true, configurable: true } });
BigIntStats.prototype.isDirectory = function () { return (this.mode & BigInt(constants.S_IFMT)) === BigInt(constants.S_IFDIR); };
BigIntStats.prototype.isFile = function () { return (this.mode & BigInt(constants.S_IFMT)) === BigInt(constants.S_IFREG); };
BigIntStats.prototype.isSymbolicLink = function () { return (this.mode & BigInt(constants.S_IFMT)) === BigInt(constants.S_IFLNK); };

function makeStats(arr, options) {
  if (options && options.bigint) return new BigIntStats(...arr);
  return new Stats(...arr);
}

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }
  isDirectory() { return this[kType] === constants.UV_DIRENT_DIR; }
  isFile() { return this[kType] === constants.UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === constants.UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === constants.UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === constants.UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === constants.UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === constants.UV_DIRENT_SOCKET; }
}
const kType = Symbol('type');

// ---- operations: each has a sync form, a callback form and a promise form ----

// op declares an operation from one argument-normaliser: prepare(args)
// returns [nativeName, nativeArgs, wrapResult]. The sync form calls the
// native without a callback; the callback form appends one; the promise
// form wraps the callback form.
function defineOp(name, prepare, { promiseName } = {}) {
  function run(args, cb) {
    const [native, nativeArgs, wrap] = prepare(args);
    if (cb === undefined) {
      const res = binding[native](...nativeArgs);
      return wrap ? wrap(res) : res;
    }
    binding[native](...nativeArgs, (err, res) => {
      if (err) cb(err);
      else cb(null, wrap ? wrap(res) : res);
    });
    return undefined;
  }
  exports[`${name}Sync`] = function (...args) { return run(args); };
  exports[name] = function (...args) {
    const cb = maybeCallback(args.pop());
    run(args, cb);
  };
  promiseOps[promiseName || name] = function (...args) {
    return new Promise((resolve, reject) => {
      try {
        run(args, (err, res) => (err ? reject(err) : resolve(res)));
      } catch (err) {
        reject(err);
      }
    });
  };
}
const promiseOps = {};

defineOp('readFile', ([path, options]) => {
  const opts = getOptions(options, { flag: 'r', encoding: null });
  const target = typeof path === 'number' ? getValidatedFd(path) : (path instanceof FileHandle ? path.fd : getValidatedPath(path));
  return ['readFile', [target, opts.flag], (buf) => encodeResult(buf, opts.encoding)];
});

defineOp('writeFile', ([path, data, options]) => {
  const opts = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const target = typeof path === 'number' ? getValidatedFd(path) : (path instanceof FileHandle ? path.fd : getValidatedPath(path));
  return ['writeFile', [target, toBytes(data, opts.encoding), opts.flag, modeNum(opts.mode, 0o666)]];
});

defineOp('appendFile', ([path, data, options]) => {
  const opts = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  const target = typeof path === 'number' ? getValidatedFd(path) : (path instanceof FileHandle ? path.fd : getValidatedPath(path));
  return ['writeFile', [target, toBytes(data, opts.encoding), opts.flag, modeNum(opts.mode, 0o666)]];
});

defineOp('stat', ([path, options]) => ['stat', [getValidatedPath(path), true], (a) => makeStats(a, options)]);
defineOp('lstat', ([path, options]) => ['stat', [getValidatedPath(path), false], (a) => makeStats(a, options)]);
defineOp('fstat', ([fd, options]) => ['fstat', [getValidatedFd(fd)], (a) => makeStats(a, options)]);

defineOp('access', ([path, mode]) => ['access', [getValidatedPath(path), mode === undefined ? constants.F_OK : mode]]);

defineOp('readdir', ([path, options]) => {
  const opts = getOptions(options, { encoding: 'utf8', withFileTypes: false, recursive: false });
  return ['readdir', [getValidatedPath(path), !!opts.withFileTypes, !!opts.recursive], (list) => {
    if (opts.withFileTypes) return list.map(([name, type, parent]) => new Dirent(name, type, parent));
    if (opts.encoding === 'buffer') return list.map((n) => Buffer.from(n));
    return list;
  }];
});

defineOp('mkdir', ([path, options]) => {
  let recursive = false;
  let mode = 0o777;
  if (typeof options === 'number' || typeof options === 'string') mode = modeNum(options, 0o777);
  else if (options) {
    if (options.recursive !== undefined) recursive = options.recursive;
    if (options.mode !== undefined) mode = modeNum(options.mode, 0o777);
  }
  if (typeof recursive !== 'boolean') throw new codes.ERR_INVALID_ARG_TYPE('options.recursive', 'boolean', recursive);
  return ['mkdir', [getValidatedPath(path), recursive, mode]];
});

defineOp('rm', ([path, options]) => {
  const opts = options || {};
  return ['rm', [getValidatedPath(path), !!opts.recursive, !!opts.force]];
});

defineOp('rmdir', ([path, options]) => ['rmdir', [getValidatedPath(path), !!(options && options.recursive)]]);
defineOp('unlink', ([path]) => ['unlink', [getValidatedPath(path)]]);
defineOp('rename', ([oldPath, newPath]) => ['rename', [getValidatedPath(oldPath, 'oldPath'), getValidatedPath(newPath, 'newPath')]]);
defineOp('link', ([existingPath, newPath]) => ['link', [getValidatedPath(existingPath, 'existingPath'), getValidatedPath(newPath, 'newPath')]]);
defineOp('copyFile', ([src, dest, mode]) => ['copyFile', [getValidatedPath(src, 'src'), getValidatedPath(dest, 'dest'), mode | 0]]);
defineOp('symlink', ([target, path]) => ['symlink', [getValidatedPath(target, 'target'), getValidatedPath(path)]]);
defineOp('readlink', ([path, options]) => {
  const opts = getOptions(options, { encoding: 'utf8' });
  return ['readlink', [getValidatedPath(path)], (s) => (opts.encoding === 'buffer' ? Buffer.from(s) : s)];
});
defineOp('realpath', ([path, options]) => {
  const opts = getOptions(options, { encoding: 'utf8' });
  return ['realpath', [getValidatedPath(path)], (s) => (opts.encoding === 'buffer' ? Buffer.from(s) : s)];
});
defineOp('chmod', ([path, mode]) => ['chmod', [getValidatedPath(path), modeNum(mode, 0o666)]]);
defineOp('lchmod', ([path, mode]) => ['chmod', [getValidatedPath(path), modeNum(mode, 0o666)]]);
defineOp('utimes', ([path, atime, mtime]) => ['utimes', [getValidatedPath(path), toUnixTime(atime), toUnixTime(mtime)]]);
defineOp('lutimes', ([path, atime, mtime]) => ['utimes', [getValidatedPath(path), toUnixTime(atime), toUnixTime(mtime)]]);
defineOp('truncate', ([path, len]) => ['truncate', [getValidatedPath(path), len | 0]]);
defineOp('mkdtemp', ([prefix, options]) => {
  const opts = getOptions(options, { encoding: 'utf8' });
  if (typeof prefix !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('prefix', 'string', prefix);
  return ['mkdtemp', [prefix], (s) => (opts.encoding === 'buffer' ? Buffer.from(s) : s)];
});
defineOp('open', ([path, flags, mode]) => ['open', [getValidatedPath(path), flags === undefined || flags === null ? 'r' : flags, modeNum(mode, 0o666)]]);
defineOp('close', ([fd]) => ['close', [getValidatedFd(fd)]]);
defineOp('fsync', ([fd]) => ['fsync', [getValidatedFd(fd)]]);
defineOp('fdatasync', ([fd]) => ['fsync', [getValidatedFd(fd)]]);
defineOp('ftruncate', ([fd, len]) => ['ftruncate', [getValidatedFd(fd), len | 0]]);

function toUnixTime(time) {
  if (typeof time === 'number') return time;
  if (typeof time === 'string' && +time == time) return +time;
  if (time instanceof Date) return time.getTime() / 1000;
  if (typeof time === 'bigint') return Number(time);
  throw new codes.ERR_INVALID_ARG_TYPE('time', ['Date', 'Time in seconds'], time);
}

// rm/rmdir/unlink etc. above; a few need custom shapes:

exports.existsSync = function existsSync(path) {
  try {
    return binding.exists(getValidatedPath(path));
  } catch {
    return false;
  }
};

exports.exists = function exists(path, callback) {
  validateFunction(callback, 'cb');
  let result;
  try { result = binding.exists(getValidatedPath(path)); } catch { result = false; }
  require('process').nextTick(callback, result);
};
Object.defineProperty(exports.exists, Symbol.for('nodejs.util.promisify.custom'), {
  value: (path) => new Promise((resolve) => exports.exists(path, resolve)),
});

// read(fd, buffer, offset, length, position, cb) and its option forms.
function readArgs(fd, buffer, offsetOrOptions, length, position) {
  let offset = offsetOrOptions;
  if (buffer !== undefined && !ArrayBuffer.isView(buffer) && typeof buffer === 'object') {
    ({ buffer = Buffer.alloc(16384), offset = 0, length, position = null } = buffer);
  } else if (offsetOrOptions !== null && typeof offsetOrOptions === 'object') {
    ({ offset = 0, length, position = null } = offsetOrOptions);
  }
  if (!ArrayBuffer.isView(buffer)) throw new codes.ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  offset = offset === undefined || offset === null ? 0 : offset;
  if (length === undefined || length === null) length = bytes.length - offset;
  if (position === undefined) position = null;
  if (typeof position === 'bigint') position = Number(position);
  return [getValidatedFd(fd), bytes, offset, length, position, buffer];
}

exports.readSync = function readSync(fd, buffer, offsetOrOptions, length, position) {
  const [f, bytes, offset, len, pos] = readArgs(fd, buffer, offsetOrOptions, length, position);
  if (len === 0) return 0;
  return binding.read(f, bytes, offset, len, pos);
};

exports.read = function read(fd, buffer, offsetOrOptions, length, position, callback) {
  const args = [...arguments];
  callback = maybeCallback(args.pop());
  const [f, bytes, offset, len, pos, buf] = readArgs(args[0], args[1], args[2], args[3], args[4]);
  if (len === 0) {
    require('process').nextTick(callback, null, 0, buf);
    return;
  }
  binding.read(f, bytes, offset, len, pos, (err, n) => (err ? callback(err) : callback(null, n, buf)));
};

function writeArgs(buffer, offsetOrOptions, length, position) {
  if (typeof buffer === 'string') {
    // write(fd, string[, position[, encoding]])
    const encoding = typeof length === 'string' ? length : 'utf8';
    const pos = typeof offsetOrOptions === 'number' ? offsetOrOptions : null;
    return [Buffer.from(buffer, encoding), pos];
  }
  if (!ArrayBuffer.isView(buffer)) throw new codes.ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  let offset = offsetOrOptions;
  if (offsetOrOptions !== null && typeof offsetOrOptions === 'object') ({ offset = 0, length, position = null } = offsetOrOptions);
  offset = offset == null ? 0 : offset;
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (length == null) length = bytes.length - offset;
  return [bytes.subarray(offset, offset + length), position == null ? null : position];
}

exports.writeSync = function writeSync(fd, buffer, offsetOrOptions, length, position) {
  const [data, pos] = writeArgs(buffer, offsetOrOptions, length, position);
  return binding.write(getValidatedFd(fd), data, pos);
};

exports.write = function write(fd, buffer, ...rest) {
  const callback = maybeCallback(rest.pop());
  const [data, pos] = writeArgs(buffer, rest[0], rest[1], rest[2]);
  binding.write(getValidatedFd(fd), data, pos, (err, n) => (err ? callback(err) : callback(null, n, buffer)));
};

exports.writev = function writev(fd, buffers, position, callback) {
  if (typeof position === 'function') { callback = position; position = null; }
  const data = Buffer.concat(buffers.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)));
  binding.write(getValidatedFd(fd), data, position, (err, n) => (err ? callback(err) : callback(null, n, buffers)));
};
exports.writevSync = function writevSync(fd, buffers, position) {
  const data = Buffer.concat(buffers.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)));
  return binding.write(getValidatedFd(fd), data, position == null ? null : position);
};

exports.readvSync = function readvSync(fd, buffers, position) {
  let total = 0;
  for (const b of buffers) {
    const n = exports.readSync(fd, b, 0, b.byteLength, position == null ? null : position + total);
    total += n;
    if (n < b.byteLength) break;
  }
  return total;
};

// cpSync copies files and (with recursive) directory trees, honouring
// force, errorOnExist and filter as Node does.
function cpSyncImpl(src, dest, opts) {
  const filter = typeof opts.filter === 'function' ? opts.filter : null;
  if (filter && !filter(src, dest)) return;
  const st = exports.lstatSync(src);
  if (st.isDirectory()) {
    if (!opts.recursive) {
      const e = new Error(`Recursive option is required to copy a directory: ${src}`);
      e.code = 'ERR_FS_EISDIR';
      throw e;
    }
    exports.mkdirSync(dest, { recursive: true });
    for (const name of exports.readdirSync(src)) {
      cpSyncImpl(`${src}/${name}`, `${dest}/${name}`, opts);
    }
    return;
  }
  if (st.isSymbolicLink()) {
    const target = exports.readlinkSync(src);
    if (exports.existsSync(dest)) {
      if (opts.force === false) return;
      exports.unlinkSync(dest);
    }
    exports.symlinkSync(target, dest);
    return;
  }
  if (exports.existsSync(dest)) {
    if (opts.force === false) {
      if (opts.errorOnExist) {
        const e = new Error(`Target already exists: cp returned EEXIST (${dest} already exists)`);
        e.code = 'ERR_FS_CP_EEXIST';
        throw e;
      }
      return;
    }
  }
  exports.copyFileSync(src, dest);
}

exports.cpSync = function cpSync(src, dest, options) {
  cpSyncImpl(getValidatedPath(src, 'src'), getValidatedPath(dest, 'dest'), options || {});
};
exports.cp = function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'cb');
  let err = null;
  try { exports.cpSync(src, dest, options); } catch (e) { err = e; }
  require('process').nextTick(callback, err);
};
promiseOps.cp = (src, dest, options) => new Promise((resolve, reject) => exports.cp(src, dest, options, (err) => (err ? reject(err) : resolve())));

// Dir reads the directory listing when opened and hands out its entries.
class Dir {
  constructor(path, entries) {
    this.path = path;
    this._entries = entries;
    this._closed = false;
  }
  readSync() {
    if (this._closed) throw Object.assign(new Error('Directory handle was closed'), { code: 'ERR_DIR_CLOSED' });
    return this._entries.length ? this._entries.shift() : null;
  }
  read(cb) {
    if (typeof cb !== 'function') return new Promise((resolve, reject) => this.read((err, d) => (err ? reject(err) : resolve(d))));
    let res, err = null;
    try { res = this.readSync(); } catch (e) { err = e; }
    require('process').nextTick(cb, err, res);
    return undefined;
  }
  closeSync() { this._closed = true; }
  close(cb) {
    this._closed = true;
    if (typeof cb === 'function') { require('process').nextTick(cb, null); return undefined; }
    return Promise.resolve();
  }
  [Symbol.asyncIterator || Symbol.for('Symbol.asyncIterator')]() {
    return {
      next: () => this.read().then((d) => (d === null ? (this.closeSync(), { value: undefined, done: true }) : { value: d, done: false })),
      return: () => { this.closeSync(); return Promise.resolve({ value: undefined, done: true }); },
      [Symbol.asyncIterator || Symbol.for('Symbol.asyncIterator')]() { return this; },
    };
  }
}

exports.opendirSync = function opendirSync(path, options) {
  const p = getValidatedPath(path);
  return new Dir(p, exports.readdirSync(p, { withFileTypes: true, recursive: !!(options && options.recursive) }));
};
exports.opendir = function opendir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'cb');
  const p = getValidatedPath(path);
  exports.readdir(p, { withFileTypes: true, recursive: !!(options && options.recursive) }, (err, entries) => {
    if (err) callback(err);
    else callback(null, new Dir(p, entries));
  });
};
promiseOps.opendir = (path, options) => new Promise((resolve, reject) => exports.opendir(path, options || {}, (err, d) => (err ? reject(err) : resolve(d))));
exports.Dir = Dir;

for (const fn of ['watch', 'watchFile', 'unwatchFile', 'statfs', 'statfsSync', 'chown', 'chownSync',
  'fchown', 'fchownSync', 'lchown', 'lchownSync', 'fchmod', 'fchmodSync', 'futimes', 'futimesSync', 'openAsBlob']) {
  exports[fn] = function () { throw notSupported(fn); };
}

exports.constants = constants;
exports.F_OK = constants.F_OK;
exports.R_OK = constants.R_OK;
exports.W_OK = constants.W_OK;
exports.X_OK = constants.X_OK;
exports.Stats = Stats;
exports.Dirent = Dirent;

// ---- streams ----

const kIsPerformingIO = Symbol('kIsPerformingIO');

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = getOptions(options, {});
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  if (options.autoDestroy === undefined) options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  Readable.call(this, options);
  this.fd = options.fd === undefined ? null : (options.fd instanceof FileHandle ? options.fd.fd : options.fd);
  this.path = this.fd === null ? getValidatedPath(path) : undefined;
  this.flags = options.flags === undefined ? 'r' : options.flags;
  this.mode = options.mode === undefined ? 0o666 : options.mode;
  this.start = options.start;
  this.end = options.end === undefined ? Infinity : options.end;
  this.pos = undefined;
  this.bytesRead = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== undefined) {
    validateInteger(this.start, 'start', 0);
    this.pos = this.start;
  }
  if (this.end !== Infinity) {
    validateInteger(this.end, 'end', 0);
    if (this.start !== undefined && this.start > this.end) {
      throw new codes.ERR_OUT_OF_RANGE('start', `<= "end" (here: ${this.end})`, this.start);
    }
  }
}

function streamConstruct(cb) {
  if (typeof this.fd === 'number') {
    cb();
    return;
  }
  binding.open(this.path, this.flags, this.mode, (err, fd) => {
    if (err) {
      cb(err);
      return;
    }
    this.fd = fd;
    cb();
    this.emit('open', this.fd);
    this.emit('ready');
  });
}

function streamDestroy(err, cb) {
  const close = (er) => {
    if (this.fd === null || typeof this.fd !== 'number' || this.autoClose === false) {
      cb(er || err);
      return;
    }
    const fd = this.fd;
    this.fd = null;
    binding.close(fd, (closeErr) => cb(er || err || closeErr));
  };
  if (this[kIsPerformingIO]) this.once(kIoDone, close);
  else close();
}
const kIoDone = Symbol('kIoDone');

Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

ReadStream.prototype._construct = streamConstruct;
ReadStream.prototype._read = function (n) {
  n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, n) : Math.min(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  const buf = Buffer.allocUnsafe(n);
  this[kIsPerformingIO] = true;
  binding.read(this.fd, buf, 0, n, this.pos === undefined ? null : this.pos, (er, bytesRead) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      this.emit(kIoDone, er);
      return;
    }
    if (er) {
      require('internal/streams/destroy').errorOrDestroy(this, er);
    } else if (bytesRead > 0) {
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      this.push(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
    } else {
      this.push(null);
    }
  });
};
ReadStream.prototype._destroy = streamDestroy;
ReadStream.prototype.close = function (cb) {
  if (typeof cb === 'function') require('internal/streams/end-of-stream')(this, cb);
  this.destroy();
};
Object.defineProperty(ReadStream.prototype, 'pending', { get() { return this.fd === null; }, configurable: true });
Object.defineProperty(ReadStream.prototype, 'autoClose', {
  get() { return this._readableState.autoDestroy; },
  set(val) { this._readableState.autoDestroy = val; },
  configurable: true,
});

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = getOptions(options, {});
  options.decodeStrings = true;
  if (options.autoDestroy === undefined) options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  Writable.call(this, options);
  this.fd = options.fd === undefined ? null : (options.fd instanceof FileHandle ? options.fd.fd : options.fd);
  this.path = this.fd === null ? getValidatedPath(path) : undefined;
  this.flags = options.flags === undefined ? 'w' : options.flags;
  this.mode = options.mode === undefined ? 0o666 : options.mode;
  this.start = options.start;
  this.pos = undefined;
  this.bytesWritten = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== undefined) {
    validateInteger(this.start, 'start', 0);
    this.pos = this.start;
  }
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}

WriteStream.prototype._construct = streamConstruct;
WriteStream.prototype._write = function (data, encoding, cb) {
  this[kIsPerformingIO] = true;
  binding.write(this.fd, data, this.pos === undefined ? null : this.pos, (er, bytes) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      cb(er);
      this.emit(kIoDone, er);
      return;
    }
    if (er) {
      cb(er);
      return;
    }
    this.bytesWritten += bytes;
    if (this.pos !== undefined) this.pos += bytes;
    cb();
  });
};
WriteStream.prototype._writev = function (data, cb) {
  const chunks = data.map(({ chunk }) => chunk);
  this._write(Buffer.concat(chunks), 'buffer', cb);
};
WriteStream.prototype._destroy = streamDestroy;
WriteStream.prototype.close = function (cb) {
  if (cb) {
    if (this.closed) {
      require('process').nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};
WriteStream.prototype.destroySoon = WriteStream.prototype.end;
Object.defineProperty(WriteStream.prototype, 'pending', { get() { return this.fd === null; }, configurable: true });
Object.defineProperty(WriteStream.prototype, 'autoClose', {
  get() { return this._writableState.autoDestroy; },
  set(val) { this._writableState.autoDestroy = val; },
  configurable: true,
});

exports.ReadStream = ReadStream;
exports.WriteStream = WriteStream;
exports.createReadStream = function createReadStream(path, options) {
  return new ReadStream(path, options);
};
exports.createWriteStream = function createWriteStream(path, options) {
  return new WriteStream(path, options);
};

// ---- promises ----

class FileHandle {
  constructor(fd) {
    this.fd = fd;
    this._closed = false;
  }
  getAsyncId() { return this.fd; }
  readFile(options) { return promiseOps.readFile(this.fd, options); }
  writeFile(data, options) { return promiseOps.writeFile(this.fd, data, options); }
  appendFile(data, options) { return promiseOps.writeFile(this.fd, data, options); }
  stat(options) { return promiseOps.fstat(this.fd, options); }
  truncate(len = 0) { return promiseOps.ftruncate(this.fd, len); }
  sync() { return promiseOps.fsync(this.fd); }
  datasync() { return promiseOps.fsync(this.fd); }
  read(buffer, offset, length, position) {
    return new Promise((resolve, reject) => {
      if (buffer === undefined || (buffer !== null && typeof buffer === 'object' && !ArrayBuffer.isView(buffer))) {
        const opts = buffer || {};
        buffer = opts.buffer || Buffer.alloc(16384);
        offset = opts.offset || 0;
        length = opts.length === undefined ? buffer.byteLength - offset : opts.length;
        position = opts.position === undefined ? null : opts.position;
      }
      exports.read(this.fd, buffer, offset, length, position, (err, bytesRead, buf) => (err ? reject(err) : resolve({ bytesRead, buffer: buf })));
    });
  }
  write(buffer, ...rest) {
    return new Promise((resolve, reject) => {
      exports.write(this.fd, buffer, ...rest, (err, bytesWritten, buf) => (err ? reject(err) : resolve({ bytesWritten, buffer: buf })));
    });
  }
  writev(buffers, position) {
    return new Promise((resolve, reject) => {
      exports.writev(this.fd, buffers, position, (err, bytesWritten) => (err ? reject(err) : resolve({ bytesWritten, buffers })));
    });
  }
  close() {
    if (this._closed) return Promise.resolve();
    this._closed = true;
    return promiseOps.close(this.fd);
  }
  createReadStream(options) { return exports.createReadStream(null, { ...options, fd: this }); }
  createWriteStream(options) { return exports.createWriteStream(null, { ...options, fd: this }); }
  readableWebStream() {
    return require('stream').Readable.toWeb(this.createReadStream());
  }
  readLines() { throw notSupported('FileHandle.readLines'); }
  chmod() { throw notSupported('FileHandle.chmod'); }
  chown() { throw notSupported('FileHandle.chown'); }
  utimes() { throw notSupported('FileHandle.utimes'); }
  [Symbol.asyncDispose || Symbol.for('Symbol.asyncDispose')]() { return this.close(); }
}

function buildPromises() {
  const p = {};
  for (const name of ['readFile', 'writeFile', 'appendFile', 'stat', 'lstat', 'access', 'readdir', 'mkdir', 'rm', 'rmdir',
    'unlink', 'rename', 'link', 'copyFile', 'symlink', 'readlink', 'realpath', 'chmod', 'lchmod', 'utimes', 'lutimes',
    'truncate', 'mkdtemp', 'cp', 'opendir']) {
    p[name] = promiseOps[name];
  }
  p.open = (path, flags, mode) => promiseOps.open(path, flags, mode).then((fd) => new FileHandle(fd));
  p.constants = constants;
  p.FileHandle = FileHandle;
  for (const fn of ['watch', 'statfs', 'chown', 'lchown']) {
    p[fn] = () => Promise.reject(notSupported(`promises.${fn}`));
  }
  return p;
}

let promisesObject;
Object.defineProperty(exports, 'promises', {
  enumerable: true,
  configurable: true,
  get() { return promisesObject || (promisesObject = buildPromises()); },
});

