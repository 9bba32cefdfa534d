'use strict';
// Internal: adapters between Node streams and WHATWG streams
// (Readable.fromWeb/toWeb, Writable.fromWeb/toWeb, Duplex.fromWeb/toWeb).

const { Buffer } = require('buffer');
const { codes } = require('internal/errors');

function webGlobal(name) {
  const C = globalThis[name];
  if (typeof C !== 'function') {
    const e = new Error(`edgerun: ${name} is not available in this isolate`);
    e.code = 'ERR_NOT_SUPPORTED';
    throw e;
  }
  return C;
}

function toChunk(value, objectMode, encoding) {
  if (objectMode) return value;
  if (typeof value === 'string') return Buffer.from(value, encoding);
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (ArrayBuffer.isView(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  throw new codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], value);
}

function newStreamReadableFromReadableStream(readableStream, options = {}) {
  if (readableStream == null || typeof readableStream.getReader !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream', readableStream);
  }
  const Readable = require('internal/streams/readable');
  const { highWaterMark, encoding, objectMode = false, signal } = options;
  const reader = readableStream.getReader();
  let closed = false;
  const readable = new Readable({
    objectMode,
    highWaterMark,
    encoding,
    signal,
    read() {
      reader.read().then((chunk) => {
        if (chunk.done) {
          readable.push(null);
        } else {
          readable.push(toChunk(chunk.value, objectMode));
        }
      }, (error) => readable.destroy(error));
    },
    destroy(error, callback) {
      function done() {
        try {
          callback(error);
        } catch (err) {
          require('process').nextTick(() => { throw err; });
        }
      }
      if (!closed) {
        reader.cancel(error).then(done, done);
        return;
      }
      done();
    },
  });
  reader.closed.then(() => { closed = true; }, (error) => {
    closed = true;
    readable.destroy(error);
  });
  return readable;
}

function newReadableStreamFromStreamReadable(streamReadable, options = {}) {
  const ReadableStream = webGlobal('ReadableStream');
  const objectMode = streamReadable.readableObjectMode;
  let controller;
  function onData(chunk) {
    if (Buffer.isBuffer(chunk) && !objectMode) chunk = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  }
  function onError(error) { controller.error(error); }
  const eos = require('internal/streams/end-of-stream');
  const cleanup = eos(streamReadable, (error) => {
    cleanup();
    streamReadable.on('error', () => {});
    if (error) return onError(error);
    controller.close();
  });
  streamReadable.on('data', onData);
  const strategy = options.strategy || (objectMode ? { highWaterMark: 16 } : { highWaterMark: streamReadable.readableHighWaterMark, size(chunk) { return chunk.byteLength; } });
  return new ReadableStream({
    start(c) { controller = c; },
    pull() { streamReadable.resume(); },
    cancel(reason) { require('internal/streams/destroy').destroyer(streamReadable, reason); },
  }, strategy);
}

function newStreamWritableFromWritableStream(writableStream, options = {}) {
  if (writableStream == null || typeof writableStream.getWriter !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream', writableStream);
  }
  const Writable = require('internal/streams/writable');
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options;
  const writer = writableStream.getWriter();
  let closed = false;
  const writable = new Writable({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,
    write(chunk, encoding, callback) {
      writer.ready.then(() => writer.write(objectMode ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)))
        .then(() => callback(), (error) => callback(error));
    },
    destroy(error, callback) {
      function done() { callback(error); }
      if (!closed) {
        if (error != null) writer.abort(error).then(done, done);
        else writer.close().then(done, done);
        return;
      }
      done();
    },
    final(callback) {
      writer.ready.then(() => writer.close()).then(() => { closed = true; callback(); }, (error) => callback(error));
    },
  });
  writer.closed.then(() => { closed = true; }, (error) => {
    closed = true;
    writable.destroy(error);
  });
  return writable;
}

function newWritableStreamFromStreamWritable(streamWritable) {
  const WritableStream = webGlobal('WritableStream');
  let controller;
  let backpressurePromise;
  function onDrain() {
    if (backpressurePromise !== undefined) backpressurePromise.resolve();
  }
  streamWritable.on('drain', onDrain);
  const eos = require('internal/streams/end-of-stream');
  const cleanup = eos(streamWritable, (error) => {
    cleanup();
    streamWritable.on('error', () => {});
    if (error != null) {
      if (backpressurePromise !== undefined) backpressurePromise.reject(error);
      controller.error(error);
      return;
    }
    controller.error(new codes.ERR_STREAM_PREMATURE_CLOSE());
  });
  return new WritableStream({
    start(c) { controller = c; },
    write(chunk) {
      if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
        return new Promise((resolve, reject) => { backpressurePromise = { resolve, reject }; }).then(() => { backpressurePromise = undefined; });
      }
      return undefined;
    },
    abort(reason) { require('internal/streams/destroy').destroyer(streamWritable, reason); },
    close() {
      return new Promise((resolve, reject) => {
        streamWritable.end((err) => (err ? reject(err) : resolve()));
      });
    },
  }, { highWaterMark: streamWritable.writableHighWaterMark });
}

function newStreamDuplexFromReadableWritablePair(pair = {}, options = {}) {
  const Duplex = require('internal/streams/duplex');
  const r = newStreamReadableFromReadableStream(pair.readable, options);
  const w = newStreamWritableFromWritableStream(pair.writable, options);
  const d = new Duplex({
    objectMode: options.objectMode,
    read() { r.resume(); },
    write(chunk, enc, cb) { w.write(chunk, enc, cb); },
    final(cb) { w.end(cb); },
    destroy(err, cb) { r.destroy(err); w.destroy(err); cb(err); },
  });
  r.on('data', (chunk) => { if (!d.push(chunk)) r.pause(); });
  r.on('end', () => d.push(null));
  r.on('error', (err) => d.destroy(err));
  w.on('error', (err) => d.destroy(err));
  return d;
}

function newReadableWritablePairFromDuplex(duplex) {
  return {
    readable: newReadableStreamFromStreamReadable(duplex),
    writable: newWritableStreamFromStreamWritable(duplex),
  };
}

module.exports = {
  newStreamReadableFromReadableStream,
  newReadableStreamFromStreamReadable,
  newStreamWritableFromWritableStream,
  newWritableStreamFromStreamWritable,
  newStreamDuplexFromReadableWritablePair,
  newReadableWritablePairFromDuplex,
};
