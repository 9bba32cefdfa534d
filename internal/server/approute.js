// App Router route handlers, as Next.js 16 runs them
// (N:server/route-modules/app-route/module.ts, helpers/auto-implement-methods.ts,
// server/helpers/response-handlers.ts, server/request/{cookies,headers}.ts,
// server/web/spec-extension/adapters/{headers,request-cookies}.ts,
// client/components/{redirect,not-found,http-access-fallback}), written
// from their behaviour. Evaluated once per isolate with the host's hooks:
//
//   host.AsyncLocalStorage  the request scope of next/headers
//   host.RequestCookies     next/server's cookie classes
//   host.ResponseCookies
//   host.logError(msg)      Next's Log.error (development warnings)
//   host.dev                next dev
//
// It returns { handle, headers, navigation }: handle runs one request,
// headers and navigation are the next/headers and next/navigation modules.
(function (host) {
  'use strict';

  const { RequestCookies, ResponseCookies } = host;
  const storage = new host.AsyncLocalStorage();

  // ---- methods (auto-implement-methods.ts) ----

  const HTTP_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH'];

  // handleMethodNotAllowedResponse: no Allow header, no body.
  const methodNotAllowed = () => new Response(null, { status: 405 });
  const badRequest = () => new Response(null, { status: 400 });

  // autoImplementMethods: every method the module lacks answers 405; HEAD
  // falls back to GET; OPTIONS answers 204 with Allow listing what is
  // implemented (HEAD included when GET is), sorted.
  function autoImplementMethods(handlers) {
    const methods = {};
    for (const m of HTTP_METHODS) methods[m] = handlers[m] || methodNotAllowed;
    const implemented = new Set(HTTP_METHODS.filter((m) => handlers[m]));
    if (!implemented.has('HEAD') && handlers.GET) {
      methods.HEAD = handlers.GET;
      implemented.add('HEAD');
    }
    if (!implemented.has('OPTIONS')) {
      const allow = ['OPTIONS', ...implemented];
      if (!implemented.has('HEAD') && implemented.has('GET')) allow.push('HEAD');
      const headers = { Allow: allow.sort().join(', ') };
      methods.OPTIONS = () => new Response(null, { status: 204, headers });
    }
    return methods;
  }

  // One route module per userland module, as Next builds it when the
  // module is first loaded (the development checks included).
  const modules = new WeakMap();

  function routeModule(userland, resolvedPagePath) {
    let m = modules.get(userland);
    if (m) return m;
    m = { methods: autoImplementMethods(userland) };
    modules.set(userland, m);
    if (host.dev) {
      for (const method of HTTP_METHODS) {
        const lower = method.toLowerCase();
        if (lower in userland) {
          host.logError(`Detected lowercase method '${lower}' in '${resolvedPagePath}'. Export the uppercase '${method}' method name to fix this error.`);
        }
      }
      if ('default' in userland) {
        host.logError(`Detected default export in '${resolvedPagePath}'. Export a named export for each HTTP method instead.`);
      }
      if (!HTTP_METHODS.some((method) => method in userland)) {
        host.logError(`No HTTP methods exported in '${resolvedPagePath}'. Export a named export for each HTTP method.`);
      }
    }
    return m;
  }

  // ---- the request scope (request-store.ts) ----

  class ReadonlyHeadersError extends Error {
    constructor() {
      super('Headers cannot be modified. Read more: https://nextjs.org/docs/app/api-reference/functions/headers');
    }
  }

  class ReadonlyRequestCookiesError extends Error {
    constructor() {
      super('Cookies can only be modified in a Server Action or Route Handler. Read more: https://nextjs.org/docs/app/api-reference/functions/cookies#options');
    }
  }

  // seal is HeadersAdapter.seal / RequestCookiesAdapter.seal: reads pass
  // through (bound to the real object, whose methods check their
  // receiver), writes throw.
  function seal(target, writes, ErrorClass) {
    return new Proxy(target, {
      get(t, prop) {
        if (writes.includes(prop)) {
          return () => { throw new ErrorClass(); };
        }
        const value = Reflect.get(t, prop, t);
        return typeof value === 'function' ? value.bind(t) : value;
      },
    });
  }

  // mutableCookies is MutableRequestCookiesAdapter.wrap: a ResponseCookies
  // holding the request's cookies, whose set() and delete() are recorded
  // so the response gets them as Set-Cookie.
  function mutableCookies(requestCookies) {
    const cookies = new ResponseCookies(new Headers());
    for (const c of requestCookies.getAll()) cookies.set(c);
    const modified = new Set();
    let values = [];
    const update = () => {
      values = cookies.getAll().filter((c) => modified.has(c.name));
    };
    const wrapped = new Proxy(cookies, {
      get(t, prop) {
        if (prop === MODIFIED) return values;
        if (prop === 'set' || prop === 'delete') {
          return function (...args) {
            modified.add(typeof args[0] === 'string' ? args[0] : args[0].name);
            try {
              t[prop](...args);
              return wrapped;
            } finally {
              update();
            }
          };
        }
        const value = Reflect.get(t, prop, t);
        return typeof value === 'function' ? value.bind(t) : value;
      },
    });
    return wrapped;
  }
  const MODIFIED = Symbol('modified cookies');

  function createStore(request, forceStatic, route) {
    const cache = {};
    return {
      route,
      forceStatic,
      get headers() {
        return cache.headers || (cache.headers = seal(new Headers(forceStatic ? {} : request.headers), ['append', 'delete', 'set'], ReadonlyHeadersError));
      },
      get requestCookies() {
        return cache.requestCookies || (cache.requestCookies = new RequestCookies(new Headers(forceStatic ? {} : request.headers)));
      },
      get cookies() {
        return cache.cookies || (cache.cookies = seal(this.requestCookies, ['clear', 'delete', 'set'], ReadonlyRequestCookiesError));
      },
      get mutableCookies() {
        return cache.mutableCookies || (cache.mutableCookies = mutableCookies(this.requestCookies));
      },
      get hasMutableCookies() { return cache.mutableCookies !== undefined; },
    };
  }

  // appendMutableCookies: the cookies set through cookies() go before
  // the ones the handler's own response sets, which win for a name.
  function appendMutableCookies(headers, store) {
    if (!store.hasMutableCookies) return false;
    const modified = store.mutableCookies[MODIFIED];
    if (modified.length === 0) return false;
    const res = new ResponseCookies(headers);
    const returned = res.getAll();
    for (const c of modified) res.set(c);
    for (const c of returned) res.set(c);
    return true;
  }

  // ---- force-static (module.ts forceStaticRequestHandlers) ----

  function cleanURL(url) {
    const u = new URL(url);
    u.host = 'localhost:3000';
    u.search = '';
    u.protocol = 'http';
    return u;
  }

  function bindGet(t, prop) {
    const value = Reflect.get(t, prop, t);
    return typeof value === 'function' ? value.bind(t) : value;
  }

  const forceStaticNextUrl = {
    get(t, prop, receiver) {
      switch (prop) {
        case 'search': return '';
        case 'searchParams': return new URLSearchParams();
        case 'href': return cleanURL(t.href).href;
        case 'toJSON':
        case 'toString': return () => receiver.href;
        case 'url': return undefined;
        case 'clone': return () => new Proxy(t.clone(), forceStaticNextUrl);
        default: return bindGet(t, prop);
      }
    },
  };

  function forceStaticRequest(req) {
    let headers, cookies, nextUrl;
    const handlers = {
      get(t, prop, receiver) {
        switch (prop) {
          case 'headers':
            return headers || (headers = seal(new Headers(), ['append', 'delete', 'set'], ReadonlyHeadersError));
          case 'cookies':
            return cookies || (cookies = seal(new RequestCookies(new Headers()), ['clear', 'delete', 'set'], ReadonlyRequestCookiesError));
          case 'nextUrl':
            return nextUrl || (nextUrl = new Proxy(t.nextUrl, forceStaticNextUrl));
          case 'url': return receiver.nextUrl.href;
          case 'geo':
          case 'ip': return undefined;
          case 'clone': return () => forceStaticRequest(t.clone());
          default: return bindGet(t, prop);
        }
      },
    };
    return new Proxy(req, handlers);
  }

  // ---- next/navigation errors (redirect-error.ts, http-access-fallback.ts) ----

  const REDIRECT = 'NEXT_REDIRECT';
  const FALLBACK = 'NEXT_HTTP_ERROR_FALLBACK';

  function redirectInfo(err) {
    if (!err || typeof err !== 'object' || typeof err.digest !== 'string') return undefined;
    const parts = err.digest.split(';');
    const [code, type] = parts;
    const status = Number(parts.at(-2));
    const url = parts.slice(2, -2).join(';');
    if (code !== REDIRECT || (type !== 'replace' && type !== 'push') || typeof url !== 'string' || isNaN(status) || ![303, 307, 308].includes(status)) {
      return undefined;
    }
    return { url, status };
  }

  function fallbackStatus(err) {
    if (!err || typeof err !== 'object' || typeof err.digest !== 'string') return undefined;
    const [prefix, status] = err.digest.split(';');
    const n = Number(status);
    return prefix === FALLBACK && [401, 403, 404].includes(n) ? n : undefined;
  }

  // ---- handle (AppRouteRouteModule.handle and do) ----

  // handle runs one request: the handler for the method, in the request
  // scope, and checks what it returns. It rejects with the handler's error
  // or Next's own ("No response is returned from route handler ...").
  // isPossibleServerAction (server-action-request-meta.ts): a redirect
  // from what looks like a form post answers 303, not 307.
  function isPossibleServerAction(req) {
    if (req.method !== 'POST') return false;
    const type = req.headers.get('content-type');
    return req.headers.has('next-action') || type === 'application/x-www-form-urlencoded' ||
      (type !== null && type.startsWith('multipart/form-data'));
  }

  async function handle(userland, request, params, resolvedPagePath, route) {
    const m = routeModule(userland, resolvedPagePath);
    // "Ensure that the requested method is a valid method (to prevent RCE's)."
    const handler = HTTP_METHODS.includes(request.method) ? m.methods[request.method] : badRequest;
    const forceStatic = userland.dynamic === 'force-static';
    const req = forceStatic ? forceStaticRequest(request) : request;
    const store = createStore(request, forceStatic, route);
    const context = { params: params ? Promise.resolve(params) : undefined };

    let res;
    try {
      res = await storage.run(store, handler, req, context);
    } catch (err) {
      const redirect = redirectInfo(err);
      if (redirect) {
        const headers = new Headers({ Location: redirect.url });
        appendMutableCookies(headers, store);
        return new Response(null, { status: isPossibleServerAction(request) ? 303 : redirect.status, headers });
      }
      const status = fallbackStatus(err);
      if (status !== undefined) return new Response(null, { status });
      throw err;
    }
    if (!(res instanceof Response)) {
      throw new Error(`No response is returned from route handler '${resolvedPagePath}'. Ensure you return a \`Response\` or a \`NextResponse\` in all branches of your handler.`);
    }
    if (store.hasMutableCookies && store.mutableCookies[MODIFIED].length > 0) {
      const headers = new Headers(res.headers);
      appendMutableCookies(headers, store);
      res = new Response(res.body, { status: res.status, statusText: res.statusText, headers });
    }
    if (res.headers.has('x-middleware-rewrite')) {
      throw new Error('NextResponse.rewrite() was used in a app route handler, this is not currently supported. Please remove the invocation to continue.');
    }
    if (res.headers.get('x-middleware-next') === '1') {
      throw new Error('NextResponse.next() was used in a app route handler, this is not supported. See here for more info: https://nextjs.org/docs/messages/next-response-next-in-app-route-handler');
    }
    return res;
  }

  // ---- next/headers ----

  function requestStore(expression) {
    const store = storage.getStore();
    if (!store) {
      throw new Error(`\`${expression}\` was called outside a request scope. Read more: https://nextjs.org/docs/messages/next-dynamic-api-wrong-context`);
    }
    return store;
  }

  const headersModule = {
    // In a route handler cookies() can be modified: it is the mutable
    // cookie set, typed read-only (request/cookies.ts).
    cookies() {
      const store = requestStore('cookies');
      if (store.forceStatic) return Promise.resolve(seal(new RequestCookies(new Headers()), ['clear', 'delete', 'set'], ReadonlyRequestCookiesError));
      return Promise.resolve(store.mutableCookies);
    },
    headers() {
      return Promise.resolve(requestStore('headers').headers);
    },
    draftMode() {
      requestStore('draftMode');
      throw new Error('edgerun: draftMode() from next/headers is not supported yet');
    },
  };

  // ---- next/navigation (the server half) ----

  function redirectError(url, type, status) {
    const err = new Error(REDIRECT);
    err.digest = `${REDIRECT};${type};${url};${status};`;
    return err;
  }

  function authInterrupt(name) {
    return function () {
      throw new Error(`\`${name}()\` is experimental and only allowed to be enabled when \`experimental.authInterrupts\` is enabled.`);
    };
  }

  function clientOnly(name) {
    return function () {
      throw new Error(`edgerun: next/navigation ${name}() is a client hook; route handlers cannot use it`);
    };
  }

  const navigationModule = {
    RedirectType: { push: 'push', replace: 'replace' },
    redirect(url, type = 'replace') {
      throw redirectError(url, type, 307);
    },
    permanentRedirect(url, type = 'replace') {
      throw redirectError(url, type, 308);
    },
    notFound() {
      const err = new Error(`${FALLBACK};404`);
      err.digest = `${FALLBACK};404`;
      throw err;
    },
    forbidden: authInterrupt('forbidden'),
    unauthorized: authInterrupt('unauthorized'),
    unstable_rethrow(err) {
      if (redirectInfo(err) || fallbackStatus(err) !== undefined) throw err;
    },
    useRouter: clientOnly('useRouter'),
    usePathname: clientOnly('usePathname'),
    useSearchParams: clientOnly('useSearchParams'),
    useParams: clientOnly('useParams'),
    useSelectedLayoutSegment: clientOnly('useSelectedLayoutSegment'),
    useSelectedLayoutSegments: clientOnly('useSelectedLayoutSegments'),
  };

  return { handle, headers: headersModule, navigation: navigationModule };
})
