'use strict';
// node:process — an EventEmitter carrying the route's environment. The
// environment comes from the host (Options.Env), cwd() is the project
// root, and anything that would affect the whole server (exit, chdir,
// kill, setuid...) throws the not-supported error.

const EventEmitter = require('events');
const { codes, validateFunction } = require('internal/errors');
const asyncContext = require('internal/async_context');

function notSupported(fn, extra = '') {
  const e = new Error(`edgerun: node:process.${fn} is not supported${extra}`);
  e.code = 'ERR_NOT_SUPPORTED';
  return e;
}

const process = Object.create(EventEmitter.prototype);
EventEmitter.init.call(process);

Object.defineProperty(process, Symbol.toStringTag, { value: 'process', enumerable: false, writable: true, configurable: false });

process.title = 'node';
process.version = binding.version;
process.versions = {
  node: binding.nodeVersion,
  acorn: '8.14.0',
  ada: '2.9.2',
  ares: '1.34.5',
  brotli: '1.1.0',
  cjs_module_lexer: '1.4.1',
  modules: '115',
  napi: '10',
  nghttp2: '1.64.0',
  openssl: '3.0.15+quic',
  simdutf: '6.0.3',
  unicode: '16.0',
  uv: '1.46.0',
  uvwasi: '0.0.21',
  v8: '11.3.244.8-node.26',
  zlib: '1.3.0.1-motley-82a5fec',
};
process.arch = binding.arch;
process.platform = binding.platform;
process.release = { name: 'node', lts: 'Iron' };
process.argv = binding.argv;
process.argv0 = 'node';
process.execArgv = [];
process.execPath = binding.execPath;
process.pid = binding.pid;
process.ppid = binding.ppid;
process.env = binding.env;
process.exitCode = undefined;
process.features = { inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: true, tls_sni: true, tls_ocsp: true, tls: true, cached_builtins: true, typescript: false };
process.config = { target_defaults: {}, variables: {} };
process.noDeprecation = false;
process.throwDeprecation = false;
process.traceDeprecation = false;
process.allowedNodeEnvironmentFlags = new Set();
process.debugPort = 9229;

process.cwd = function cwd() { return binding.cwd(); };
process.chdir = function chdir() { throw notSupported('chdir', ': the working directory is the project root'); };
process.umask = function umask(mask) {
  if (mask !== undefined) throw notSupported('umask', ' (setting a mask)');
  return 0o22;
};
const [uid, gid, euid, egid] = binding.ids();
process.getuid = () => uid;
process.getgid = () => gid;
process.geteuid = () => euid;
process.getegid = () => egid;
process.getgroups = () => [gid];
for (const fn of ['setuid', 'setgid', 'seteuid', 'setegid', 'setgroups', 'initgroups', 'kill', 'abort', 'dlopen', 'binding', 'setSourceMapsEnabled', 'ref', 'unref']) {
  process[fn] = function () { throw notSupported(fn); };
}
process.exit = function exit(code) {
  if (code === undefined) code = process.exitCode === undefined ? 0 : process.exitCode;
  throw notSupported('exit', ` (process.exit(${code}) was called; an API route cannot stop the server)`);
};
process.reallyExit = process.exit;

process.hrtime = function hrtime(time) {
  const [sec, nsec] = binding.hrtime();
  if (time !== undefined) {
    if (!Array.isArray(time)) throw new codes.ERR_INVALID_ARG_TYPE('time', 'Array', time);
    if (time.length !== 2) throw new codes.ERR_OUT_OF_RANGE('time', 2, time.length);
    let s = sec - time[0];
    let ns = nsec - time[1];
    if (ns < 0) { s -= 1; ns += 1e9; }
    return [s, ns];
  }
  return [sec, nsec];
};
process.hrtime.bigint = function bigint() {
  const [sec, nsec] = binding.hrtime();
  return BigInt(sec) * 1000000000n + BigInt(nsec);
};
process.uptime = function uptime() { return binding.uptime(); };
process.memoryUsage = function memoryUsage() { return binding.memoryUsage(); };
process.memoryUsage.rss = function rss() { return binding.memoryUsage().rss; };
process.cpuUsage = function cpuUsage(prev) {
  const u = binding.cpuUsage();
  if (prev) return { user: u.user - prev.user, system: u.system - prev.system };
  return u;
};
process.resourceUsage = function resourceUsage() {
  const u = binding.cpuUsage();
  const m = binding.memoryUsage();
  return { userCPUTime: u.user, systemCPUTime: u.system, maxRSS: Math.round(m.rss / 1024), sharedMemorySize: 0, unsharedDataSize: 0,
    unsharedStackSize: 0, minorPageFault: 0, majorPageFault: 0, swappedOut: 0, fsRead: 0, fsWrite: 0, ipcSent: 0, ipcReceived: 0,
    signalsCount: 0, voluntaryContextSwitches: 0, involuntaryContextSwitches: 0 };
};
process.availableMemory = function availableMemory() { return binding.memoryUsage().rss * 4; };
process.constrainedMemory = function constrainedMemory() { return 0; };

