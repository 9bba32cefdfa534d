// NextApiRequest / NextApiResponse for edgerun's Node runtime: the
// behaviour of Next.js 16's api-resolver (spec §1), written for edgerun.
// `host` carries the Go side: response writes, ETag and freshness, body
// reads. Evaluated once per isolate; `handle` runs once per request.
(function (host, require) {
  'use strict';
  const { Readable, Stream } = require('stream');
  const { EventEmitter } = require('events');
  const { Buffer } = require('buffer');

  class ApiError extends Error {
    constructor(statusCode, message) {
      super(message);
      this.statusCode = statusCode;
    }
  }

  // ---- request ----

  function parseCookies(header) {
    const out = {};
    if (!header) return out;
    const str = Array.isArray(header) ? header.join('; ') : header;
    for (const part of str.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      const key = part.slice(0, eq).trim();
      if (!key || key in out) continue;
      let val = part.slice(eq + 1).trim();
      if (val.charCodeAt(0) === 0x22 && val.charCodeAt(val.length - 1) === 0x22) val = val.slice(1, -1);
      if (val.indexOf('%') !== -1) {
        try { val = decodeURIComponent(val); } catch (_) { /* keep raw */ }
      }
      out[key] = val;
    }
    return out;
  }

  // IncomingMessage is a Readable whose stream state is only built when the
  // route uses req as a stream: most routes never do, and a ReadableState
  // is the largest object of a request. The readable and event-emitter
  // machinery copes with an instance whose _events is still unset.
  function IncomingMessage(init, h) {
    this.method = init.method;
    this.url = init.url;
    this.headers = init.headers;
    this._h = h;
    this._res = null;
    this._apiContext = null;
  }
  Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
  Object.setPrototypeOf(IncomingMessage, Readable);
  // Defaults live on the prototype: fewer properties to create per request.
  Object.assign(IncomingMessage.prototype, {
    httpVersion: '1.1', httpVersionMajor: 1, httpVersionMinor: 1, complete: false, aborted: false,
    _pending: false, // a body read is in flight
    _consumed: false, // the body parser read the body
    _closeEmitted: false,
  });
  Object.defineProperty(IncomingMessage.prototype, '_readableState', {
    configurable: true,
    get() {
      // Readable's constructor assigns _readableState (the setter below
      // makes it an own property) and initialises the emitter.
      Readable.call(this);
      if (this._consumed) Readable.prototype.push.call(this, null);
      return this._readableState;
    },
    set(value) {
      Object.defineProperty(this, '_readableState', { configurable: true, enumerable: true, writable: true, value });
    },
  });
  // Lazy, like Next's setLazyProp: computed on first read, then own
  // properties; assigning first replaces them.
  function lazyProp(name, compute) {
    Object.defineProperty(IncomingMessage.prototype, name, {
      configurable: true,
      get() {
        const value = compute(this);
        Object.defineProperty(this, name, { configurable: true, enumerable: true, writable: true, value });
        return value;
      },
      set(value) {
        Object.defineProperty(this, name, { configurable: true, enumerable: true, writable: true, value });
      },
    });
  }
  lazyProp('rawHeaders', (req) => host.rawHeaders(req._h));
  lazyProp('socket', (req) => host.socket(req._h));
  lazyProp('connection', (req) => req.socket);
  lazyProp('cookies', (req) => parseCookies(req.headers.cookie));
  lazyProp('previewData', (req) => tryGetPreviewData(req, req._res, req._apiContext));
  lazyProp('preview', (req) => (req.previewData !== false ? true : undefined));
  lazyProp('draftMode', (req) => req.preview);
  IncomingMessage.prototype._read = function () {
    if (this._pending) return;
    this._pending = true;
    host.readBody(this._h, (chunk, err) => {
      this._pending = false;
      try {
        if (err) { this.destroy(err); return; }
        if (chunk === null) { this.complete = true; this.push(null); return; }
        if (this.push(chunk)) this._read();
      } catch (e) {
        // A 'data' or 'end' listener threw: in Node an uncaught
        // exception; here it fails this request only.
        failRequest(this._res, e);
      }
    });
  };
  IncomingMessage.prototype.setTimeout = function (_ms, cb) { if (cb) this.once('timeout', cb); return this; };

  // ---- response ----

  // ServerResponse is a Stream (pipe targets listen for 'drain', 'finish'
  // and 'close' on it); its emitter state is created on first listener.
  class ServerResponse {
    constructor(req, h) {
      this.req = req;
      this._h = h;
      this.statusCode = 200;
      this._headers = new Map(); // lower-case name → [name as written, value]
    }
    get socket() { return this.req.socket; }
    set socket(v) { Object.defineProperty(this, 'socket', { configurable: true, enumerable: true, writable: true, value: v }); }
    get connection() { return this.req.socket; }
    set connection(v) { Object.defineProperty(this, 'connection', { configurable: true, enumerable: true, writable: true, value: v }); }
    setHeader(name, value) {
      if (this.headersSent) throw codedError('ERR_HTTP_HEADERS_SENT', 'Cannot set headers after they are sent to the client');
      validateHeader(name, value);
      this._headers.set(String(name).toLowerCase(), [String(name), value]);
      return this;
    }
    appendHeader(name, value) {
      const key = String(name).toLowerCase();
      const prev = this._headers.get(key);
      if (!prev) return this.setHeader(name, value);
      const merged = [].concat(prev[1], value);
      this._headers.set(key, [prev[0], merged]);
      return this;
    }
    getHeader(name) { const h = this._headers.get(String(name).toLowerCase()); return h ? h[1] : undefined; }
    getHeaders() { const out = Object.create(null); this._headers.forEach((e, k) => { out[k] = e[1]; }); return out; }
    getHeaderNames() { return Array.from(this._headers.keys()); }
    hasHeader(name) { return this._headers.has(String(name).toLowerCase()); }
    removeHeader(name) {
      if (this.headersSent) throw codedError('ERR_HTTP_HEADERS_SENT', 'Cannot remove headers after they are sent to the client');
      this._headers.delete(String(name).toLowerCase());
    }
    writeHead(statusCode, reason, headers) {
      if (this.headersSent) throw codedError('ERR_HTTP_HEADERS_SENT', 'Cannot write headers after they are sent to the client');
      if (typeof reason !== 'string') { headers = reason; reason = undefined; }
      const original = statusCode;
      statusCode |= 0;
      if (statusCode < 100 || statusCode > 999) throw codedError('ERR_HTTP_INVALID_STATUS_CODE', `Invalid status code: ${original}`, RangeError);
      this.statusCode = statusCode;
      if (reason !== undefined) this.statusMessage = reason;
      if (Array.isArray(headers)) {
        for (let i = 0; i + 1 < headers.length; i += 2) this.appendHeader(headers[i], headers[i + 1]);
      } else if (headers) {
        for (const k of Object.keys(headers)) if (headers[k] !== undefined) this.setHeader(k, headers[k]);
      }
      this._flushHead();
      return this;
    }
    flushHeaders() { if (!this.headersSent) this._flushHead(-1); }
    // _flushHead sends the status line and headers. bodyLength is what Node
    // would put in an implicit Content-Length (end(data) before any head),
    // or -1 when the body is streamed; the host decides the framing.
    _flushHead(bodyLength) {
      const original = this.statusCode;
      const sc = original | 0;
      if (sc < 100 || sc > 999) {
        throw codedError('ERR_HTTP_INVALID_STATUS_CODE', `Invalid status code: ${original}`, RangeError);
      }
      this.statusCode = sc;
      const reason = this.statusMessage === undefined ? '' : String(this.statusMessage);
      if (reason !== '' && !host.isHeaderValue(reason)) throw codedError('ERR_INVALID_CHAR', 'Invalid character in statusMessage', TypeError);
      const h = this._h;
      this._headers.forEach(sendHeaderLine, h);
      this.headersSent = true;
      host.head(h, sc, reason, bodyLength === undefined ? -1 : bodyLength);
    }
    write(chunk, encoding, cb) {
      if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
      if (this.writableEnded) {
        const err = codedError('ERR_STREAM_WRITE_AFTER_END', 'write after end');
        process.nextTick(() => { if (cb) cb(err); this.emit('error', err); });
        return false;
      }
      if (chunk === null) throw codedError('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
      if (!this.headersSent) this._flushHead(-1);
      this._writeChunk(chunk, encoding);
      if (cb) process.nextTick(cb);
      return true;
    }
    _writeChunk(chunk, encoding) {
      if (typeof chunk === 'string') {
        if (chunk.length) host.write(this._h, encoding && encoding !== 'utf8' && encoding !== 'utf-8' ? Buffer.from(chunk, encoding) : chunk);
      } else if (chunk instanceof Uint8Array) {
        if (chunk.length) host.write(this._h, chunk);
      } else {
        throw codedError('ERR_INVALID_ARG_TYPE', `The "chunk" argument must be of type string or an instance of Buffer or Uint8Array. Received ${describeType(chunk)}`, TypeError);
      }
    }
    end(chunk, encoding, cb) {
      if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
      else if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
      if (this.writableEnded) { if (cb) process.nextTick(cb); return this; }
      if (!this.headersSent) {
        let n = 0;
        if (typeof chunk === 'string') n = Buffer.byteLength(chunk, encoding);
        else if (chunk instanceof Uint8Array) n = chunk.length;
        this._flushHead(n);
      }
      if (chunk !== undefined && chunk !== null) this._writeChunk(chunk, encoding);
      this.writableEnded = true;
      this.finished = true;
      host.end(this._h);
      this._finishCb = cb;
      queueFinish(this);
      return this;
    }
    setTimeout(_ms, cb) { if (cb) this.once('timeout', cb); return this; }
    get writable() { return !this.writableEnded; }
    cork() {}
    uncork() {}
  }

  Object.setPrototypeOf(ServerResponse.prototype, Stream.prototype);
  Object.setPrototypeOf(ServerResponse, Stream);
  Object.assign(ServerResponse.prototype, {
    statusMessage: undefined, headersSent: false, finished: false, writableEnded: false, writableFinished: false,
    sendDate: true, destroyed: false, _apiContext: null, _limit: 0, _bytes: 0, _externalResolver: false, _wasPiped: false,
    _closed: false,
  });

  // 'finish' and 'close' follow end() asynchronously, as in Node. One
  // microtask emits them for every response ended in the same turn.
  let finishQueue = [];
  function queueFinish(res) {
    finishQueue.push(res);
    if (finishQueue.length === 1) queueMicrotask(drainFinishQueue);
  }
  function drainFinishQueue() {
    const q = finishQueue;
    finishQueue = [];
    for (let i = 0; i < q.length; i++) {
      const res = q[i];
      const cb = res._finishCb;
      res._finishCb = undefined;
      try {
        finishResponse(res, cb);
      } catch (e) {
        host.logError(e); // a throwing 'finish' listener: uncaught in Node
      }
    }
  }
  function finishResponse(res, cb) {
    res.writableFinished = true;
    res.emit('prefinish');
    res.emit('finish');
    if (cb) cb();
    if (res._closed) return;
    res._closed = true;
    closeRequest(res.req);
    res.emit('close');
  }

  // sendHeaderLine passes one header (every value of an array) to the
  // host; `this` is the request handle (Map.prototype.forEach's thisArg).
  function sendHeaderLine(entry) {
    const value = entry[1];
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) host.headerLine(this, entry[0], String(value[i]));
    } else {
      host.headerLine(this, entry[0], String(value));
    }
  }

  function describeType(v) {
    if (v === undefined) return 'undefined';
    if (typeof v === 'number') return `type number (${v})`;
    if (typeof v === 'boolean') return `type boolean (${v})`;
    if (typeof v === 'object') return `an instance of ${v && v.constructor ? v.constructor.name : 'Object'}`;
    return `type ${typeof v}`;
  }

  function codedError(code, message, Ctor = Error) {
    const err = new Ctor(message);
    err.code = code;
    return err;
  }

  // validateHeader is Node's validateHeaderName and validateHeaderValue
  // (the character checks run in Go: they are per byte).
  function validateHeader(name, value) {
    if (typeof name !== 'string' || !host.isToken(name)) {
      throw codedError('ERR_INVALID_HTTP_TOKEN', `Header name must be a valid HTTP token ["${name}"]`, TypeError);
    }
    if (value === undefined) throw codedError('ERR_HTTP_INVALID_HEADER_VALUE', `Invalid value "undefined" for header "${name}"`, TypeError);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        if (!host.isHeaderValue(String(value[i]))) throw invalidHeaderChar(name);
      }
    } else if (!host.isHeaderValue(String(value))) {
      throw invalidHeaderChar(name);
    }
  }
  function invalidHeaderChar(name) {
    return codedError('ERR_INVALID_CHAR', `Invalid character in header content ["${name}"]`, TypeError);
  }

  // ---- Next's response helpers ----

  function sendStatusCode(res, statusCode) {
    res.statusCode = statusCode;
    return res;
  }

  function redirect(res, statusOrUrl, url) {
    if (typeof statusOrUrl === 'string') {
      url = statusOrUrl;
      statusOrUrl = 307;
    }
    if (typeof statusOrUrl !== 'number' || typeof url !== 'string') {
      throw new Error(`Invalid redirect arguments. Please use a single argument URL, e.g. res.redirect('/destination') or use a status code and URL, e.g. res.redirect(307, '/destination').`);
    }
    res.writeHead(statusOrUrl, { Location: url });
    res.write(url);
    res.end();
    return res;
  }

  function sendEtagResponse(req, res, etag) {
    if (etag) res.setHeader('ETag', etag);
    if (host.fresh(req.headers['if-none-match'], req.headers['if-modified-since'], req.headers['cache-control'], etag)) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    return false;
  }

  function sendData(req, res, body, dev) {
    if (body === null || body === undefined) {
      res.end();
      return;
    }
    if (res.statusCode === 204 || res.statusCode === 304) {
      res.removeHeader('Content-Type');
      res.removeHeader('Content-Length');
      res.removeHeader('Transfer-Encoding');
      if (dev && body) {
        host.warn(`A body was attempted to be set with a 204 statusCode for ${req.url}, this is invalid and the body was ignored.\nSee more info here https://nextjs.org/docs/messages/invalid-api-status-body`);
      }
      res.end();
      return;
    }
    const contentType = res.getHeader('Content-Type');
    if (body instanceof Stream) {
      if (!contentType) res.setHeader('Content-Type', 'application/octet-stream');
      body.pipe(res);
      return;
    }
    const type = typeof body;
    const isJSONLike = type === 'object' || type === 'number' || type === 'boolean';
    const stringified = isJSONLike ? JSON.stringify(body) : body;
    if (sendEtagResponse(req, res, host.etag(stringified))) return;
    if (Buffer.isBuffer(body)) {
      if (!contentType) res.setHeader('Content-Type', 'application/octet-stream');
      res.setHeader('Content-Length', body.length);
      res.end(body);
      return;
    }
    if (isJSONLike) res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', typeof stringified === 'string' ? host.byteLength(stringified) : Buffer.byteLength(stringified));
    res.end(stringified);
  }

  function sendJson(res, body) {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.send(JSON.stringify(body));
  }

  function sendError(res, statusCode, message) {
    res.statusCode = statusCode;
    res.statusMessage = message;
    res.end(message);
  }

  const PRERENDER_BYPASS = '__prerender_bypass';
  const PREVIEW_DATA = '__next_preview_data';
  const CLEARED_COOKIES = Symbol('__next_preview_data_cleared');

  // The `cookie` package's serialize, for the options Next passes.
  function serializeCookie(name, value, o) {
    let s = `${name}=${encodeURIComponent(value)}`;
    if (o.maxAge != null) {
      const maxAge = o.maxAge - 0;
      if (!isFinite(maxAge)) throw new TypeError('option maxAge is invalid');
      s += `; Max-Age=${Math.floor(maxAge)}`;
    }
    if (o.path) s += `; Path=${o.path}`;
    if (o.expires) s += `; Expires=${o.expires.toUTCString()}`;
    if (o.httpOnly) s += '; HttpOnly';
    if (o.secure) s += '; Secure';
    if (o.sameSite) s += o.sameSite === 'lax' ? '; SameSite=Lax' : '; SameSite=None';
    return s;
  }

  // Next's preview cookies are httpOnly and path=/; lax and not secure in
  // development, SameSite=None; Secure otherwise.
  function previewCookieOptions(dev, extra) {
    return Object.assign({ httpOnly: true, sameSite: dev ? 'lax' : 'none', secure: !dev, path: '/' }, extra);
  }

  function previousCookies(res) {
    const previous = res.getHeader('Set-Cookie');
    return typeof previous === 'string' ? [previous] : Array.isArray(previous) ? previous : [];
  }

  function isValidData(str) {
    return typeof str === 'string' && str.length >= 16;
  }

  function setDraftMode(res, options) {
    if (!isValidData(options.previewModeId)) throw new Error('invariant: invalid previewModeId');
    const expires = options.enable ? undefined : new Date(0);
    res.setHeader('Set-Cookie', [
      ...previousCookies(res),
      serializeCookie(PRERENDER_BYPASS, options.previewModeId, previewCookieOptions(options.dev, { expires })),
    ]);
    return res;
  }

  function clearPreviewData(res, options, dev) {
    if (CLEARED_COOKIES in res) return res;
    // Max-Age=0 is not valid for deleting a cookie; an Expires in the past is.
    const extra = { expires: new Date(0) };
    if (options.path !== undefined) extra.path = options.path;
    const o = previewCookieOptions(dev, extra);
    res.setHeader('Set-Cookie', [...previousCookies(res), serializeCookie(PRERENDER_BYPASS, '', o), serializeCookie(PREVIEW_DATA, '', o)]);
    Object.defineProperty(res, CLEARED_COOKIES, { value: true, enumerable: false });
    return res;
  }

  function setPreviewData(res, data, options) {
    if (!isValidData(options.previewModeId)) throw new Error('invariant: invalid previewModeId');
    const json = JSON.stringify(data);
    if (typeof json !== 'string') {
      throw codedError('ERR_INVALID_ARG_TYPE', `The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received ${describeType(json)}`, TypeError);
    }
    let maxAge;
    if (options.maxAge !== undefined) {
      maxAge = Number(options.maxAge);
      if (!isFinite(maxAge)) throw new TypeError('option maxAge is invalid');
    }
    const payload = host.signPreviewData(json, maxAge);
    // Preview cookies are limited to 2KB: browsers cap a cookie at 4KB.
    if (payload === null) {
      throw new Error('Preview data is limited to 2KB currently, reduce how much data you are storing as preview data to continue');
    }
    const extra = {};
    if (options.maxAge !== undefined) extra.maxAge = options.maxAge;
    if (options.path !== undefined) extra.path = options.path;
    const o = previewCookieOptions(options.dev, extra);
    res.setHeader('Set-Cookie', [
      ...previousCookies(res),
      serializeCookie(PRERENDER_BYPASS, options.previewModeId, o),
      serializeCookie(PREVIEW_DATA, payload, o),
    ]);
    return res;
  }

  // tryGetPreviewData: req.previewData from the two preview cookies. A
  // bypass cookie alone (draft mode) is {}; a mismatched, expired or forged
  // pair is false and the cookies are cleared.
  function tryGetPreviewData(req, res, ctx) {
    const cookies = req.cookies;
    const bypass = cookies[PRERENDER_BYPASS];
    const token = cookies[PREVIEW_DATA];
    if (bypass && !token && bypass === ctx.previewModeId) return {};
    if (!bypass && !token) return false;
    if (!bypass || !token || bypass !== ctx.previewModeId) {
      clearPreviewData(res, {}, ctx.dev);
      return false;
    }
    const json = host.openPreviewData(token);
    if (json === null) {
      clearPreviewData(res, {}, ctx.dev);
      return false;
    }
    try {
      return JSON.parse(json);
    } catch (_) {
      return false;
    }
  }

  async function revalidate(urlPath, opts) {
    if (typeof urlPath !== 'string' || !urlPath.startsWith('/')) {
      throw new Error(`Invalid urlPath provided to revalidate(), must be a path e.g. /blog/post-1, received ${urlPath}`);
    }
    // edgerun serves API routes only: there are no ISR pages to revalidate,
    // so a valid path resolves at once.
  }

  // parseBody turns the body text the host read (whole, within the size
  // limit, decoded with its charset) into req.body (spec §1.4).
  function parseBody(kind, text) {
    if (kind === 'json') {
      if (text.length === 0) return {};
      try {
        return JSON.parse(text);
      } catch (_) {
        throw new ApiError(400, 'Invalid JSON');
      }
    }
    if (kind === 'form') return require('querystring').decode(text);
    return text;
  }

  function isResSent(res) {
    return res.finished || res.headersSent;
  }

  // ---- the resolver (api-resolver.ts apiResolver) ----

  // The helpers Next installs on res. They are closures over res, as in
  // Next (so `const { json } = res` and wrappers that call the original
  // without `this` keep working), created on first use: a route touches
  // one or two of them.
  function lazyHelper(name, make) {
    Object.defineProperty(ServerResponse.prototype, name, {
      configurable: true,
      get() {
        const value = make(this);
        Object.defineProperty(this, name, { configurable: true, enumerable: true, writable: true, value });
        return value;
      },
      set(value) {
        Object.defineProperty(this, name, { configurable: true, enumerable: true, writable: true, value });
      },
    });
  }
  lazyHelper('status', (res) => (statusCode) => sendStatusCode(res, statusCode));
  lazyHelper('send', (res) => (data) => sendData(res.req, res, data, res._apiContext.dev));
  lazyHelper('json', (res) => (data) => sendJson(res, data));
  lazyHelper('redirect', (res) => (statusOrUrl, url) => redirect(res, statusOrUrl, url));
  lazyHelper('setDraftMode', (res) => (options = { enable: true }) => setDraftMode(res, Object.assign({}, res._apiContext, options)));
  lazyHelper('setPreviewData', (res) => (data, options = {}) => setPreviewData(res, data, Object.assign({}, res._apiContext, options)));
  lazyHelper('clearPreviewData', (res) => (options = {}) => clearPreviewData(res, options, res._apiContext.dev));
  lazyHelper('revalidate', (res) => (urlPath, opts) => revalidate(urlPath, opts || {}));

  // Next wraps res.write and res.end to count the bytes of the response
  // and warn when end() is called at or over responseLimit.
  function countWrite(res, chunk) {
    if (res._limit > 0) res._bytes += byteLength(chunk || '');
  }
  function byteLength(v) {
    return typeof v === 'string' ? host.byteLength(v) : Buffer.byteLength(v);
  }
  function countEnd(res, chunk) {
    if (res._limit <= 0) return;
    // Next: if (args.length && typeof args[0] !== 'function') add
    // Buffer.byteLength(args[0] || ''); a missing chunk adds 0 either way.
    if (typeof chunk !== 'function') res._bytes += byteLength(chunk || '');
    if (res._bytes >= res._limit) {
      host.warn(`API response for ${res.req.url} exceeds ${res._apiContext.limitText}. API Routes are meant to respond quickly. https://nextjs.org/docs/messages/api-routes-response-size-limit`);
    }
  }
  const nodeWrite = ServerResponse.prototype.write;
  const nodeEnd = ServerResponse.prototype.end;
  ServerResponse.prototype.write = function write(chunk, encoding, cb) {
    countWrite(this, chunk);
    return nodeWrite.call(this, chunk, encoding, cb);
  };
  ServerResponse.prototype.end = function end(chunk, encoding, cb) {
    countEnd(this, chunk);
    return nodeEnd.call(this, chunk, encoding, cb);
  };

  // handle runs one request. It is not an async function: a handler that
  // returns synchronously needs no promise in production.
  function handle(handler, init, h, cfg) {
    const dev = cfg.dev;
    const req = new IncomingMessage(init, h);
    const res = new ServerResponse(req, h);
    const apiContext = { dev, previewModeId: cfg.previewModeId, limitText: cfg.responseLimitText };
    req._res = res;
    req._apiContext = apiContext;
    res._apiContext = apiContext;
    res._limit = cfg.responseLimit ? cfg.responseLimitBytes : 0;
    res._bytes = 0;
    res._externalResolver = cfg.externalResolver;
    res._wasPiped = false;
    req.query = init.query;
    try {
      if (init.bodyError) throw new ApiError(init.bodyError.status, init.bodyError.message);
      if (cfg.bodyParser && !req.body) {
        req.body = parseBody(init.bodyKind, init.bodyText);
        // The body has been consumed, as raw-body leaves the stream.
        req._consumed = true;
      }
      if (dev) res.once('pipe', () => { res._wasPiped = true; });
      const result = handler(req, res);
      if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
        result.then((value) => afterHandler(res, value), (err) => failRequest(res, err));
      } else if (dev) {
        // As `await handler()`: the checks run a microtask later.
        Promise.resolve().then(() => afterHandler(res, result));
      }
    } catch (err) {
      failRequest(res, err);
    }
    return res;
  }

  // abortRequest: the client went away before the response ended. As in
  // Node, req emits 'aborted' and 'close' and res emits 'close' (routes
  // that stream, such as server-sent events, stop their timers on these).
  function abortRequest(res) {
    if (res.writableFinished || res._closed) return;
    const req = res.req;
    req.aborted = true;
    req.emit('aborted');
    closeRequest(req);
    res.destroyed = true;
    res._closed = true;
    res.emit('close');
  }

  // closeRequest emits req's 'close' once (Node emits it when the request
  // and its response are done).
  function closeRequest(req) {
    if (req._closeEmitted) return;
    req._closeEmitted = true;
    if (Object.prototype.hasOwnProperty.call(req, '_readableState')) {
      // A stream in use: destroying it emits 'close' the Node way.
      if (!req._readableState.destroyed) req.destroy();
      return;
    }
    req.emit('close');
  }

  // afterHandler is Next's dev-only check of what the handler left behind.
  function afterHandler(res, result) {
    if (!res._apiContext.dev) return;
    try {
      if (typeof result !== 'undefined') {
        if (typeof Response === 'function' && result instanceof Response) {
          throw new Error('API route returned a Response object in the Node.js runtime, this is not supported. Please use `runtime: "edge"` instead: https://nextjs.org/docs/api-routes/edge-api-routes');
        }
        host.warn(`API handler should not return a value, received ${typeof result}.`);
      }
      if (!res._externalResolver && !isResSent(res) && !res._wasPiped) {
        host.warn(`API resolved without sending a response for ${res.req.url}, this may result in stalled requests.`);
      }
    } catch (err) {
      failRequest(res, err);
    }
  }

  function failRequest(res, err) {
    if (err instanceof ApiError) {
      sendError(res, err.statusCode, err.message);
      return;
    }
    if (res._apiContext.dev) {
      // next dev renders its error page with the stack (or, once the
      // head is out, cuts the response).
      host.fail(res._h, err);
      return;
    }
    host.logError(err);
    // As Next: sendError even when the head is already out, which adds
    // "Internal Server Error" to a streamed body and ends it.
    try {
      sendError(res, 500, 'Internal Server Error');
    } catch (e) {
      host.fail(res._h, e);
    }
  }

  return { handle, abort: abortRequest, ApiError, IncomingMessage, ServerResponse };
})
