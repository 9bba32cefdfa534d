package node

import "testing"

var legacyURLTests = []jsTest{
	{"parse full", `const u = require('url').parse('https://user:pass@sub.Example.com:8080/p/a/t/h?query=string#hash'); return [u.protocol, u.slashes, u.auth, u.host, u.port, u.hostname, u.hash, u.search, u.query, u.pathname, u.path, u.href].join('|')`, "https:|true|user:pass|sub.example.com:8080|8080|sub.example.com|#hash|?query=string|query=string|/p/a/t/h|/p/a/t/h?query=string|https://user:pass@sub.example.com:8080/p/a/t/h?query=string#hash"},
	{"parse path only", `const u = require('url').parse('/foo/bar?a=1&a=2'); return JSON.stringify([u.protocol, u.host, u.pathname, u.search, u.query, u.path, u.href])`, `[null,null,"/foo/bar","?a=1&a=2","a=1&a=2","/foo/bar?a=1&a=2","/foo/bar?a=1&a=2"]`},
	{"parse query object", `const u = require('url').parse('/x?a=1&a=2&b=%20', true); return JSON.stringify(u.query)`, `{"a":["1","2"],"b":" "}`},
	{"parse no query with flag", `const u = require('url').parse('/x', true); return JSON.stringify(u.query) + ' ' + u.search`, `{} null`},
	{"host default path", `const u = require('url').parse('http://example.com'); return u.pathname + ' ' + u.href`, "/ http://example.com/"},
	{"ipv6", `const u = require('url').parse('http://[::1]:3000/x'); return u.hostname + ' ' + u.host + ' ' + u.port`, "::1 [::1]:3000 3000"},
	{"slashesDenoteHost", `const u = require('url').parse('//foo/bar', false, true); return u.host + ' ' + u.pathname`, "foo /bar"},
	{"backslashes", `return require('url').parse('http://a.com\\b\\c?x=\\').href`, "http://a.com/b/c?x=%5C"},
	{"auto escape", `return require('url').parse('http://a.com/a b<c>').pathname`, "/a%20b%3Cc%3E"},
	{"mailto", `const u = require('url').parse('mailto:user@host.com'); return [u.protocol, u.auth, u.hostname, u.pathname, u.href].join('|')`, "mailto:|user|host.com||mailto:user@host.com"},
	{"format object", `return require('url').format({ protocol: 'https', hostname: 'example.com', pathname: '/some/path', query: { page: 1, format: 'json' } })`, "https://example.com/some/path?page=1&format=json"},
	{"format string", `return require('url').format('http://A.com/x?y#z')`, "http://a.com/x?y#z"},
	{"resolve relative base", `const url = require('url'); return [url.resolve('/one/two/three', 'four'), url.resolve('http://example.com/', '/one'), url.resolve('http://example.com/one', '/two'), url.resolve('one/two', 'three'), url.resolve('http://a.com/b/c', '../d?x')].join('|')`, "/one/two/four|http://example.com/one|http://example.com/two|one/three|http://a.com/d?x"},
	{"fileURLToPath string", `return require('url').fileURLToPath('file:///tmp/a%20b.txt')`, "/tmp/a b.txt"},
	{"fileURLToPath scheme", `try { require('url').fileURLToPath('http://x/y') } catch (e) { return e.code + ': ' + e.message }`, "ERR_INVALID_URL_SCHEME: The URL must be of scheme file"},
	{"fileURLToPath encoded slash", `try { require('url').fileURLToPath('file:///a%2fb') } catch (e) { return e.code }`, "ERR_INVALID_FILE_URL_PATH"},
	{"domainToASCII", `const url = require('url'); return url.domainToASCII('español.com') + ' ' + url.domainToUnicode('xn--espaol-zwa.com') + ' [' + url.domainToASCII('xn--iñvalid.com') + ']'`, "xn--espaol-zwa.com español.com []"},
}

func TestLegacyURL(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	runTable(t, iso, legacyURLTests)
}