// nextTick: a FIFO drained from one promise job. Ticks run in order,
// before timers and I/O callbacks, and a burst of ticks runs together;
// unlike Node, promise reactions queued before the first tick run before
// it (goja has a single job queue and no hook ahead of it).
const tickQueue = [];
let tickScheduled = false;

function runTicks() {
  while (tickQueue.length > 0) {
    const tick = tickQueue.shift();
    try {
      asyncContext.runIn(tick.ctx, tick.callback, undefined, tick.args);
    } catch (err) {
      if (tickQueue.length > 0) Promise.resolve().then(runTicks);
      else tickScheduled = false;
      reportUncaught(err);
      return;
    }
  }
  tickScheduled = false;
}

function reportUncaught(err) {
  if (process.listenerCount('uncaughtException') > 0) {
    process.emit('uncaughtException', err, 'uncaughtException');
    return;
  }
  throw err;
}

process.nextTick = function nextTick(callback, ...args) {
  validateFunction(callback, 'callback');
  tickQueue.push({ callback, args, ctx: asyncContext.capture() });
  if (!tickScheduled) {
    tickScheduled = true;
    Promise.resolve().then(runTicks);
  }
};

// emitWarning prints "(node:PID) [CODE] Name: message" to stderr, as Node's
// default handler does, and emits 'warning' on the next tick.
process.emitWarning = function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined && typeof type !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('type', 'string', type);
  if (typeof code === 'function') { ctor = code; code = undefined; }
  if (typeof warning === 'string') {
    const w = new Error(warning);
    w.name = String(type || 'Warning');
    if (code !== undefined) w.code = code;
    if (detail !== undefined) w.detail = detail;
    warning = w;
  } else if (!(warning instanceof Error)) {
    throw new codes.ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return;
    if (process.throwDeprecation) throw warning;
  }
  process.nextTick(() => {
    process.emit('warning', warning);
    if (process.noProcessWarnings) return;
    const prefix = warning.code ? `[${warning.code}] ` : '';
    let msg = `(node:${process.pid}) ${prefix}${warning.name}: ${warning.message}\n`;
    if (warning.detail) msg += `${warning.detail}\n`;
    binding.write(2, msg);
  });
};

function makeStdio(fd) {
  const { Writable } = require('stream');
  const s = new Writable({
    decodeStrings: false,
    write(chunk, encoding, cb) {
      binding.write(fd, chunk);
      cb();
    },
  });
  s.fd = fd;
  s.isTTY = false;
  s._type = 'pipe';
  s._isStdio = true;
  s.destroySoon = s.destroy;
  s._destroy = function (err, cb) { cb(err); };
  return s;
}

let stdout, stderr, stdin;
Object.defineProperty(process, 'stdout', {
  configurable: true, enumerable: false,
  get() { return stdout || (stdout = makeStdio(1)); },
});
Object.defineProperty(process, 'stderr', {
  configurable: true, enumerable: false,
  get() { return stderr || (stderr = makeStdio(2)); },
});
Object.defineProperty(process, 'stdin', {
  configurable: true, enumerable: false,
  get() {
    if (!stdin) {
      const { Readable } = require('stream');
      stdin = new Readable({ read() { this.push(null); } });
      stdin.fd = 0;
      stdin.isTTY = false;
    }
    return stdin;
  },
});

process.report = {
  getReport() { throw notSupported('report.getReport'); },
  writeReport() { throw notSupported('report.writeReport'); },
  directory: '', filename: '', compact: false, signal: 'SIGUSR2', reportOnFatalError: false, reportOnSignal: false, reportOnUncaughtException: false,
};



module.exports = process;
