// next/server for edgerun: NextRequest, NextResponse, NextURL, the cookie
// classes and userAgent, written from Next.js 16's documented behaviour
// (spec §2.4–2.5). The module is compiled once per process and evaluated
// once per isolate with the host's hooks.
(function (host) {
  'use strict';

  const INTERNALS = new WeakMap();
  const requestURL = Object.getOwnPropertyDescriptor(Request.prototype, 'url').get;

  // ---- cookies (the @edge-runtime/cookies API) ----

  function parseCookieHeader(header) {
    const map = new Map();
    if (!header) return map;
    for (const pair of header.split(/; */)) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      if (eq === -1) { map.set(pair, 'true'); continue; }
      const name = pair.slice(0, eq);
      const raw = pair.slice(eq + 1);
      let value = raw;
      try { value = decodeURIComponent(raw); } catch (_) { /* keep raw */ }
      if (!map.has(name)) map.set(name, value);
    }
    return map;
  }

  function serializeCookie(c) {
    const attrs = [
      'path' in c && c.path ? `Path=${c.path}` : '',
      'expires' in c && (c.expires || c.expires === 0) ? `Expires=${(typeof c.expires === 'number' ? new Date(c.expires) : c.expires).toUTCString()}` : '',
      'maxAge' in c && typeof c.maxAge === 'number' ? `Max-Age=${c.maxAge}` : '',
      'domain' in c && c.domain ? `Domain=${c.domain}` : '',
      'secure' in c && c.secure ? 'Secure' : '',
      'httpOnly' in c && c.httpOnly ? 'HttpOnly' : '',
      'sameSite' in c && c.sameSite ? `SameSite=${c.sameSite}` : '',
      'partitioned' in c && c.partitioned ? 'Partitioned' : '',
      'priority' in c && c.priority ? `Priority=${c.priority}` : '',
    ].filter(Boolean);
    const stringified = `${c.name}=${encodeURIComponent(c.value == null ? '' : c.value)}`;
    return attrs.length === 0 ? stringified : `${stringified}; ${attrs.join('; ')}`;
  }

  function parseSetCookie(setCookie) {
    if (!setCookie) return undefined;
    const [[name, value], ...attributes] = parseCookieHeaderPairs(setCookie);
    const attrs = Object.fromEntries(attributes.map(([k, v]) => [k.toLowerCase().replace(/-/g, ''), v]));
    const cookie = { name, value: safeDecode(value) };
    if (attrs.domain) cookie.domain = attrs.domain;
    if (attrs.expires) cookie.expires = new Date(attrs.expires);
    if ('httponly' in attrs) cookie.httpOnly = true;
    if (attrs.maxage) cookie.maxAge = Number(attrs.maxage);
    if (attrs.path) cookie.path = attrs.path;
    if (attrs.samesite) cookie.sameSite = attrs.samesite.toLowerCase();
    if ('secure' in attrs) cookie.secure = true;
    if ('partitioned' in attrs) cookie.partitioned = true;
    if (attrs.priority) cookie.priority = attrs.priority.toLowerCase();
    return cookie;
  }

  function parseCookieHeaderPairs(s) {
    return s.split(/; */).filter(Boolean).map(p => {
      const i = p.indexOf('=');
      return i === -1 ? [p, 'true'] : [p.slice(0, i), p.slice(i + 1)];
    });
  }

  function safeDecode(v) {
    try { return decodeURIComponent(v); } catch (_) { return v; }
  }

  class RequestCookies {
    constructor(requestHeaders) {
      this._headers = requestHeaders;
      this._parsed = new Map();
      for (const [name, value] of parseCookieHeader(requestHeaders.get('cookie'))) {
        this._parsed.set(name, { name, value });
      }
    }
    [Symbol.iterator]() { return this._parsed[Symbol.iterator](); }
    get size() { return this._parsed.size; }
    get(...args) {
      const name = typeof args[0] === 'string' ? args[0] : args[0].name;
      return this._parsed.get(name);
    }
    getAll(...args) {
      const all = Array.from(this._parsed.values());
      if (!args.length) return all;
      const name = typeof args[0] === 'string' ? args[0] : args[0]?.name;
      return all.filter(c => c.name === name);
    }
    has(name) { return this._parsed.has(name); }
    set(...args) {
      const [name, value] = args.length === 1 ? [args[0].name, args[0].value] : args;
      this._parsed.set(name, { name, value });
      this._sync();
      return this;
    }
    delete(names) {
      const result = Array.isArray(names) ? names.map(n => this._parsed.delete(n)) : this._parsed.delete(names);
      this._sync();
      return result;
    }
    clear() { this.delete(Array.from(this._parsed.keys())); return this; }
    _sync() {
      this._headers.set('cookie', Array.from(this._parsed.values()).map(v => `${v.name}=${encodeURIComponent(v.value)}`).join('; '));
    }
    toString() { return Array.from(this._parsed.values()).map(v => `${v.name}=${encodeURIComponent(v.value)}`).join('; '); }
  }

  class ResponseCookies {
    constructor(responseHeaders) {
      this._headers = responseHeaders;
      this._parsed = new Map();
      for (const header of responseHeaders.getSetCookie()) {
        const c = parseSetCookie(header);
        if (c) this._parsed.set(c.name, c);
      }
    }
    get(...args) {
      const name = typeof args[0] === 'string' ? args[0] : args[0].name;
      return this._parsed.get(name);
    }
    getAll(...args) {
      const all = Array.from(this._parsed.values());
      if (!args.length) return all;
      const name = typeof args[0] === 'string' ? args[0] : args[0]?.name;
      return all.filter(c => c.name === name);
    }
    has(name) { return this._parsed.has(name); }
    set(...args) {
      const [name, value, cookie] = args.length === 1 ? [args[0].name, args[0].value, args[0]] : args;
      const c = normalizeCookie({ name, value, ...cookie });
      this._parsed.set(name, c);
      this._sync();
      return this;
    }
    delete(...args) {
      const [name, options] = typeof args[0] === 'string' ? [args[0]] : [args[0].name, args[0]];
      return this.set({ ...options, name, value: '', expires: new Date(0) });
    }
    _sync() {
      this._headers.delete('set-cookie');
      for (const c of this._parsed.values()) this._headers.append('set-cookie', serializeCookie(c));
    }
    toString() { return Array.from(this._parsed.values()).map(serializeCookie).join('; '); }
    [Symbol.iterator]() { return this._parsed[Symbol.iterator](); }
  }

  function normalizeCookie(cookie = { name: '', value: '' }) {
    if (typeof cookie.expires === 'number') cookie.expires = new Date(cookie.expires);
    if (cookie.maxAge) cookie.expires = new Date(Date.now() + cookie.maxAge * 1000);
    if (cookie.path === null || cookie.path === undefined) cookie.path = '/';
    return cookie;
  }

  // ---- NextURL ----

  class NextURL {
    constructor(input, baseOrOpts, opts) {
      let base, options;
      if ((typeof baseOrOpts === 'object' && baseOrOpts !== null && 'pathname' in baseOrOpts) || typeof baseOrOpts === 'string') {
        base = baseOrOpts; options = opts || {};
      } else {
        options = opts || baseOrOpts || {};
      }
      const url = new URL(String(input), base === undefined ? undefined : String(base));
      INTERNALS.set(this, { url, options, basePath: '', buildId: options.buildId, locale: undefined, trailingSlash: false });
      this._analyze();
    }
    _analyze() {
      const s = INTERNALS.get(this);
      const basePath = (s.options.nextConfig && s.options.nextConfig.basePath) || '';
      s.trailingSlash = s.url.pathname !== '/' && s.url.pathname.endsWith('/');
      if (basePath && (s.url.pathname === basePath || s.url.pathname.startsWith(basePath + '/'))) {
        s.basePath = basePath;
        s.url.pathname = s.url.pathname.slice(basePath.length) || '/';
      } else {
        s.basePath = '';
      }
      const i18n = s.options.nextConfig && s.options.nextConfig.i18n;
      s.defaultLocale = i18n ? i18n.defaultLocale : undefined;
      s.locale = s.defaultLocale;
    }
    _format() {
      const s = INTERNALS.get(this);
      let pathname = s.url.pathname;
      if (s.basePath) pathname = s.basePath + (pathname === '/' ? '' : pathname);
      const u = new URL(s.url.href);
      u.pathname = pathname || '/';
      return u;
    }
    get buildId() { return INTERNALS.get(this).buildId; }
    set buildId(v) { INTERNALS.get(this).buildId = v; }
    get locale() { return INTERNALS.get(this).locale ?? ''; }
    set locale(v) { INTERNALS.get(this).locale = v; }
    get defaultLocale() { return INTERNALS.get(this).defaultLocale; }
    get domainLocale() { return undefined; }
    get searchParams() { return INTERNALS.get(this).url.searchParams; }
    get host() { return INTERNALS.get(this).url.host; }
    set host(v) { INTERNALS.get(this).url.host = v; }
    get hostname() { return INTERNALS.get(this).url.hostname; }
    set hostname(v) { INTERNALS.get(this).url.hostname = v; }
    get port() { return INTERNALS.get(this).url.port; }
    set port(v) { INTERNALS.get(this).url.port = v; }
    get protocol() { return INTERNALS.get(this).url.protocol; }
    set protocol(v) { INTERNALS.get(this).url.protocol = v; }
    get href() { return this._format().href; }
    set href(v) { INTERNALS.get(this).url = new URL(v); this._analyze(); }
    get origin() { return INTERNALS.get(this).url.origin; }
    get pathname() { return INTERNALS.get(this).url.pathname; }
    set pathname(v) { INTERNALS.get(this).url.pathname = v; }
    get hash() { return INTERNALS.get(this).url.hash; }
    set hash(v) { INTERNALS.get(this).url.hash = v; }
    get search() { return INTERNALS.get(this).url.search; }
    set search(v) { INTERNALS.get(this).url.search = v; }
    get password() { return INTERNALS.get(this).url.password; }
    set password(v) { INTERNALS.get(this).url.password = v; }
    get username() { return INTERNALS.get(this).url.username; }
    set username(v) { INTERNALS.get(this).url.username = v; }
    get basePath() { return INTERNALS.get(this).basePath; }
    set basePath(v) { INTERNALS.get(this).basePath = v.startsWith('/') ? v : `/${v}`; }
    toString() { return this.href; }
    toJSON() { return this.href; }
    clone() { return new NextURL(String(this), INTERNALS.get(this).options); }
    get [Symbol.toStringTag]() { return 'NextURL'; }
  }

  // ---- validation helpers ----

  function validateURL(url) {
    try {
      return String(new URL(String(url)));
    } catch (error) {
      throw new Error(`URL is malformed "${String(url)}". Please use only absolute URLs - https://nextjs.org/docs/messages/middleware-relative-urls`, { cause: error });
    }
  }

  class RemovedPageError extends Error {
    constructor() {
      super('The request.page has been deprecated in favour of `URLPattern`.\n  Read more: https://nextjs.org/docs/messages/middleware-request-page');
    }
  }
  class RemovedUAError extends Error {
    constructor() {
      super('The request.ua has been removed in favour of `userAgent` function.\n  Read more: https://nextjs.org/docs/messages/middleware-parse-user-agent');
    }
  }

  // ---- NextRequest ----

  function requestInternals(req) {
    let s = INTERNALS.get(req);
    if (!s) {
      s = {};
      INTERNALS.set(req, s);
    }
    if (!s.nextUrl) {
      const cfg = host.nextConfig();
      s.nextUrl = new NextURL(requestURL.call(req), { nextConfig: cfg, buildId: host.buildId() });
    }
    return s;
  }

  class NextRequest extends Request {
    constructor(input, init = {}) {
      const url = typeof input !== 'string' && 'url' in input ? input.url : String(input);
      validateURL(url);
      super(input, init);
      const s = { nextUrl: new NextURL(url, { headers: this.headers, nextConfig: init.nextConfig }) };
      INTERNALS.set(this, s);
    }
    get cookies() {
      const s = requestInternals(this);
      return s.cookies || (s.cookies = new RequestCookies(this.headers));
    }
    get nextUrl() { return requestInternals(this).nextUrl; }
    get url() { return requestInternals(this).nextUrl.toString(); }
    get page() { throw new RemovedPageError(); }
    get ua() { throw new RemovedUAError(); }
    get [Symbol.toStringTag]() { return 'NextRequest'; }
  }

  // ---- NextResponse ----

  const REDIRECTS = new Set([301, 302, 303, 307, 308]);

  function handleMiddlewareField(init, headers) {
    if (init && init.request && init.request.headers) {
      if (!(init.request.headers instanceof Headers)) {
        throw new Error('request.headers must be an instance of Headers');
      }
      const keys = [];
      for (const [key, value] of init.request.headers) {
        headers.set('x-middleware-request-' + key, value);
        keys.push(key);
      }
      headers.set('x-middleware-override-headers', keys.join(','));
    }
  }

  class NextResponse extends Response {
    constructor(body, init = {}) {
      super(body, init);
    }
    get cookies() {
      let s = INTERNALS.get(this);
      if (!s) { s = {}; INTERNALS.set(this, s); }
      return s.cookies || (s.cookies = new ResponseCookies(this.headers));
    }
    static json(body, init) {
      const response = Response.json(body, init);
      return new NextResponse(response.body, response);
    }
    static redirect(url, init) {
      const status = typeof init === 'number' ? init : (init && init.status) ?? 307;
      if (!REDIRECTS.has(status)) {
        throw new RangeError('Failed to execute "redirect" on "response": Invalid status code');
      }
      const initObj = typeof init === 'object' ? init : {};
      const headers = new Headers(initObj && initObj.headers);
      headers.set('Location', validateURL(url));
      return new NextResponse(null, { ...initObj, headers, status });
    }
    static rewrite(destination, init) {
      const headers = new Headers(init && init.headers);
      headers.set('x-middleware-rewrite', validateURL(destination));
      handleMiddlewareField(init, headers);
      return new NextResponse(null, { ...init, headers });
    }
    static next(init) {
      const headers = new Headers(init && init.headers);
      headers.set('x-middleware-next', '1');
      handleMiddlewareField(init, headers);
      return new NextResponse(null, { ...init, headers });
    }
    get [Symbol.toStringTag]() { return 'NextResponse'; }
  }

  // NextFetchEvent is Go-backed (fetchevent.go): the host makes one per request.
  const NextFetchEvent = host.NextFetchEvent;

  // ---- userAgent ----

  function userAgentFromString(input) {
    const ua = input || '';
    const isBot = /Googlebot|Mediapartners-Google|AdsBot-Google|googleweblight|Storebot-Google|Google-PageRenderer|Bingbot|BingPreview|Slurp|DuckDuckBot|baiduspider|yandex|sogou|LinkedInBot|bitlybot|tumblr|vkShare|quora link preview|facebookexternalhit|facebookcatalog|Twitterbot|applebot|redditbot|Slackbot|Discordbot|WhatsApp|SkypeUriPreview|ia_archiver/i.test(ua);
    return { ...host.parseUserAgent(ua), isBot };
  }

  function userAgent({ headers }) {
    return userAgentFromString(headers.get('user-agent') || undefined);
  }

  function unsupported(name) {
    return function () {
      throw new Error(`edgerun: next/server ${name} is not supported in API routes`);
    };
  }

  return {
    NextRequest,
    NextResponse,
    NextURL,
    NextFetchEvent,
    RequestCookies,
    ResponseCookies,
    userAgent,
    userAgentFromString,
    get URLPattern() { return globalThis.URLPattern; },
    ImageResponse: unsupported('ImageResponse'),
    after: unsupported('after'),
    connection: unsupported('connection'),
  };
})
