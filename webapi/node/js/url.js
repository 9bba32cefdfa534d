'use strict';
// node:url — the WHATWG URL and URLSearchParams (the globals), Node's
// file-URL helpers, and the legacy url.parse/format/resolve API.

const { codes, validateString } = require('internal/errors');
const querystring = require('querystring');

function getURL() {
  const URL = globalThis.URL;
  if (typeof URL !== 'function') {
    const e = new Error('edgerun: node:url needs the URL global, which is not installed in this isolate');
    e.code = 'ERR_NOT_SUPPORTED';
    throw e;
  }
  return URL;
}

function isURL(v) {
  return v != null && typeof v === 'object' && typeof v.href === 'string' && typeof v.protocol === 'string' && v.auth === undefined && v.path === undefined;
}

// ---- file URLs ----

function fileURLToPath(path, options) {
  let pathname, hostname, protocol;
  if (typeof path === 'string') {
    if (typeof globalThis.URL === 'function') {
      const u = new globalThis.URL(path);
      ({ pathname, hostname, protocol } = u);
    } else {
      const m = /^([a-zA-Z][a-zA-Z0-9+.-]*:)(?:\/\/([^/?#]*))?([^?#]*)/.exec(path);
      if (!m) throw new codes.ERR_INVALID_URL(path);
      protocol = m[1].toLowerCase();
      hostname = (m[2] || '').toLowerCase();
      pathname = m[3] || '/';
    }
  } else if (isURL(path)) {
    ({ pathname, hostname, protocol } = path);
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  }
  if (protocol !== 'file:') throw new codes.ERR_INVALID_URL_SCHEME('file');
  if (hostname !== '' && hostname !== 'localhost') throw new codes.ERR_INVALID_FILE_URL_HOST(require('process').platform);
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw new codes.ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
      }
    }
  }
  return decodeURIComponent(pathname);
}

function encodePathChars(filepath) {
  return filepath
    .replace(/%/g, '%25')
    .replace(/\\/g, '%5C')
    .replace(/\n/g, '%0A')
    .replace(/\r/g, '%0D')
    .replace(/\t/g, '%09');
}

