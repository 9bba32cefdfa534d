// The edge global scope (spec §2.6–2.7): what exists, what is a throwing
// stub, what is absent, process and require.
import { probe } from '../../lib/probe';

export const config = { runtime: 'edge' };

declare const EdgeRuntime: string;

// Next's EDGE_UNSUPPORTED_NODE_APIS: functions that throw when called.
const stubs = ['clearImmediate', 'setImmediate', 'BroadcastChannel', 'ByteLengthQueuingStrategy', 'CompressionStream',
  'DecompressionStream', 'DomException', 'MessageChannel', 'MessageEvent', 'MessagePort', 'ReadableByteStreamController',
  'ReadableStreamBYOBRequest', 'ReadableStreamDefaultController', 'TransformStreamDefaultController',
  'WritableStreamDefaultController'];

const absent = ['Buffer', 'global', 'module', 'exports', '__dirname', '__filename', 'navigator', 'caches', 'reportError'];

const present = ['fetch', 'Request', 'Response', 'Headers', 'FormData', 'File', 'Blob', 'URL', 'URLSearchParams',
  'URLPattern', 'AbortController', 'AbortSignal', 'DOMException', 'ReadableStream', 'ReadableStreamBYOBReader',
  'ReadableStreamDefaultReader', 'WritableStream', 'WritableStreamDefaultWriter', 'TransformStream', 'TextEncoder',
  'TextDecoder', 'TextEncoderStream', 'TextDecoderStream', 'atob', 'btoa', 'crypto', 'Crypto', 'CryptoKey', 'SubtleCrypto',
  'structuredClone', 'Event', 'EventTarget', 'console', 'performance', 'setTimeout', 'setInterval', 'clearTimeout',
  'clearInterval', 'queueMicrotask', 'self', 'globalThis', 'addEventListener', 'removeEventListener', 'AsyncLocalStorage'];

// The sandbox's global require (the bundler resolves static requires at
// build time; this one runs at request time).
const dynamicRequire = (id: string) => (globalThis as any).require(id);

function call(name: string): string {
  const g = globalThis as any;
  try {
    const v = g[name];
    if (typeof v !== 'function') return `${name}: ${typeof v}`;
    try {
      v();
    } catch (e: any) {
      if (!(e instanceof TypeError) || !/constructor|new/.test(e.message)) throw e;
      new v();
    }
    return `${name}: no error`;
  } catch (e: any) {
    return `${name}: ${e.name}: ${e.message}`;
  }
}

export default function handler(req: any) {
  const g = globalThis as any;
  return probe({
    edgeRuntime: () => `${typeof EdgeRuntime} ${EdgeRuntime}`,
    present: () => present.filter((n) => !(n in g) || g[n] === undefined).join(',') || 'all present',
    absent: () => absent.map((n) => `${n}:${typeof g[n]}`).join(','),
    stubTypes: () => stubs.map((n) => typeof g[n]).join(','),
    stubs: () => stubs.map(call).join('\n'),
    processEnv: () => JSON.stringify({ runtime: process.env.NEXT_RUNTIME, fixture: process.env.EDGEAPI_FIXTURE, nodeEnv: process.env.NODE_ENV }),
    processKeys: () => Object.keys(process).join(','),
    processNames: () => Object.getOwnPropertyNames(process).map((k) => `${k}:${typeof (process as any)[k]}`).join(','),
    processValues: () => ['version', 'platform', 'argv', 'stdout', 'on', 'emit'].map((k) => `${k}:${typeof (process as any)[k]}`).join(','),
    processFunctions: () => ['cwd', 'exit', 'nextTick', 'hrtime', 'memoryUsage', 'emitWarning', 'uptime'].map((k) => {
      try {
        (process as any)[k]();
        return `${k}: no error`;
      } catch (e: any) {
        return `${k}: ${e.name}: ${e.message}`;
      }
    }).join('\n'),
    processOverride: () => {
      (process as any).cwd = () => '/custom';
      return (process as any).cwd();
    },
    requireNode: () => ['node:buffer', 'node:events', 'node:async_hooks', 'node:assert', 'node:util'].map((id) => {
      const m = dynamicRequire(id);
      return `${id}:${Object.keys(m).sort().join('+')}`;
    }).join('\n'),
    requireWorks: () => {
      const { EventEmitter } = dynamicRequire('node:events');
      const { Buffer } = dynamicRequire('node:buffer');
      const { AsyncLocalStorage } = dynamicRequire('node:async_hooks');
      const util = dynamicRequire('node:util');
      const assert = dynamicRequire('node:assert');
      const e = new EventEmitter();
      let got = '';
      e.on('x', (v: string) => { got = v; });
      e.emit('x', 'fired');
      const als = new AsyncLocalStorage();
      assert.strictEqual(1, 1);
      return [got, Buffer.from('hi').toString('base64'), als.run(7, () => als.getStore()), util.format('%s=%d', 'n', 3)].join(' ');
    },
    fullProfile: async () => {
      const out: unknown[] = [];
      out.push(await new Promise((resolve) => setImmediate(() => resolve('setImmediate ran'))));
      clearImmediate(setImmediate(() => {}));
      const { port1, port2 } = new MessageChannel();
      const got = new Promise((resolve) => { port2.onmessage = (e: MessageEvent) => resolve(e.data); });
      port1.postMessage('ping');
      out.push(await got);
      port1.close();
      new BroadcastChannel('edgeapi').close();
      out.push(new ByteLengthQueuingStrategy({ highWaterMark: 8 }).size(new Uint8Array(3)));
      const gzip = new Blob(['hello']).stream().pipeThrough(new CompressionStream('gzip')).pipeThrough(new DecompressionStream('gzip'));
      out.push(await new Response(gzip).text());
      out.push(new MessageEvent('message', { data: 'evt' }).data);
      out.push(['ReadableByteStreamController', 'ReadableStreamBYOBRequest', 'ReadableStreamDefaultController',
        'TransformStreamDefaultController', 'WritableStreamDefaultController'].map((n) => typeof g[n].prototype).join('+'));
      out.push(`DomException:${typeof g.DomException}`);
      return out.join(' | ');
    },
    requireMissing: () => ['fs', 'node:fs', 'buffer', 'next/server', 'left-pad'].map((id) => {
      try {
        dynamicRequire(id);
        return `${id}: loaded`;
      } catch (e: any) {
        return `${id}: ${e.name}: ${e.message}`;
      }
    }).join('\n'),
  }, req.headers.get('x-probe'));
}
