'use strict';
// node:vm — code runs in the route's own realm only (runInThisContext,
// Script#runInThisContext, compileFunction); separate contexts are not
// supported, since goja offers one realm per runtime.

const { validateString } = require('internal/errors');

function notSupported(fn) {
  return function () {
    const e = new Error(`edgerun: node:vm.${fn} is not supported`);
    e.code = 'ERR_NOT_SUPPORTED';
    throw e;
  };
}

const indirectEval = eval;

class Script {
  constructor(code, options) {
    validateString(code, 'code');
    this._code = code;
    this._options = options;
  }
  runInThisContext() {
    return indirectEval(this._code);
  }
  runInContext() { notSupported('Script.runInContext')(); }
  runInNewContext() { notSupported('Script.runInNewContext')(); }
  createCachedData() { return require('buffer').Buffer.alloc(0); }
}

function runInThisContext(code, options) {
  return new Script(code, options).runInThisContext();
}

function compileFunction(code, params = [], options) {
  validateString(code, 'code');
  if (options && (options.parsingContext || options.contextExtensions)) notSupported('compileFunction with a context')();
  return Function(...params, code);
}

module.exports = {
  Script,
  runInThisContext,
  compileFunction,
  createScript: (code, options) => new Script(code, options),
  createContext: notSupported('createContext'),
  runInContext: notSupported('runInContext'),
  runInNewContext: notSupported('runInNewContext'),
  isContext: () => false,
  measureMemory: notSupported('measureMemory'),
  constants: { USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'), DONT_CONTEXTIFY: Symbol('vm_context_no_contextify') },
};
