'use strict';
// Internal: Duplex (a Readable that is also a Writable), Transform and
// PassThrough.

const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const { codes } = require('internal/errors');
const { nextTick, kConstruct, kOnConstructed } = require('internal/streams/state');

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  // The writable state exists before Readable's constructor runs, so a
  // _construct step holds back both sides.
  this._writableState = new Writable.WritableState(options, this, true);
  Readable.call(this, options);
  if (options) {
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.final === 'function') this._final = options.final;
    this.allowHalfOpen = options.allowHalfOpen !== false;
    if (options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }
    if (options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }
    if (options.signal) require('internal/streams/add-abort-signal').addAbortSignalNoValidate(options.signal, this);
  } else {
    this.allowHalfOpen = true;
  }
  if (typeof this._construct === 'function') {
    this.once(kConstruct, () => Writable[kOnConstructed](this));
  }
  if (!this.allowHalfOpen) this.once('end', onReadableEnd);
}
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

function onReadableEnd() {
  if (this._writableState.ended) return;
  nextTick(() => this.end());
}

for (const method of Object.getOwnPropertyNames(Writable.prototype)) {
  if (method === 'constructor' || method === 'destroy' || method === '_undestroy' || method === '_destroy') continue;
  if (!(method in Duplex.prototype)) {
    Object.defineProperty(Duplex.prototype, method, Object.getOwnPropertyDescriptor(Writable.prototype, method));
  }
}
// Properties both sides define resolve to the combined state.
Object.defineProperty(Duplex.prototype, 'destroyed', {
  configurable: true,
  get() {
    if (this._readableState === undefined || this._writableState === undefined) return false;
    return this._readableState.destroyed && this._writableState.destroyed;
  },
  set(value) {
    if (this._readableState && this._writableState) {
      this._readableState.destroyed = value;
      this._writableState.destroyed = value;
    }
  },
});
Duplex.prototype.destroy = Writable.prototype.destroy;

Duplex.from = function from(body) {
  return require('internal/streams/duplexify')(body, 'body');
};
Duplex.fromWeb = function (pair, options) {
  return require('internal/streams/web').newStreamDuplexFromReadableWritablePair(pair, options);
};
Duplex.toWeb = function (duplex) {
  return require('internal/streams/web').newReadableWritablePairFromDuplex(duplex);
};

// ---- Transform ----

const kCallback = Symbol('kCallback');

function Transform(options) {
  if (!(this instanceof Transform)) return new Transform(options);
  const readableHighWaterMark = options ? (options.readableHighWaterMark != null ? options.readableHighWaterMark : null) : null;
  if (readableHighWaterMark === 0) {
    options = {
      ...options,
      highWaterMark: null,
      readableHighWaterMark,
      writableHighWaterMark: options.writableHighWaterMark || 0,
    };
  }
  Duplex.call(this, options);
  this._readableState.sync = false;
  this[kCallback] = null;
  if (options) {
    if (typeof options.transform === 'function') this._transform = options.transform;
    if (typeof options.flush === 'function') this._flush = options.flush;
  }
  this.on('prefinish', prefinish);
}
Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
Object.setPrototypeOf(Transform, Duplex);

function final(cb) {
  if (typeof this._flush === 'function' && !this.destroyed) {
    this._flush((er, data) => {
      if (er) {
        if (cb) cb(er);
        else this.destroy(er);
        return;
      }
      if (data != null) this.push(data);
      this.push(null);
      if (cb) cb();
    });
  } else {
    this.push(null);
    if (cb) cb();
  }
}

function prefinish() {
  if (this._final !== final) final.call(this);
}

Transform.prototype._final = final;

Transform.prototype._transform = function () {
  throw new codes.ERR_METHOD_NOT_IMPLEMENTED('_transform()');
};

Transform.prototype._write = function (chunk, encoding, callback) {
  const rState = this._readableState;
  const wState = this._writableState;
  const length = rState.length;
  this._transform(chunk, encoding, (err, val) => {
    if (err) {
      callback(err);
      return;
    }
    if (val != null) this.push(val);
    if (rState.ended) {
      nextTick(callback);
    } else if (wState.ended || length === rState.length || rState.length < rState.highWaterMark) {
      callback();
    } else {
      this[kCallback] = callback;
    }
  });
};

Transform.prototype._read = function () {
  if (this[kCallback]) {
    const callback = this[kCallback];
    this[kCallback] = null;
    callback();
  }
};

function PassThrough(options) {
  if (!(this instanceof PassThrough)) return new PassThrough(options);
  Transform.call(this, options);
}
Object.setPrototypeOf(PassThrough.prototype, Transform.prototype);
Object.setPrototypeOf(PassThrough, Transform);

PassThrough.prototype._transform = function (chunk, encoding, cb) {
  cb(null, chunk);
};


Duplex.Transform = Transform;
Duplex.PassThrough = PassThrough;
module.exports = Duplex;
