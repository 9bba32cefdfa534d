// realmReport checks that everything a route creates or receives belongs
// to its own isolate's realm: instanceof and prototypes hold for platform
// objects, errors the platform throws, and values fetch() returns. It also
// keeps module state across requests (earlier objects must still pass) and
// a global mark the other route must never see.
import { NextRequest, NextResponse } from 'next/server';

const kept: Array<[string, unknown, Function]> = [];
let hits = 0;

async function thrown(f: () => unknown): Promise<unknown> {
  try {
    await f();
  } catch (e) {
    return e;
  }
  return undefined;
}

export async function realmReport(route: string, req: any, event: any): Promise<Response> {
  const g = globalThis as any;
  g.__edgeapiMark ??= route;
  hits++;
  const upstream = req.nextUrl.searchParams.get('upstream');
  const checks: Array<[string, unknown, Function]> = [];
  const is = (name: string, v: unknown, C: Function) => checks.push([name, v, C]);

  is('req', req, Request);
  is('req NextRequest', req, NextRequest);
  is('req.headers', req.headers, Headers);
  is('req.signal', req.signal, AbortSignal);
  is('searchParams', req.nextUrl.searchParams, URLSearchParams);
  is('event', event, Object);
  is('req.arrayBuffer', await req.clone().arrayBuffer(), ArrayBuffer);
  is('req.text()', req.text(), Promise);
  is('Request', new Request('http://example.com/'), Request);
  is('Response', new Response('x'), Response);
  is('Response.json', Response.json({ a: 1 }), Response);
  is('NextResponse.json', NextResponse.json({ a: 1 }), Response);
  is('Headers', new Headers({ a: '1' }), Headers);
  is('headers entry', [...new Headers({ a: '1' })][0], Array);
  is('URL', new URL('http://example.com/?q=1'), URL);
  is('URL.searchParams', new URL('http://example.com/?q=1').searchParams, URLSearchParams);
  const body = new Response('hello').body!;
  is('body', body, ReadableStream);
  const reader = body.getReader();
  is('reader', reader, ReadableStreamDefaultReader);
  const read = await reader.read();
  is('read result', read, Object);
  is('chunk', read.value, Uint8Array);
  is('ReadableStream', new ReadableStream(), ReadableStream);
  is('TransformStream.readable', new TransformStream().readable, ReadableStream);
  is('Blob', new Blob(['x']), Blob);
  is('Blob.arrayBuffer', await new Blob(['x']).arrayBuffer(), ArrayBuffer);
  is('FormData', new FormData(), FormData);
  is('encode', new TextEncoder().encode('x'), Uint8Array);
  is('json()', await new Response('{"a":[1]}').json(), Object);
  is('json() array', (await new Response('{"a":[1]}').json()).a, Array);
  is('structuredClone', structuredClone({ a: [1] }).a, Array);
  is('structuredClone Date', structuredClone(new Date(0)), Date);
  is('getRandomValues', crypto.getRandomValues(new Uint8Array(4)), Uint8Array);
  is('digest', await crypto.subtle.digest('SHA-256', new TextEncoder().encode('x')), ArrayBuffer);
  is('AbortController', new AbortController().signal, AbortSignal);
  is('abort reason', AbortSignal.abort().reason, DOMException);
  is('abort reason is an Error', AbortSignal.abort().reason, Error);
  is('URL error', await thrown(() => new URL('nope')), TypeError);
  is('URL error is an Error', await thrown(() => new URL('nope')), Error);
  is('status error', await thrown(() => new Response(null, { status: 1 })), RangeError);
  is('header name error', await thrown(() => new Headers().append('bad name', 'x')), TypeError);
  is('body used error', await thrown(async () => { const r = new Response('x'); await r.text(); await r.text(); }), TypeError);
  is('JSON error', await thrown(() => new Response('{').json()), SyntaxError);
  if (upstream) {
    const p = fetch(upstream);
    is('fetch promise', p, Promise);
    const res = await p;
    is('fetch response', res, Response);
    is('fetch headers', res.headers, Headers);
    is('fetch body', res.body, ReadableStream);
    const data = await res.json();
    is('fetch json', data, Object);
    is('fetch json array', data.list, Array);
    is('fetch error', await thrown(() => fetch('http://unreachable.invalid/')), TypeError);
  }
  // Objects from earlier requests on this isolate still belong to it.
  for (const [name, v, C] of kept) checks.push([`kept ${name}`, v, C]);
  if (kept.length < 200) kept.push(['Response', new Response('k'), Response], ['URL', new URL('http://k/'), URL]);

  const failures = checks.filter(([, v, C]) => !(v instanceof (C as any))).map(([name]) => name);
  return Response.json({ route, mark: g.__edgeapiMark, failures, kept: kept.length > 0, hits: hits > 0 });
}
