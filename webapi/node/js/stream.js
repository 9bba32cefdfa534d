'use strict';
// node:stream

const { Stream } = require('internal/streams/legacy');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const Duplex = require('internal/streams/duplex');
const eos = require('internal/streams/end-of-stream');
const { pipeline } = require('internal/streams/pipeline');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const destroyImpl = require('internal/streams/destroy');
const state = require('internal/streams/state');
const { codes } = require('internal/errors');

Stream.isDestroyed = state.isDestroyed;
Stream.isDisturbed = state.isDisturbed;
Stream.isErrored = state.isErrored;
Stream.isReadable = state.isReadable;
Stream.isWritable = state.isWritable;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Duplex.Transform;
Stream.PassThrough = Duplex.PassThrough;
Stream.pipeline = pipeline;
Stream.addAbortSignal = addAbortSignal;
Stream.finished = eos;
Stream.destroy = destroyImpl.destroyer;
Stream.compose = function compose(...streams) {
  if (streams.length === 0) throw new codes.ERR_MISSING_ARGS('streams');
  if (streams.length === 1) return Duplex.from(streams[0]);
  const e = new Error('edgerun: node:stream.compose is not supported');
  e.code = 'ERR_NOT_SUPPORTED';
  throw e;
};
Stream.getDefaultHighWaterMark = state.getDefaultHighWaterMark;
Stream.setDefaultHighWaterMark = state.setDefaultHighWaterMark;
Stream.duplexPair = function duplexPair(options) {
  const a = new Duplex({ ...options, read() {}, write(chunk, enc, cb) { b.push(chunk); cb(); }, final(cb) { b.push(null); cb(); } });
  const b = new Duplex({ ...options, read() {}, write(chunk, enc, cb) { a.push(chunk); cb(); }, final(cb) { a.push(null); cb(); } });
  return [a, b];
};
Object.defineProperty(Stream, 'promises', {
  configurable: true,
  enumerable: true,
  get() { return require('stream/promises'); },
});
Object.defineProperty(pipeline, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: true,
  get() { return require('stream/promises').pipeline; },
});
Object.defineProperty(eos, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: true,
  get() { return require('stream/promises').finished; },
});
Stream.Stream = Stream;
Stream._isUint8Array = (v) => v instanceof Uint8Array;
Stream._uint8ArrayToBuffer = (chunk) => require('buffer').Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

module.exports = Stream;
