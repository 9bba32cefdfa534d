// next/server for edgerun: NextRequest, NextResponse, NextURL, the cookie
// classes and userAgent, written from Next.js 16's behaviour (spec
// §2.4–2.5; packages/next/src/server/web/** and @edge-runtime/cookies 6 as
// Next bundles them). The module is compiled once per process and
// evaluated once per isolate with the host's hooks:
//
//   host.nextConfig        request.nextConfig ({basePath, i18n, trailingSlash})
//   host.skipURLNormalize  skipProxyUrlNormalize
//   host.parseUserAgent    ua-parser-js's result shape, computed in Go
//   host.takeBody          a Response's body bytes (or stream), taken from it
//
// and leaves private hooks on host: hintPrototype(page), the prototype of
// the NextRequest an edge handler receives, and the RequestCookies and
// ResponseCookies classes (for next/headers).
(function (host) {
  'use strict';

  const nextConfig = host.nextConfig;
  // Request.url as the platform defines it (the edge sandbox's Request is a
  // subclass, so look up the chain).
  const requestURL = (function () {
    for (let p = Request.prototype; p; p = Object.getPrototypeOf(p)) {
      const d = Object.getOwnPropertyDescriptor(p, 'url');
      if (d && d.get) return d.get;
    }
    throw new TypeError('edgerun: Request.prototype.url is missing');
  })();
  const inspect = Symbol.for('edge-runtime.inspect.custom');

  // ---- cookies (@edge-runtime/cookies) ----

  // parseCookie reads a Cookie header: later duplicates win, a bare name
  // means "true", and a value that does not percent-decode is dropped.
  function parseCookie(header) {
    const map = new Map();
    for (const pair of header.split(/; */)) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      if (eq === -1) {
        map.set(pair, 'true');
        continue;
      }
      const name = pair.slice(0, eq);
      try {
        map.set(name, decodeURIComponent(pair.slice(eq + 1)));
      } catch (_) {
        // dropped, as the library does
      }
    }
    return map;
  }

  // stringifyCookie serialises a cookie as Set-Cookie (attributes in the
  // library's fixed order) or, for request cookies, as name=value.
  function stringifyCookie(c) {
    const attrs = [];
    if ('path' in c && c.path) attrs.push(`Path=${c.path}`);
    if ('expires' in c && (c.expires || c.expires === 0)) {
      attrs.push(`Expires=${(typeof c.expires === 'number' ? new Date(c.expires) : c.expires).toUTCString()}`);
    }
    if ('maxAge' in c && typeof c.maxAge === 'number') attrs.push(`Max-Age=${c.maxAge}`);
    if ('domain' in c && c.domain) attrs.push(`Domain=${c.domain}`);
    if ('secure' in c && c.secure) attrs.push('Secure');
    if ('httpOnly' in c && c.httpOnly) attrs.push('HttpOnly');
    if ('sameSite' in c && c.sameSite) attrs.push(`SameSite=${c.sameSite}`);
    if ('partitioned' in c && c.partitioned) attrs.push('Partitioned');
    if ('priority' in c && c.priority) attrs.push(`Priority=${c.priority}`);
    const pair = `${c.name}=${encodeURIComponent(c.value ?? '')}`;
    return attrs.length === 0 ? pair : `${pair}; ${attrs.join('; ')}`;
  }

  const SAME_SITE = ['strict', 'lax', 'none'];
  const PRIORITY = ['low', 'medium', 'high'];

  function oneOf(list, s) {
    s = s.toLowerCase();
    return list.includes(s) ? s : undefined;
  }

  // parseSetCookie reads one Set-Cookie value into the ResponseCookie
  // shape. Like the library it decodes the value a second time and keeps
  // only truthy fields (an empty value or Max-Age=0 disappears).
  function parseSetCookie(setCookie) {
    if (!setCookie) return undefined;
    const [[name, value], ...attributes] = parseCookie(setCookie);
    const a = Object.fromEntries(attributes.map(([k, v]) => [k.toLowerCase().replace(/-/g, ''), v]));
    const cookie = {
      name,
      value: decodeURIComponent(value),
      domain: a.domain,
      expires: a.expires ? new Date(a.expires) : undefined,
      httpOnly: a.httponly ? true : undefined,
      maxAge: typeof a.maxage === 'string' ? Number(a.maxage) : undefined,
      path: a.path,
      sameSite: a.samesite ? oneOf(SAME_SITE, a.samesite) : undefined,
      secure: a.secure ? true : undefined,
      priority: a.priority ? oneOf(PRIORITY, a.priority) : undefined,
      partitioned: a.partitioned ? true : undefined,
    };
    const out = {};
    for (const k in cookie) if (cookie[k]) out[k] = cookie[k];
    return out;
  }

  function cookieName(args) {
    return typeof args[0] === 'string' ? args[0] : args[0].name;
  }

  class RequestCookies {
    constructor(requestHeaders) {
      this._parsed = new Map();
      this._headers = requestHeaders;
      const header = requestHeaders.get('cookie');
      if (header) {
        for (const [name, value] of parseCookie(header)) this._parsed.set(name, { name, value });
      }
    }
    [Symbol.iterator]() { return this._parsed[Symbol.iterator](); }
    get size() { return this._parsed.size; }
    get(...args) { return this._parsed.get(cookieName(args)); }
    getAll(...args) {
      const all = Array.from(this._parsed.values());
      if (!args.length) return all;
      const name = typeof args[0] === 'string' ? args[0] : args[0]?.name;
      return all.filter((c) => c.name === name);
    }
    has(name) { return this._parsed.has(name); }
    set(...args) {
      const [name, value] = args.length === 1 ? [args[0].name, args[0].value] : args;
      this._parsed.set(name, { name, value });
      this._rewrite();
      return this;
    }
    delete(names) {
      const result = Array.isArray(names) ? names.map((n) => this._parsed.delete(n)) : this._parsed.delete(names);
      this._rewrite();
      return result;
    }
    clear() {
      this.delete(Array.from(this._parsed.keys()));
      return this;
    }
    // Mutations rewrite the request's cookie header, so a fetch() that
    // forwards req.headers carries them.
    _rewrite() {
      this._headers.set('cookie', Array.from(this._parsed.values(), stringifyCookie).join('; '));
    }
    [inspect]() { return `RequestCookies ${JSON.stringify(Object.fromEntries(this._parsed))}`; }
    toString() {
      return Array.from(this._parsed.values(), (v) => `${v.name}=${encodeURIComponent(v.value)}`).join('; ');
    }
  }

  class ResponseCookies {
    constructor(responseHeaders) {
      this._parsed = new Map();
      this._headers = responseHeaders;
      for (const header of responseHeaders.getSetCookie()) {
        const c = parseSetCookie(header);
        if (c) this._parsed.set(c.name, c);
      }
    }
    get(...args) { return this._parsed.get(cookieName(args)); }
    getAll(...args) {
      const all = Array.from(this._parsed.values());
      if (!args.length) return all;
      const name = typeof args[0] === 'string' ? args[0] : args[0]?.name;
      return all.filter((c) => c.name === name);
    }
    has(name) { return this._parsed.has(name); }
    set(...args) {
      const [name, value, cookie] = args.length === 1 ? [args[0].name, args[0].value, args[0]] : args;
      this._parsed.set(name, normalizeCookie({ name, value, ...cookie }));
      this._headers.delete('set-cookie');
      for (const c of this._parsed.values()) this._headers.append('set-cookie', stringifyCookie(c));
      return this;
    }
    delete(...args) {
      const [name, options] = typeof args[0] === 'string' ? [args[0]] : [args[0].name, args[0]];
      return this.set({ ...options, name, value: '', expires: new Date(0) });
    }
    [inspect]() { return `ResponseCookies ${JSON.stringify(Object.fromEntries(this._parsed))}`; }
    toString() { return Array.from(this._parsed.values(), stringifyCookie).join('; '); }
  }

  function normalizeCookie(cookie = { name: '', value: '' }) {
    if (typeof cookie.expires === 'number') cookie.expires = new Date(cookie.expires);
    if (cookie.maxAge) cookie.expires = new Date(Date.now() + cookie.maxAge * 1000);
    if (cookie.path === null || cookie.path === undefined) cookie.path = '/';
    return cookie;
  }

  // ---- NextURL (server/web/next-url.ts and shared/lib/router/utils) ----

  // Loopback hosts read as "localhost" (next-url.ts parseURL), so req.url
  // says localhost even when the server listens on 127.0.0.1.
  const LOOPBACK = /(?!^https?:\/\/)(127(?:\.(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)){3}|\[::1\]|::1|localhost)/;

  function parseURL(url, base) {
    return new URL(String(url).replace(LOOPBACK, 'localhost'), base && String(base).replace(LOOPBACK, 'localhost'));
  }

  function parsePath(path) {
    const hash = path.indexOf('#');
    const query = path.indexOf('?');
    const hasQuery = query > -1 && (hash < 0 || query < hash);
    if (hasQuery || hash > -1) {
      return {
        pathname: path.substring(0, hasQuery ? query : hash),
        query: hasQuery ? path.substring(query, hash > -1 ? hash : undefined) : '',
        hash: hash > -1 ? path.slice(hash) : '',
      };
    }
    return { pathname: path, query: '', hash: '' };
  }

  function pathHasPrefix(path, prefix) {
    const { pathname } = parsePath(path);
    return pathname === prefix || pathname.startsWith(prefix + '/');
  }

  function removePathPrefix(path, prefix) {
    if (!pathHasPrefix(path, prefix)) return path;
    const rest = path.slice(prefix.length);
    return rest.startsWith('/') ? rest : `/${rest}`;
  }

  function addPathPrefix(path, prefix) {
    if (!path.startsWith('/') || !prefix) return path;
    const { pathname, query, hash } = parsePath(path);
    return `${prefix}${pathname}${query}${hash}`;
  }

  function addPathSuffix(path, suffix) {
    if (!path.startsWith('/') || !suffix) return path;
    const { pathname, query, hash } = parsePath(path);
    return `${pathname}${suffix}${query}${hash}`;
  }

  function removeTrailingSlash(route) {
    return route.replace(/\/$/, '') || '/';
  }

  function normalizeLocalePath(pathname, locales) {
    const parts = pathname.split('/');
    for (const locale of locales || []) {
      if (parts[1] && parts[1].toLowerCase() === locale.toLowerCase()) {
        parts.splice(1, 1);
        return { pathname: parts.join('/') || '/', detectedLocale: locale };
      }
    }
    return { pathname, detectedLocale: undefined };
  }

  function addLocale(path, locale, defaultLocale) {
    if (!locale || locale === defaultLocale) return path;
    const lower = path.toLowerCase();
    if (pathHasPrefix(lower, '/api')) return path;
    if (pathHasPrefix(lower, `/${locale.toLowerCase()}`)) return path;
    return addPathPrefix(path, `/${locale}`);
  }

  // getNextPathnameInfo splits a pathname into basePath, /_next/data
  // build id, locale and the rest.
  function getNextPathnameInfo(pathname, config, parseData) {
    const { basePath, i18n, trailingSlash } = config ?? {};
    const info = { pathname, trailingSlash: pathname !== '/' ? pathname.endsWith('/') : trailingSlash };
    if (basePath && pathHasPrefix(info.pathname, basePath)) {
      info.pathname = removePathPrefix(info.pathname, basePath);
      info.basePath = basePath;
    }
    let withoutData = info.pathname;
    if (info.pathname.startsWith('/_next/data/') && info.pathname.endsWith('.json')) {
      const paths = info.pathname.replace(/^\/_next\/data\//, '').replace(/\.json$/, '').split('/');
      info.buildId = paths[0];
      withoutData = paths[1] !== 'index' ? `/${paths.slice(1).join('/')}` : '/';
      if (parseData) info.pathname = withoutData;
    }
    if (i18n) {
      let result = normalizeLocalePath(info.pathname, i18n.locales);
      info.locale = result.detectedLocale;
      info.pathname = result.pathname ?? info.pathname;
      if (!result.detectedLocale && info.buildId) {
        result = normalizeLocalePath(withoutData, i18n.locales);
        if (result.detectedLocale) info.locale = result.detectedLocale;
      }
    }
    return info;
  }

  function formatNextPathnameInfo(info) {
    let pathname = addLocale(info.pathname, info.locale, info.buildId ? undefined : info.defaultLocale);
    if (info.buildId || !info.trailingSlash) pathname = removeTrailingSlash(pathname);
    if (info.buildId) {
      pathname = addPathSuffix(addPathPrefix(pathname, `/_next/data/${info.buildId}`), info.pathname === '/' ? 'index.json' : '.json');
    }
    pathname = addPathPrefix(pathname, info.basePath);
    return !info.buildId && info.trailingSlash
      ? (pathname.endsWith('/') ? pathname : addPathSuffix(pathname, '/'))
      : removeTrailingSlash(pathname);
  }

  function hostnameOf(url, headers) {
    let host;
    if (headers) host = typeof headers.get === 'function' ? headers.get('host') : headers.host;
    let hostname;
    if (host && !Array.isArray(host)) hostname = String(host).split(':', 1)[0];
    else if (url.hostname) hostname = url.hostname;
    else return undefined;
    return hostname.toLowerCase();
  }

  function detectDomainLocale(domains, hostname, detectedLocale) {
    if (!domains) return undefined;
    if (detectedLocale) detectedLocale = detectedLocale.toLowerCase();
    for (const item of domains) {
      const domainHostname = item.domain?.split(':', 1)[0].toLowerCase();
      if (hostname === domainHostname || detectedLocale === item.defaultLocale.toLowerCase() ||
        item.locales?.some((l) => l.toLowerCase() === detectedLocale)) {
        return item;
      }
    }
    return undefined;
  }

  const NEXT_URL = Symbol('NextURLInternal');

  class NextURL {
    constructor(input, baseOrOpts, opts) {
      let base, options;
      if ((typeof baseOrOpts === 'object' && 'pathname' in baseOrOpts) || typeof baseOrOpts === 'string') {
        base = baseOrOpts;
        options = opts || {};
      } else {
        options = opts || baseOrOpts || {};
      }
      this[NEXT_URL] = { url: parseURL(input, base ?? options.base), options, basePath: '' };
      this.analyze();
    }
    analyze() {
      const s = this[NEXT_URL];
      const cfg = s.options.nextConfig;
      const info = getNextPathnameInfo(s.url.pathname, cfg, !host.skipURLNormalize);
      const domains = cfg?.i18n?.domains;
      s.domainLocale = domains ? detectDomainLocale(domains, hostnameOf(s.url, s.options.headers)) : undefined;
      const defaultLocale = s.domainLocale?.defaultLocale || cfg?.i18n?.defaultLocale;
      s.url.pathname = info.pathname;
      s.defaultLocale = defaultLocale;
      s.basePath = info.basePath ?? '';
      s.buildId = info.buildId;
      s.locale = info.locale ?? defaultLocale;
      s.trailingSlash = info.trailingSlash;
    }
    formatPathname() {
      const s = this[NEXT_URL];
      return formatNextPathnameInfo({
        basePath: s.basePath,
        buildId: s.buildId,
        defaultLocale: !s.options.forceLocale ? s.defaultLocale : undefined,
        locale: s.locale,
        pathname: s.url.pathname,
        trailingSlash: s.trailingSlash,
      });
    }
    get buildId() { return this[NEXT_URL].buildId; }
    set buildId(v) { this[NEXT_URL].buildId = v; }
    get locale() { return this[NEXT_URL].locale ?? ''; }
    set locale(locale) {
      const s = this[NEXT_URL];
      if (!s.locale || !s.options.nextConfig?.i18n?.locales.includes(locale)) {
        throw new TypeError(`The NextURL configuration includes no locale "${locale}"`);
      }
      s.locale = locale;
    }
    get defaultLocale() { return this[NEXT_URL].defaultLocale; }
    get domainLocale() { return this[NEXT_URL].domainLocale; }
    get searchParams() { return this[NEXT_URL].url.searchParams; }
    get host() { return this[NEXT_URL].url.host; }
    set host(v) { this[NEXT_URL].url.host = v; }
    get hostname() { return this[NEXT_URL].url.hostname; }
    set hostname(v) { this[NEXT_URL].url.hostname = v; }
    get port() { return this[NEXT_URL].url.port; }
    set port(v) { this[NEXT_URL].url.port = v; }
    get protocol() { return this[NEXT_URL].url.protocol; }
    set protocol(v) { this[NEXT_URL].url.protocol = v; }
    formatSearch() { return this[NEXT_URL].url.search; }
    get href() {
      return `${this.protocol}//${this.host}${this.formatPathname()}${this.formatSearch()}${this.hash}`;
    }
    set href(url) {
      this[NEXT_URL].url = parseURL(url);
      this.analyze();
    }
    get origin() { return this[NEXT_URL].url.origin; }
    get pathname() { return this[NEXT_URL].url.pathname; }
    set pathname(v) { this[NEXT_URL].url.pathname = v; }
    get hash() { return this[NEXT_URL].url.hash; }
    set hash(v) { this[NEXT_URL].url.hash = v; }
    get search() { return this[NEXT_URL].url.search; }
    set search(v) { this[NEXT_URL].url.search = v; }
    get password() { return this[NEXT_URL].url.password; }
    set password(v) { this[NEXT_URL].url.password = v; }
    get username() { return this[NEXT_URL].url.username; }
    set username(v) { this[NEXT_URL].url.username = v; }
    get basePath() { return this[NEXT_URL].basePath; }
    set basePath(v) { this[NEXT_URL].basePath = v.startsWith('/') ? v : `/${v}`; }
    toString() { return this.href; }
    toJSON() { return this.href; }
    [inspect]() {
      return {
        href: this.href, origin: this.origin, protocol: this.protocol, username: this.username,
        password: this.password, host: this.host, hostname: this.hostname, port: this.port,
        pathname: this.pathname, search: this.search, searchParams: this.searchParams, hash: this.hash,
      };
    }
    clone() { return new NextURL(String(this), this[NEXT_URL].options); }
  }

  // ---- errors (server/web/error.ts, utils.ts) ----

  function validateURL(url) {
    try {
      return String(new URL(String(url)));
    } catch (error) {
      throw new Error(`URL is malformed "${String(url)}". Please use only absolute URLs - https://nextjs.org/docs/messages/middleware-relative-urls`, { cause: error });
    }
  }

  class PageSignatureError extends Error {
    constructor({ page }) {
      super(`The middleware "${page}" accepts an async API directly with the form:
  
  export function middleware(request, event) {
    return NextResponse.redirect('/new-location')
  }
  
  Read more: https://nextjs.org/docs/messages/middleware-new-signature
  `);
    }
  }

  class RemovedPageError extends Error {
    constructor() {
      super(`The request.page has been deprecated in favour of \`URLPattern\`.
  Read more: https://nextjs.org/docs/messages/middleware-request-page
  `);
    }
  }

  class RemovedUAError extends Error {
    constructor() {
      super(`The request.ua has been removed in favour of \`userAgent\` function.
  Read more: https://nextjs.org/docs/messages/middleware-parse-user-agent
  `);
    }
  }

  // ---- NextRequest ----

  const REQUEST = Symbol('internal request');
  // Host-built requests are Go dynamic objects, which cannot hold symbol
  // keys; their internals live here, built on first use.
  const adopted = new WeakMap();

  function requestInternals(req) {
    const own = req[REQUEST];
    if (own) return own;
    let s = adopted.get(req);
    if (!s) {
      const url = requestURL.call(req);
      const nextUrl = new NextURL(url, { headers: req.headers, nextConfig });
      s = { cookies: undefined, nextUrl, url: host.skipURLNormalize ? url : nextUrl.toString() };
      adopted.set(req, s);
    }
    return s;
  }

  const isEdge = () => typeof process === 'undefined' || !process.env || process.env.NEXT_RUNTIME === 'edge';

  class NextRequest extends Request {
    constructor(input, init = {}) {
      const url = typeof input !== 'string' && 'url' in input ? input.url : String(input);
      validateURL(url);
      if (!isEdge() && init.body && init.duplex !== 'half') init.duplex = 'half';
      if (input instanceof Request) super(input, init);
      else super(url, init);
      const nextUrl = new NextURL(url, { headers: this.headers, nextConfig: init.nextConfig });
      this[REQUEST] = {
        cookies: new RequestCookies(this.headers),
        nextUrl,
        url: host.skipURLNormalize ? url : nextUrl.toString(),
      };
    }
    [inspect]() {
      return {
        cookies: this.cookies, nextUrl: this.nextUrl, url: this.url, bodyUsed: this.bodyUsed, cache: this.cache,
        credentials: this.credentials, destination: this.destination, headers: Object.fromEntries(this.headers),
        integrity: this.integrity, keepalive: this.keepalive, method: this.method, mode: this.mode,
        redirect: this.redirect, referrer: this.referrer, referrerPolicy: this.referrerPolicy, signal: this.signal,
      };
    }
    get cookies() {
      const s = requestInternals(this);
      return s.cookies || (s.cookies = new RequestCookies(this.headers));
    }
    get nextUrl() { return requestInternals(this).nextUrl; }
    get page() { throw new RemovedPageError(); }
    get ua() { throw new RemovedUAError(); }
    get url() { return requestInternals(this).url; }
  }

  // The request an edge handler receives is Next's NextRequestHint: a
  // NextRequest with sourcePage and the pre-13 FetchEvent members, which
  // throw. One class per page (an isolate serves one route).
  const sourcePages = new WeakMap(); // sourcePage assignments
  host.hintPrototype = function (page) {
    class NextRequestHint extends NextRequest {
      get sourcePage() { return sourcePages.has(this) ? sourcePages.get(this) : page; }
      set sourcePage(v) { sourcePages.set(this, v); }
      get request() { throw new PageSignatureError({ page: this.sourcePage }); }
      respondWith() { throw new PageSignatureError({ page: this.sourcePage }); }
      waitUntil() { throw new PageSignatureError({ page: this.sourcePage }); }
    }
    return NextRequestHint.prototype;
  };

  // ---- NextResponse ----

  const RESPONSE = Symbol('internal response');
  const REDIRECTS = new Set([301, 302, 303, 307, 308]);

  function handleMiddlewareField(init, headers) {
    if (init?.request?.headers) {
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

  // responseCookies is res.cookies: set and delete also mirror the cookies
  // into x-middleware-set-cookie (the server strips it) and re-validate
  // init.request; everything else reaches the ResponseCookies, methods
  // bound to it.
  function responseCookies(cookies, headers, init) {
    return new Proxy(cookies, {
      get(target, prop, receiver) {
        if (prop === 'set' || prop === 'delete') {
          return (...args) => {
            const result = Reflect.apply(target[prop], target, args);
            const copy = new Headers(headers);
            if (result instanceof ResponseCookies) {
              headers.set('x-middleware-set-cookie', result.getAll().map(stringifyCookie).join(','));
            }
            handleMiddlewareField(init, copy);
            return result;
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  class NextResponse extends Response {
    constructor(body, init = {}) {
      super(body, init);
      const headers = this.headers;
      // Cookies already in the headers are read now, as Next does.
      this[RESPONSE] = {
        rawCookies: new ResponseCookies(headers),
        cookies: undefined,
        init,
        url: init.url ? new NextURL(init.url, { headers, nextConfig: init.nextConfig }) : undefined,
      };
    }
    [inspect]() {
      return {
        cookies: this.cookies, url: this.url, body: this.body, bodyUsed: this.bodyUsed,
        headers: Object.fromEntries(this.headers), ok: this.ok, redirected: this.redirected,
        status: this.status, statusText: this.statusText, type: this.type,
      };
    }
    get cookies() {
      const s = this[RESPONSE];
      return s.cookies || (s.cookies = responseCookies(s.rawCookies, this.headers, s.init));
    }
    static json(body, init) {
      const response = Response.json(body, init);
      // Next re-wraps response.body, a stream over the serialised JSON;
      // taking the bytes themselves gives the same response without a
      // stream for the server to pump.
      return new NextResponse(host.takeBody(response), response);
    }
    static redirect(url, init) {
      const status = typeof init === 'number' ? init : (init?.status ?? 307);
      if (!REDIRECTS.has(status)) {
        throw new RangeError('Failed to execute "redirect" on "response": Invalid status code');
      }
      const initObj = typeof init === 'object' ? init : {};
      const headers = new Headers(initObj?.headers);
      headers.set('Location', validateURL(url));
      return new NextResponse(null, { ...initObj, headers, status });
    }
    static rewrite(destination, init) {
      const headers = new Headers(init?.headers);
      headers.set('x-middleware-rewrite', validateURL(destination));
      handleMiddlewareField(init, headers);
      return new NextResponse(null, { ...init, headers });
    }
    static next(init) {
      const headers = new Headers(init?.headers);
      headers.set('x-middleware-next', '1');
      handleMiddlewareField(init, headers);
      return new NextResponse(null, { ...init, headers });
    }
  }

  // ---- userAgent (spec-extension/user-agent.ts) ----

  function isBot(input) {
    return /Googlebot|Mediapartners-Google|AdsBot-Google|googleweblight|Storebot-Google|Google-PageRenderer|Google-InspectionTool|Bingbot|BingPreview|Slurp|DuckDuckBot|baiduspider|yandex|sogou|LinkedInBot|bitlybot|tumblr|vkShare|quora link preview|facebookexternalhit|facebookcatalog|Twitterbot|applebot|redditbot|Slackbot|Discordbot|WhatsApp|SkypeUriPreview|ia_archiver|GPTBot/i.test(input);
  }

  function userAgentFromString(input) {
    return { ...host.parseUserAgent(input), isBot: input === undefined ? false : isBot(input) };
  }

  function userAgent({ headers }) {
    return userAgentFromString(headers.get('user-agent') || undefined);
  }

  function unsupported(name) {
    return function () {
      throw new Error(`edgerun: next/server ${name} is not supported in API routes`);
    };
  }

  // next/headers (App Router route handlers) builds cookies() on the same
  // classes; they stay off the exports.
  host.RequestCookies = RequestCookies;
  host.ResponseCookies = ResponseCookies;

  // The run-time exports of next/server (server/web/exports/index.ts).
  // NextURL, NextFetchEvent and the cookie classes are types there, not
  // values: code that imports them fails in Next, so it does here too.
  return {
    NextRequest,
    NextResponse,
    userAgent,
    userAgentFromString,
    get URLPattern() { return globalThis.URLPattern; },
    ImageResponse: unsupported('ImageResponse'),
    after: unsupported('after'),
    connection: unsupported('connection'),
  };
})
