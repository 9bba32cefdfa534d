'use strict';
// node:module — createRequire serves the built-in modules; bundles carry
// every other dependency inside them, so a require of anything else
// fails with Node's MODULE_NOT_FOUND error.

const { codes } = require('internal/errors');

function notSupported(fn) {
  return function () {
    const e = new Error(`edgerun: node:module.${fn} is not supported`);
    e.code = 'ERR_NOT_SUPPORTED';
    throw e;
  };
}

function notFound(id, parent) {
  let msg = `Cannot find module '${id}'`;
  if (parent) msg += `\nRequire stack:\n- ${parent}`;
  const e = new Error(msg);
  e.code = 'MODULE_NOT_FOUND';
  e.requireStack = parent ? [parent] : [];
  return e;
}

function createRequire(filename) {
  let parent;
  if (typeof filename === 'string') parent = filename;
  else if (filename && typeof filename.href === 'string') parent = require('url').fileURLToPath(filename);
  else throw new codes.ERR_INVALID_ARG_VALUE('filename', filename, 'must be a file URL object, file URL string, or absolute path string');
  function req(id) {
    if (typeof id !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('id', 'string', id);
    if (id === '') throw new codes.ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
    if (binding.isBuiltin(id)) return require(id);
    throw notFound(id, parent);
  }
  req.resolve = function resolve(id) {
    if (binding.isBuiltin(id)) return id;
    throw notFound(id, parent);
  };
  req.resolve.paths = (id) => (binding.isBuiltin(id) ? null : []);
  req.cache = Object.create(null);
  req.extensions = Object.create(null);
  req.main = undefined;
  return req;
}

function Module(id = '', parent) {
  this.id = id;
  this.path = require('path').dirname(id);
  this.exports = {};
  this.filename = null;
  this.loaded = false;
  this.children = [];
  this.paths = [];
  void parent;
}
Module.prototype.require = function (id) { return createRequire(this.id || '/')(id); };
Module.prototype._compile = notSupported('Module.prototype._compile');
Module.prototype.load = notSupported('Module.prototype.load');

Module.builtinModules = binding.builtins();
Module.isBuiltin = (id) => binding.isBuiltin(String(id));
Module.createRequire = createRequire;
Module._cache = Object.create(null);
Module._pathCache = Object.create(null);
Module._extensions = Object.create(null);
Module.globalPaths = [];
Module._load = (request) => createRequire('/')(request);
Module._resolveFilename = (request) => {
  if (binding.isBuiltin(request)) return request;
  throw notFound(request);
};
Module._nodeModulePaths = () => [];
Module._findPath = () => false;
Module.syncBuiltinESMExports = () => {};
Module.findSourceMap = () => undefined;
Module.register = notSupported('register');
Module.runMain = notSupported('runMain');
Module.SourceMap = notSupported('SourceMap');
Module.Module = Module;

module.exports = Module;
