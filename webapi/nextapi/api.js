// NextApiRequest / NextApiResponse for edgerun's Node runtime: the
// behaviour of Next.js 16's api-resolver (spec §1), written for edgerun.
// This file declares the two classes and the paths a plain request does
// not take (streams, events, preview mode, errors). The hot path is Go
// (`host`, see response.go and send.go): the host creates req and res
// from these prototypes, calls the handler, and implements the header,
// write and end methods and the status/send/json helpers. Evaluated once
// per isolate.
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
  // machinery copes with an instance whose _events is still unset. The
  // host creates instances from the prototype with method, url, body and
  // _h (the request's Go state); query and headers are built on first
  // read, and _res, _apiContext and _consumed are read from the Go state
  // (send.go, installRequest).
  function IncomingMessage() {
    throw new TypeError('Illegal constructor');
  }
  Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
  Object.setPrototypeOf(IncomingMessage, Readable);
  // Defaults live on the prototype: fewer properties to create per request.
  Object.assign(IncomingMessage.prototype, {
    httpVersion: '1.1', httpVersionMajor: 1, httpVersionMinor: 1, complete: false, aborted: false,
    _pending: false, // a body read is in flight
    _events: undefined, // as on EventEmitter.prototype, found a few links sooner
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
  // The host creates instances with _h and statusCode, and puts on the
  // prototype the header, writeHead, write and end methods, the req,
  // headersSent/writableEnded/writableFinished/finished and _apiContext
  // getters, and the status/send/json helpers (send.go, installResponse).
  class ServerResponse {
    constructor() {
      throw new TypeError('Illegal constructor');
    }
    get socket() { return this.req.socket; }
    set socket(v) { Object.defineProperty(this, 'socket', { configurable: true, enumerable: true, writable: true, value: v }); }
    get connection() { return this.req.socket; }
    set connection(v) { Object.defineProperty(this, 'connection', { configurable: true, enumerable: true, writable: true, value: v }); }
    setTimeout(_ms, cb) { if (cb) this.once('timeout', cb); return this; }
    get writable() { return !this.writableEnded; }
    cork() {}
    uncork() {}
  }

  Object.setPrototypeOf(ServerResponse.prototype, Stream.prototype);
  Object.setPrototypeOf(ServerResponse, Stream);
  Object.assign(ServerResponse.prototype, {
    statusMessage: undefined, sendDate: true, destroyed: false, _wasPiped: false, _closed: false,
    _events: undefined, // as on EventEmitter.prototype, found a few links sooner
  });

  // 'finish' and 'close' follow end() asynchronously, as in Node. One
  // microtask emits them for every response ended in the same turn; the
  // host queues a response only when someone listens or end() was given a
  // callback.
  let finishQueue = [];
  function queueFinish(res, cb) {
    res._finishCb = cb;
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
    host.setFinished(res);
    res.emit('prefinish');
    res.emit('finish');
    if (cb) cb();
    if (res._closed) return;
    res._closed = true;
    closeRequest(res.req);
    res.emit('close');
  }

  function codedError(code, message, Ctor = Error) {
    const err = new Ctor(message);
    err.code = code;
    return err;
  }

  // ---- Next's response helpers ----

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
      // JSON.stringify gives a string or undefined.
      throw codedError('ERR_INVALID_ARG_TYPE', 'The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received undefined', TypeError);
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

  function isResSent(res) {
    return res.finished || res.headersSent;
  }

  // ---- the resolver (api-resolver.ts apiResolver) ----

  // The helpers Next installs on res. They are closures over res, as in
  // Next (so `const { json } = res` and wrappers that call the original
  // without `this` keep working), created on first use: a route touches
  // one or two of them. status, send and json are the host's.
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
  lazyHelper('redirect', (res) => (statusOrUrl, url) => redirect(res, statusOrUrl, url));
  lazyHelper('setDraftMode', (res) => (options = { enable: true }) => setDraftMode(res, Object.assign({}, res._apiContext, options)));
  lazyHelper('setPreviewData', (res) => (data, options = {}) => setPreviewData(res, data, Object.assign({}, res._apiContext, options)));
  lazyHelper('clearPreviewData', (res) => (options = {}) => clearPreviewData(res, options, res._apiContext.dev));
  lazyHelper('revalidate', (res) => (urlPath, opts) => revalidate(urlPath, opts || {}));

  // initExchange gives req and res the own properties Node and Next set,
  // and invoke does that and runs the handler: the host makes one call
  // into JS per request instead of a property set at a time.
  function initExchange(req, res, method, url, h) {
    req.method = method;
    req.url = url;
    req._h = h;
    res._h = h;
    res.statusCode = 200;
  }
  function invoke(handler, req, res, method, url, h, hasBody, body, dev) {
    initExchange(req, res, method, url, h);
    if (hasBody) req.body = body;
    if (dev) watchPipe(res);
    return handler(req, res);
  }

  // afterResult follows what the handler returned: a promise settles
  // into the dev checks or a failed request; in dev a plain value gets the
  // checks a microtask later, as `await handler()` would.
  function afterResult(res, result) {
    if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
      result.then((value) => afterHandler(res, value), (err) => failRequest(res, err));
    } else if (res._apiContext.dev) {
      Promise.resolve().then(() => afterHandler(res, result));
    }
  }

  // watchPipe is Next's dev-mode note that something was piped into res,
  // which counts as a response for the "resolved without sending" check.
  function watchPipe(res) {
    res.once('pipe', () => { res._wasPiped = true; });
  }

  // writeAfterEnd is Node's error for a write after end(), reported
  // asynchronously to the callback and as an 'error' event.
  function writeAfterEnd(res, cb) {
    const err = codedError('ERR_STREAM_WRITE_AFTER_END', 'write after end');
    process.nextTick(() => { if (typeof cb === 'function') cb(err); res.emit('error', err); });
  }

  // pipeBody is res.send(stream).
  function pipeBody(res, body, contentType) {
    if (!contentType) res.setHeader('Content-Type', 'application/octet-stream');
    body.pipe(res);
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
      if (!res._apiContext.externalResolver && !isResSent(res) && !res._wasPiped) {
        host.warn(`API resolved without sending a response for ${res.req.url}, this may result in stalled requests.`);
      }
    } catch (err) {
      failRequest(res, err);
    }
  }

  // failRequest answers a request whose handler (or body) failed, as
  // apiResolver's catch does.
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

  // rejectBody is the body parser's error (400 Invalid JSON, 413 Body
  // exceeded ...): an ApiError answered before the handler runs.
  function rejectBody(res, status, message) {
    failRequest(res, new ApiError(status, message));
  }

  return {
    IncomingMessage, ServerResponse, Stream,
    initExchange, invoke, afterResult, failRequest, rejectBody, writeAfterEnd, pipeBody, queueFinish,
    abort: abortRequest,
    formDecode: (text) => require('querystring').decode(text),
  };
})
