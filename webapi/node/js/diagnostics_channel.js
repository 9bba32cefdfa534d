'use strict';
// node:diagnostics_channel — named publish/subscribe channels.

const { validateFunction, codes } = require('internal/errors');

const channels = new Map();

class Channel {
  constructor(name) {
    this._subscribers = [];
    this.name = name;
  }
  get hasSubscribers() { return this._subscribers.length > 0; }
  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    this._subscribers = [...this._subscribers, subscription];
  }
  unsubscribe(subscription) {
    const i = this._subscribers.indexOf(subscription);
    if (i === -1) return false;
    this._subscribers = [...this._subscribers.slice(0, i), ...this._subscribers.slice(i + 1)];
    return true;
  }
  publish(data) {
    for (const fn of this._subscribers) {
      try {
        fn(data, this.name);
      } catch (err) {
        require('process').nextTick(() => { throw err; });
      }
    }
  }
  bindStore(store, transform) {
    this._stores = this._stores || new Map();
    this._stores.set(store, transform);
  }
  unbindStore(store) {
    return !!this._stores && this._stores.delete(store);
  }
  runStores(data, fn, thisArg, ...args) {
    let run = () => {
      this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    };
    if (this._stores) {
      for (const [store, transform] of this._stores) {
        const next = run;
        run = () => store.run(transform ? transform(data) : data, next);
      }
    }
    return run();
  }
}

function channel(name) {
  if (typeof name !== 'string' && typeof name !== 'symbol') throw new codes.ERR_INVALID_ARG_TYPE('channel', ['string', 'symbol'], name);
  let c = channels.get(name);
  if (!c) {
    c = new Channel(name);
    channels.set(name, c);
  }
  return c;
}

function tracingChannel(nameOrChannels) {
  const names = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];
  const tc = {};
  for (const n of names) {
    tc[n] = typeof nameOrChannels === 'string' ? channel(`tracing:${nameOrChannels}:${n}`) : nameOrChannels[n];
  }
  tc.subscribe = (handlers) => { for (const n of names) if (handlers[n]) tc[n].subscribe(handlers[n]); };
  tc.unsubscribe = (handlers) => { let ok = true; for (const n of names) if (handlers[n]) ok = tc[n].unsubscribe(handlers[n]) && ok; return ok; };
  Object.defineProperty(tc, 'hasSubscribers', { get() { return names.some((n) => tc[n].hasSubscribers); } });
  tc.traceSync = (fn, context = {}, thisArg, ...args) => {
    tc.start.publish(context);
    try {
      const result = Reflect.apply(fn, thisArg, args);
      context.result = result;
      return result;
    } catch (err) {
      context.error = err;
      tc.error.publish(context);
      throw err;
    } finally {
      tc.end.publish(context);
    }
  };
  tc.tracePromise = (fn, context = {}, thisArg, ...args) => {
    tc.start.publish(context);
    try {
      const p = Reflect.apply(fn, thisArg, args);
      return Promise.resolve(p).then((result) => {
        context.result = result;
        tc.asyncStart.publish(context);
        tc.asyncEnd.publish(context);
        return result;
      }, (err) => {
        context.error = err;
        tc.error.publish(context);
        tc.asyncStart.publish(context);
        tc.asyncEnd.publish(context);
        throw err;
      });
    } finally {
      tc.end.publish(context);
    }
  };
  tc.traceCallback = (fn, position = -1, context = {}, thisArg, ...args) => {
    const cb = args.at(position);
    validateFunction(cb, 'callback');
    args.splice(position, 1, function (err, res) {
      if (err) { context.error = err; tc.error.publish(context); } else context.result = res;
      tc.asyncStart.publish(context);
      try { return Reflect.apply(cb, this, arguments); } finally { tc.asyncEnd.publish(context); }
    });
    return tc.traceSync(fn, context, thisArg, ...args);
  };
  return tc;
}

module.exports = {
  channel,
  hasSubscribers(name) { const c = channels.get(name); return !!c && c.hasSubscribers; },
  subscribe(name, fn) { channel(name).subscribe(fn); },
  unsubscribe(name, fn) { return channel(name).unsubscribe(fn); },
  tracingChannel,
  Channel,
};
