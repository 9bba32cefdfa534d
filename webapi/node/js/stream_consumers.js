'use strict';
// node:stream/consumers — collect a Node stream, web stream or async
// iterable.

const { Buffer } = require('buffer');

const asyncIteratorSymbol = Symbol.asyncIterator || Symbol.for('Symbol.asyncIterator');

function collect(stream, onChunk) {
  let it;
  if (stream && typeof stream[asyncIteratorSymbol] === 'function') {
    it = stream[asyncIteratorSymbol]();
  } else if (stream && typeof stream.getReader === 'function') {
    const reader = stream.getReader();
    it = { next: () => reader.read(), return: () => { reader.releaseLock(); return Promise.resolve({ done: true }); } };
  } else {
    return Promise.reject(new TypeError('The "stream" argument must be a stream or an async iterable'));
  }
  return new Promise((resolve, reject) => {
    const step = () => it.next().then(({ value, done }) => {
      if (done) { resolve(); return; }
      onChunk(value);
      step();
    }, reject);
    step();
  });
}

async function buffer(stream) {
  const chunks = [];
  await collect(stream, (chunk) => {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  });
  return Buffer.concat(chunks);
}

async function arrayBuffer(stream) {
  const b = await buffer(stream);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
}

async function text(stream) {
  const { StringDecoder } = require('string_decoder');
  const dec = new StringDecoder('utf8');
  let str = '';
  await collect(stream, (chunk) => {
    str += typeof chunk === 'string' ? chunk : dec.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  });
  return str + dec.end();
}

async function json(stream) {
  return JSON.parse(await text(stream));
}

async function blob(stream) {
  const Blob = globalThis.Blob;
  if (typeof Blob !== 'function') {
    const e = new Error('edgerun: node:stream/consumers.blob is not supported (no Blob in this isolate)');
    e.code = 'ERR_NOT_SUPPORTED';
    throw e;
  }
  return new Blob([await buffer(stream)]);
}

module.exports = { arrayBuffer, blob, buffer, json, text };
