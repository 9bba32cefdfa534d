'use strict';
// Internal: stream.pipeline — pipes each stage into the next, destroys
// every stage when one fails, and calls back once the last stage is
// done. Stages may be streams, (async) iterables, or functions taking the
// previous stage as an async iterable.

const { codes, AbortError, validateFunction, validateAbortSignal } = require('internal/errors');
const eos = require('internal/streams/end-of-stream');
const destroyImpl = require('internal/streams/destroy');
const {
  nextTick, once, isIterable, isReadableNodeStream, isNodeStream, isReadableFinished, isReadable,
  isWebReadableStream, isWebWritableStream,
} = require('internal/streams/state');

const asyncIteratorSymbol = Symbol.asyncIterator || Symbol.for('Symbol.asyncIterator');

function popCallback(streams) {
  const cb = streams[streams.length - 1];
  validateFunction(cb, 'streams[stream.length - 1]');
  return streams.pop();
}

function destroyer(stream, reading, writing) {
  let finished = false;
  stream.on('close', () => { finished = true; });
  const cleanup = eos(stream, { readable: reading, writable: writing }, (err) => {
    finished = !err;
  });
  return {
    destroy: (err) => {
      if (finished) return;
      finished = true;
      destroyImpl.destroyer(stream, err || new codes.ERR_STREAM_DESTROYED('pipe'));
    },
    cleanup,
  };
}

// asyncIterableOf turns a stage's output into an async iterable for a
// following function stage.
function asyncIterableOf(val) {
  if (isIterable(val, true)) return val;
  if (isIterable(val, false)) {
    const it = val[Symbol.iterator]();
    return {
      [asyncIteratorSymbol]() {
        return {
          next: () => Promise.resolve(it.next()).then((r) => Promise.resolve(r.value).then((value) => ({ value, done: r.done }))),
          return: () => Promise.resolve(typeof it.return === 'function' ? it.return() : { done: true }),
        };
      },
    };
  }
  if (isReadableNodeStream(val)) return val;
  throw new codes.ERR_INVALID_ARG_TYPE('val', ['Readable', 'Iterable', 'AsyncIterable'], val);
}

// pumpToNode writes an (async) iterable into a Writable, honouring
// backpressure, then ends it.
function pumpToNode(iterable, writable, finish, { end }) {
  let error;
  let onresolve = null;
  const resume = (err) => {
    if (err) error = err;
    if (onresolve) {
      const cb = onresolve;
      onresolve = null;
      cb();
    }
  };
  const wait = () => new Promise((resolve, reject) => {
    if (error) reject(error);
    else onresolve = () => (error ? reject(error) : resolve());
  });
  writable.on('drain', resume);
  const cleanup = eos(writable, { readable: false }, resume);
  const src = asyncIterableOf(iterable);
  const it = src[asyncIteratorSymbol]();
  const loop = () => it.next().then(({ value, done }) => {
    if (done) return undefined;
    if (!writable.write(value)) return wait().then(loop);
    return loop();
  });
  loop().then(() => {
    if (end) {
      writable.end();
      return wait();
    }
    return undefined;
  }).then(() => finish(), (err) => {
    finish(error !== err ? aggregate(error, err) : err);
    if (typeof it.return === 'function') Promise.resolve(it.return()).catch(() => {});
  }).then(() => {
    cleanup();
    writable.off('drain', resume);
  });
}

function aggregate(a, b) {
  if (a && b && a !== b) {
    if (Array.isArray(b.errors)) { b.errors.push(a); return b; }
    const err = new AggregateError([b, a], b.message);
    err.code = b.code;
    return err;
  }
  return a || b;
}

function pipeline(...streams) {
  return pipelineImpl(streams, once(popCallback(streams)));
}

