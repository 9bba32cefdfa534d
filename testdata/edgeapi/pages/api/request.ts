// NextRequest (spec §2.4): the probe named by the x-probe header runs
// against the request the handler receives.
import { NextRequest } from 'next/server';
import { probe } from '../../lib/probe';

export const config = { runtime: 'edge' };

const attempt = (f: () => unknown) => {
  try {
    return String(f());
  } catch (e: any) {
    return `${e.name}: ${e.message}`;
  }
};

export default function handler(req: any, event: any) {
  const u = req.nextUrl;
  // next/server does not export NextURL; its class is reachable from an instance.
  const NextURL = u.constructor;
  return probe({
    url: () => req.url,
    nextUrl: () => ({
      href: u.href, origin: u.origin, protocol: u.protocol, host: u.host, hostname: u.hostname, port: u.port,
      pathname: u.pathname, search: u.search, hash: u.hash, searchParams: [...u.searchParams],
      basePath: u.basePath, buildId: String(u.buildId), locale: u.locale, defaultLocale: String(u.defaultLocale),
      domainLocale: String(u.domainLocale), string: String(u), json: JSON.stringify({ u }),
      isNextURL: u instanceof NextURL, searchParamsIsURLSearchParams: u.searchParams instanceof URLSearchParams,
    }),
    setters: () => {
      const c = u.clone();
      c.pathname = '/api/other';
      c.search = '?a=1';
      c.hash = '#top';
      c.port = '8080';
      c.protocol = 'https:';
      const moved = c.toString();
      c.basePath = 'base';
      const based = c.href;
      c.href = 'http://127.0.0.1:9/x/y/';
      u.pathname = '/api/changed';
      return [moved, based, c.href, c.pathname, u.pathname, req.url, req.nextUrl === u].join(' | ');
    },
    locale: () => attempt(() => { u.locale = 'fr'; }),
    newNextURL: () => {
      const a = new NextURL('http://127.0.0.1:3000/a/b/?q=1');
      const b = new NextURL('/docs/p?x#h', 'https://example.com', { nextConfig: { basePath: '/docs' } });
      const cfg = { nextConfig: { i18n: { locales: ['en', 'fr'], defaultLocale: 'en' } } };
      const c = new NextURL('https://example.com/_next/data/build-1/fr/page.json', cfg);
      const d = new NextURL('https://example.com/fr/about', cfg);
      d.locale = 'en';
      return [a.href, a.pathname, b.pathname, b.basePath, b.href, c.buildId, c.locale, c.pathname, c.href, d.href, attempt(() => { d.locale = 'de'; })].join(' | ');
    },
    cookies: () => {
      const c = req.cookies;
      const before = [c.size, JSON.stringify(c.get('a')), JSON.stringify(c.get({ name: 'b' })), c.has('bad'), c.has('flag'),
        JSON.stringify(c.getAll()), JSON.stringify(c.getAll('a')), JSON.stringify([...c]), String(c)].join(' | ');
      const same = c.set('c', 'x y') === c;
      const deleted = [c.delete('b'), JSON.stringify(c.delete(['nope', 'flag']))].join(',');
      const after = [same, deleted, c.size, req.headers.get('cookie'), String(c)].join(' | ');
      c.clear();
      return [before, after, c.size, JSON.stringify(req.headers.get('cookie'))].join(' || ');
    },
    // Next strips the App Router's flight headers before edge handlers see them.
    flightHeaders: () => ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-hmr-refresh',
      'next-router-segment-prefetch', 'next-url', 'x-other'].map((h) => `${h}=${req.headers.get(h)}`).join(' '),
    forwarded: () => ['host', 'x-forwarded-host', 'x-forwarded-port', 'x-forwarded-proto', 'x-forwarded-for']
      .map((h) => `${h}=${req.headers.get(h)}`).join(' '),
    removed: () => [attempt(() => req.page), attempt(() => req.ua), typeof req.geo, typeof req.ip].join(' || '),
    hint: () => [req.sourcePage, event.sourcePage, req instanceof NextRequest, req instanceof Request,
      typeof event.waitUntil, Object.prototype.toString.call(req),
      attempt(() => req.waitUntil(Promise.resolve())), attempt(() => req.respondWith()), attempt(() => req.request),
      attempt(() => event.request), attempt(() => event.respondWith(new Response('x')))].join(' || '),
    newNextRequest: () => {
      const r = new NextRequest('http://example.com/a/b/?z=1', { headers: { cookie: 'k=v%20w' }, method: 'POST', body: 'hi' });
      return [r.url, r.nextUrl.pathname, r.cookies.get('k').value, r.method, attempt(() => new NextRequest('/relative'))].join(' | ');
    },
  }, req.headers.get('x-probe'));
}