function pathToFileURL(filepath) {
  validateString(filepath, 'path');
  const path = require('path');
  let resolved = path.resolve(filepath);
  if (filepath.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  const URL = getURL();
  const out = new URL('file://');
  out.pathname = encodePathChars(resolved).replace(/\?/g, '%3F').replace(/#/g, '%23');
  return out;
}

function urlToHttpOptions(url) {
  const options = {
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return options;
}

// ---- legacy API ----

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

const protocolPattern = /^[a-z0-9.+-]+:/i;
const portPattern = /:[0-9]*$/;
const hostPattern = /^\/\/[^@/]+@[^@/]+/;
const hostnamePartPattern = /^[+a-z0-9A-Z_-]{0,63}$/;
const hostnamePartStart = /^([+a-z0-9A-Z_-]{0,63})(.*)$/;
const hostlessProtocol = new Set(['javascript', 'javascript:']);
const slashedProtocol = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);
const autoEscapeChars = ['\t', '\n', '\r', ' ', '"', "'", '<', '>', '\\', '^', '`', '{', '|', '}'];
const nonHostChars = ['%', '/', '?', ';', '#', ...autoEscapeChars];
const hostEndingChars = ['/', '?', '#'];

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const u = new Url();
  u.parse(url, parseQueryString, slashesDenoteHost);
  return u;
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  validateString(url, 'url');
  // Back slashes before the query string become forward slashes.
  let rest = '';
  let inQuery = false;
  for (const c of url.trim()) {
    if (!inQuery && (c === '?' || c === '#')) inQuery = true;
    rest += !inQuery && c === '\\' ? '/' : c;
  }

  let proto = protocolPattern.exec(rest);
  let lowerProto;
  if (proto) {
    proto = proto[0];
    lowerProto = proto.toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto.length);
  }

  let slashes;
  if (slashesDenoteHost || proto || hostPattern.test(rest)) {
    slashes = rest.startsWith('//');
    if (slashes && !(proto && hostlessProtocol.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  if (!hostlessProtocol.has(lowerProto) && (slashes || (proto && !slashedProtocol.has(proto)))) {
    let hostEnd = -1;
    for (const c of hostEndingChars) {
      const i = rest.indexOf(c);
      if (i !== -1 && (hostEnd === -1 || i < hostEnd)) hostEnd = i;
    }
    const atSign = hostEnd === -1 ? rest.lastIndexOf('@') : rest.lastIndexOf('@', hostEnd);
    if (atSign !== -1) {
      this.auth = decodeURIComponent(rest.slice(0, atSign));
      rest = rest.slice(atSign + 1);
    }
    hostEnd = -1;
    for (const c of nonHostChars) {
      const i = rest.indexOf(c);
      if (i !== -1 && (hostEnd === -1 || i < hostEnd)) hostEnd = i;
    }
    if (hostEnd === -1) hostEnd = rest.length;
    this.host = rest.slice(0, hostEnd);
    rest = rest.slice(hostEnd);
    this.parseHost();

    if (typeof this.hostname !== 'string') this.hostname = '';
    const hostname = this.hostname;
    const ipv6Hostname = hostname[0] === '[' && hostname[hostname.length - 1] === ']';
    if (!ipv6Hostname) {
      const parts = hostname.split('.');
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (!part || hostnamePartPattern.test(part)) continue;
        let newpart = '';
        for (const ch of part) newpart += ch.charCodeAt(0) > 127 ? 'x' : ch;
        if (!hostnamePartPattern.test(newpart)) {
          const validParts = parts.slice(0, i);
          const notHost = parts.slice(i + 1);
          const bit = hostnamePartStart.exec(part);
          if (bit) {
            validParts.push(bit[1]);
            notHost.unshift(bit[2]);
          }
          if (notHost.length) rest = `/${notHost.join('.')}${rest}`;
          this.hostname = validParts.join('.');
          break;
        }
      }
    }
    if (this.hostname.length > 255) this.hostname = '';
    else this.hostname = this.hostname.toLowerCase();
    if (!ipv6Hostname && this.hostname !== '') this.hostname = binding.domainToASCII(this.hostname) || this.hostname;
    const p = this.port ? `:${this.port}` : '';
    this.host = this.hostname + p;
    if (ipv6Hostname) {
      this.hostname = this.hostname.slice(1, -1);
      if (rest[0] !== '/') rest = `/${rest}`;
    }
  }

  if (!hostlessProtocol.has(lowerProto)) {
    for (const ae of autoEscapeChars) {
      if (!rest.includes(ae)) continue;
      let esc = encodeURIComponent(ae);
      if (esc === ae) esc = escape(ae);
      rest = rest.split(ae).join(esc);
    }
  }

  const hash = rest.indexOf('#');
  if (hash !== -1) {
    this.hash = rest.slice(hash);
    rest = rest.slice(0, hash);
  }
  const qm = rest.indexOf('?');
  if (qm !== -1) {
    this.search = rest.slice(qm);
    this.query = rest.slice(qm + 1);
    if (parseQueryString) this.query = querystring.parse(this.query);
    rest = rest.slice(0, qm);
  } else if (parseQueryString) {
    this.search = null;
    this.query = Object.create(null);
  }
  if (rest) this.pathname = rest;
  if (slashedProtocol.has(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';
  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  let port = portPattern.exec(host);
  if (port) {
    port = port[0];
    if (port !== ':') this.port = port.slice(1);
    host = host.slice(0, host.length - port.length);
  }
  if (host) this.hostname = host;
};

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) {
    auth = encodeURIComponent(auth).replace(/%3A/i, ':');
    auth += '@';
  }
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';
  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    host = auth + (this.hostname.includes(':') && !(this.hostname[0] === '[') ? `[${this.hostname}]` : this.hostname);
    if (this.port) host += `:${this.port}`;
  }
  if (this.query !== null && typeof this.query === 'object') query = querystring.stringify(this.query);
  let search = this.search || (query && `?${query}`) || '';
  if (protocol && protocol.charCodeAt(protocol.length - 1) !== 58) protocol += ':';
  pathname = pathname.replace(/[?#]/g, (c) => encodeURIComponent(c));
  search = search.replace(/#/g, '%23');
  if (this.slashes || slashedProtocol.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname[0] !== '/') pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol.length >= 4 && protocol.slice(0, 4).toLowerCase() === 'file') {
      host = '//';
    }
  }
  if (hash && hash[0] !== '#') hash = `#${hash}`;
  if (search && search[0] !== '?') search = `?${search}`;
  return protocol + host + pathname + search + hash;
};

Url.prototype.resolve = function resolve(relative) {
  return urlResolve(this.format(), relative);
};

Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative !== 'string') relative = urlFormat(relative);
  return urlParse(urlResolve(this.format(), relative));
};

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw new codes.ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], urlObject);
  } else if (isURL(urlObject)) {
    let fragment = true, unicode = false, search = true, auth = true;
    if (options) {
      if (options.fragment != null) fragment = Boolean(options.fragment);
      if (options.unicode != null) unicode = Boolean(options.unicode);
      if (options.search != null) search = Boolean(options.search);
      if (options.auth != null) auth = Boolean(options.auth);
    }
    let out = urlObject.protocol;
    if (urlObject.host !== '' || urlObject.protocol === 'file:') {
      out += '//';
      if (auth && (urlObject.username || urlObject.password)) {
        out += urlObject.username;
        if (urlObject.password) out += `:${urlObject.password}`;
        out += '@';
      }
      out += unicode ? binding.domainToUnicode(urlObject.hostname) : urlObject.hostname;
      if (urlObject.port) out += `:${urlObject.port}`;
    }
    out += urlObject.pathname;
    if (search) out += urlObject.search;
    if (fragment) out += urlObject.hash;
    return out;
  }
  return Url.prototype.format.call(urlObject);
}

// urlResolve resolves like a browser resolves an anchor href. Absolute
// bases go through the WHATWG parser; a relative base is resolved against
// a placeholder origin and returned relative again.
function urlResolve(source, relative) {
  validateString(source, 'from');
  validateString(relative, 'to');
  const URL = getURL();
  const hasScheme = (s) => /^[a-z][a-z0-9.+-]*:/i.test(s);
  if (hasScheme(source)) return new URL(relative, source).href;
  if (hasScheme(relative)) return new URL(relative).href;
  const placeholder = 'resolve://placeholder.invalid';
  const base = new URL(source.startsWith('/') ? source : `/${source}`, `${placeholder}/`);
  const r = new URL(relative, base);
  if (!r.href.startsWith(`${placeholder}/`)) return r.href.slice('resolve:'.length);
  let out = r.href.slice(placeholder.length);
  if (!source.startsWith('/') && !relative.startsWith('/')) out = out.slice(1);
  return out;
}

module.exports = {
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject(source, relative) {
    if (!source) return relative;
    return urlParse(source, false, true).resolveObject(relative);
  },
  format: urlFormat,
  domainToASCII(domain) { return binding.domainToASCII(`${domain}`); },
  domainToUnicode(domain) { return binding.domainToUnicode(`${domain}`); },
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
Object.defineProperty(module.exports, 'URL', { enumerable: true, configurable: true, get() { return globalThis.URL; } });
Object.defineProperty(module.exports, 'URLSearchParams', { enumerable: true, configurable: true, get() { return globalThis.URLSearchParams; } });