function pipelineImpl(streams, callback, opts) {
  if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
  if (streams.length < 2) throw new codes.ERR_MISSING_ARGS('streams');

  const ac = typeof AbortController === 'function' ? new AbortController() : null;
  const signal = ac ? ac.signal : undefined;
  const outerSignal = opts && opts.signal;
  const lastStreamCleanup = [];
  validateAbortSignal(outerSignal, 'options.signal');

  function abort() {
    finishImpl(new AbortError(undefined, { cause: outerSignal && outerSignal.reason }));
  }
  if (outerSignal) {
    if (outerSignal.aborted) nextTick(abort);
    else outerSignal.addEventListener('abort', abort, { once: true });
  }

  let error;
  let value;
  const destroys = [];
  let finishCount = 0;

  function finish(err) {
    finishImpl(err, --finishCount === 0);
  }

  function finishImpl(err, final) {
    if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) error = err;
    if (!error && !final) return;
    while (destroys.length) destroys.shift()(error);
    if (outerSignal) outerSignal.removeEventListener('abort', abort);
    if (ac) ac.abort();
    if (final) {
      if (!error) lastStreamCleanup.forEach((fn) => fn());
      nextTick(callback, error, value);
    }
  }

  let ret;
  for (let i = 0; i < streams.length; i++) {
    const stream = streams[i];
    const reading = i < streams.length - 1;
    const writing = i > 0;
    const end = reading || !opts || opts.end !== false;
    const isLastStream = i === streams.length - 1;

    if (isNodeStream(stream)) {
      if (end) {
        const { destroy, cleanup } = destroyer(stream, reading, writing);
        destroys.push(destroy);
        if (isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
      }
      const onError = (err) => {
        if (err && err.name !== 'AbortError' && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') finish(err);
      };
      stream.on('error', onError);
      if (isReadable(stream) && isLastStream) {
        lastStreamCleanup.push(() => stream.removeListener('error', onError));
      }
    }

    if (i === 0) {
      if (typeof stream === 'function') {
        ret = stream({ signal });
        if (!isIterable(ret)) throw new codes.ERR_INVALID_RETURN_VALUE('Iterable, AsyncIterable or Stream', 'source', ret);
      } else if (isIterable(stream) || isReadableNodeStream(stream)) {
        ret = stream;
      } else if (isWebReadableStream(stream)) {
        ret = require('internal/streams/readable').fromWeb(stream);
        const { destroy } = destroyer(ret, true, false);
        destroys.push(destroy);
      } else {
        ret = require('internal/streams/duplex').from(stream);
      }
    } else if (typeof stream === 'function') {
      ret = asyncIterableOf(ret);
      ret = stream(ret, { signal });
      if (reading) {
        if (!isIterable(ret, true)) throw new codes.ERR_INVALID_RETURN_VALUE('AsyncIterable', `transform[${i - 1}]`, ret);
      } else {
        const PassThrough = require('internal/streams/duplex').PassThrough;
        const pt = new PassThrough({ objectMode: true });
        const then = ret && ret.then;
        if (typeof then === 'function') {
          finishCount++;
          then.call(ret, (val) => {
            value = val;
            if (val != null) pt.write(val);
            if (end) pt.end();
            nextTick(finish);
          }, (err) => {
            pt.destroy(err);
            nextTick(finish, err);
          });
        } else if (isIterable(ret, true)) {
          finishCount++;
          pumpToNode(ret, pt, finish, { end });
        } else {
          throw new codes.ERR_INVALID_RETURN_VALUE('AsyncIterable or Promise', 'destination', ret);
        }
        ret = pt;
        const { destroy, cleanup } = destroyer(ret, false, true);
        destroys.push(destroy);
        if (isLastStream) lastStreamCleanup.push(cleanup);
      }
    } else if (isNodeStream(stream)) {
      if (isReadableNodeStream(ret)) {
        finishCount += 2;
        const cleanup = pipe(ret, stream, finish, { end });
        if (isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
      } else if (isIterable(ret)) {
        finishCount++;
        pumpToNode(ret, stream, finish, { end });
      } else {
        throw new codes.ERR_INVALID_ARG_TYPE('val', ['Readable', 'Iterable', 'AsyncIterable'], ret);
      }
      ret = stream;
    } else if (isWebWritableStream(stream)) {
      const w = require('internal/streams/writable').fromWeb(stream);
      finishCount += 2;
      if (isReadableNodeStream(ret)) pipe(ret, w, finish, { end });
      else { finishCount--; pumpToNode(ret, w, finish, { end }); }
      ret = w;
    } else {
      ret = require('internal/streams/duplex').from(stream);
    }
  }
  if ((signal && signal.aborted) || (outerSignal && outerSignal.aborted)) nextTick(abort);
  return ret;
}

function pipe(src, dst, finish, { end }) {
  let ended = false;
  dst.on('close', () => {
    if (!ended) finish(new codes.ERR_STREAM_PREMATURE_CLOSE());
  });
  src.pipe(dst, { end: false });
  if (end) {
    const endFn = () => {
      ended = true;
      dst.end();
    };
    if (isReadableFinished(src)) nextTick(endFn);
    else src.once('end', endFn);
  } else {
    // The destination stays open: count it as done now.
    finish();
  }
  eos(src, { readable: true, writable: false }, (err) => {
    const rState = src._readableState;
    if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' && rState && rState.ended && !rState.errored && !rState.errorEmitted) {
      src.once('end', finish).once('error', finish);
    } else {
      finish(err);
    }
  });
  if (!end) return () => {};
  return eos(dst, { readable: false, writable: true }, finish);
}

module.exports = { pipelineImpl, pipeline };
