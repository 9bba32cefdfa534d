'use strict';
// node:http and node:https — the status and method tables, header
// validation and an Agent that holds its options. Making requests and
// serving (request, get, createServer, the message classes) is not
// supported in edgerun's Node runtime: route handlers receive their
// req/res from Next.js's API resolver and make outbound calls with fetch.

const EventEmitter = require('events');
const { codes } = require('internal/errors');

const STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content',
  205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used',
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout',
  409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large',
  414: 'URI Too Long', 415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 417: 'Expectation Failed',
  418: "I'm a Teapot", 421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked',
  424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required',
  429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
  507: 'Insufficient Storage', 508: 'Loop Detected', 509: 'Bandwidth Limit Exceeded', 510: 'Not Extended',
  511: 'Network Authentication Required',
};

const METHODS = ['ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK', 'M-SEARCH',
  'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH',
  'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK', 'UNLOCK',
  'UNSUBSCRIBE'];

const tokenRegExp = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
const headerCharRegex = /[^\t\x20-\x7e\x80-\xff]/;

function validateHeaderName(name, label = 'Header name') {
  if (typeof name !== 'string' || !name || !tokenRegExp.test(name)) {
    const e = new TypeError(`${label} must be a valid HTTP token ["${name}"]`);
    e.code = 'ERR_INVALID_HTTP_TOKEN';
    throw e;
  }
}

function validateHeaderValue(name, value) {
  if (value === undefined) {
    const e = new TypeError(`Invalid value "${value}" for header "${name}"`);
    e.code = 'ERR_HTTP_INVALID_HEADER_VALUE';
    throw e;
  }
  if (headerCharRegex.test(String(value))) throw new codes.ERR_INVALID_CHAR('header content', name);
}

function notSupported(name) {
  return function () {
    const e = new Error(`edgerun: node:${module.id}.${name} is not supported`);
    e.code = 'ERR_NOT_SUPPORTED';
    throw e;
  };
}

// Agent keeps its options like Node's, so libraries can create agents at
// import time; it never opens sockets.
class Agent extends EventEmitter {
  constructor(options) {
    super();
    this.defaultPort = module.id === 'https' ? 443 : 80;
    this.protocol = module.id === 'https' ? 'https:' : 'http:';
    this.options = { __proto__: null, ...options };
    this.options.path = null;
    this.requests = Object.create(null);
    this.sockets = Object.create(null);
    this.freeSockets = Object.create(null);
    this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
    this.keepAlive = this.options.keepAlive || false;
    this.maxSockets = this.options.maxSockets || Infinity;
    this.maxFreeSockets = this.options.maxFreeSockets || 256;
    this.scheduling = this.options.scheduling || 'lifo';
    this.maxTotalSockets = this.options.maxTotalSockets;
    this.totalSocketCount = 0;
  }
  destroy() {}
  getName(options = {}) {
    let name = options.host || 'localhost';
    name += ':';
    if (options.port) name += options.port;
    name += ':';
    if (options.localAddress) name += options.localAddress;
    if (options.family === 4 || options.family === 6) name += `:${options.family}`;
    return name;
  }
  createConnection() { notSupported('Agent.createConnection')(); }
}
Agent.defaultMaxSockets = Infinity;

module.exports = {
  METHODS,
  STATUS_CODES,
  Agent,
  globalAgent: new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 }),
  maxHeaderSize: 16384,
  validateHeaderName,
  validateHeaderValue,
  setMaxIdleHTTPParsers() {},
  request: notSupported('request'),
  get: notSupported('get'),
  createServer: notSupported('createServer'),
  Server: notSupported('Server'),
  ClientRequest: notSupported('ClientRequest'),
  IncomingMessage: notSupported('IncomingMessage'),
  OutgoingMessage: notSupported('OutgoingMessage'),
  ServerResponse: notSupported('ServerResponse'),
};
