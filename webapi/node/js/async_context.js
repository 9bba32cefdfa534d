'use strict';
// Internal: capture/run helpers over the isolate's async context (the
// values AsyncLocalStorage propagates).
module.exports = {
  capture: binding.capture,
  restore: binding.restore,
  runIn: binding.runIn,
  get: binding.get,
  set: binding.set,
};
