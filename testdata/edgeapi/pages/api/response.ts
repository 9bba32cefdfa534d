// NextResponse (spec §2.5): the probe named by the x-probe header returns
// the response under test, or the text of what it threw.
import { NextResponse, userAgent } from 'next/server';
import { probe } from '../../lib/probe';

export const config = { runtime: 'edge' };

export default function handler(req: any) {
  return probe({
    json: () => NextResponse.json({ a: [1, 'two'] }, { status: 201, headers: { 'x-extra': 'yes' } }),
    jsonType: () => String(NextResponse.json(null) instanceof NextResponse),
    redirect: () => NextResponse.redirect('https://example.com/elsewhere?x=1'),
    redirectSameHost: () => NextResponse.redirect(new URL('/api/target?q=1#frag', req.url), 301),
    redirectInit: () => NextResponse.redirect('https://example.com/', { status: 308, headers: { 'x-kept': 'yes' } }),
    redirectRelative: () => NextResponse.redirect('/foo'),
    redirectStatus: () => NextResponse.redirect('https://example.com/', 200),
    responseRedirectRelative: () => Response.redirect('/foo'),
    requestRelative: () => new Request('/foo'),
    // Next's sandbox Request subclass keeps a Request input whole.
    requestCopy: async () => {
      const src = new Request('http://example.com/p', { method: 'POST', body: 'data', headers: { 'x-h': '1' } });
      const copy = new Request(src);
      return [copy.method, copy.headers.get('x-h'), await copy.text(), Object.keys(copy).join('+'), copy instanceof Request].join(' | ');
    },
    rewrite: () => NextResponse.rewrite(new URL('/api/other', req.url), { headers: { 'x-a': 'b' } }),
    next: () => {
      const headers = new Headers({ 'x-user': 'ada', authorization: 'Bearer t' });
      return NextResponse.next({ request: { headers } });
    },
    nextBadHeaders: () => NextResponse.next({ request: { headers: { plain: 'object' } } as any }),
    cookies: () => {
      const res = new NextResponse('cookies');
      res.cookies.set('x', 'y', { httpOnly: true });
      res.cookies.set({ name: 'z', value: '1', maxAge: 10 });
      res.cookies.set('s', 'a b', { path: '/p', domain: 'example.com', secure: true, sameSite: 'lax', priority: 'high', partitioned: true });
      res.cookies.delete('gone');
      res.headers.set('x-cookies', [res.cookies.has('x'), JSON.stringify(res.cookies.get('x')), res.cookies.getAll().length,
        res.cookies.getAll('s')[0].sameSite, res.cookies.constructor.name.startsWith('bound ')].join(' | '));
      return res;
    },
    // One Set-Cookie value holding two cookies is sent as two lines.
    setCookieJoined: () => new Response('joined', {
      headers: [['set-cookie', 'a=1; Path=/, b=2; Expires=Thu, 01 Jan 1970 00:00:00 GMT'], ['set-cookie', 'c=3']],
    }),
    cookiesParsed: () => {
      const res = new NextResponse('parsed', { headers: [['set-cookie', 'a=1; Path=/x; HttpOnly; Max-Age=0; SameSite=Strict'], ['set-cookie', 'b=%2520; Expires=Thu, 01 Jan 1970 00:00:00 GMT']] });
      res.headers.append('set-cookie', 'late=1');
      return JSON.stringify([res.cookies.get('a'), res.cookies.get('b'), res.cookies.get('late'), String(res.cookies)]);
    },
    userAgent: () => {
      const ua = userAgent(req);
      return JSON.stringify({ ua: ua.ua, browser: ua.browser, engine: ua.engine, os: ua.os, device: ua.device, cpu: ua.cpu, isBot: ua.isBot });
    },
  }, req.headers.get('x-probe'));
}
