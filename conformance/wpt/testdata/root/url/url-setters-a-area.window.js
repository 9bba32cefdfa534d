// The runner's document shim (document.go), exercised under the name of one
// of the .window.js tests it runs. Written for edgerun; not a WPT file.
const page = "http://web-platform.test:8000/url/url-setters-a-area.window.html";

test(() => {
  assert_equals(location.href, page);
  assert_equals("document" in self, false);
  assert_equals(typeof document, "object");
}, "document is a global binding, not a property of the worker global");

test(() => {
  let threw = null;
  try { document.createElement("div"); } catch (e) { threw = e; }
  assert_true(threw instanceof Error, "an Error");
  assert_equals(threw.message, 'edgerun WPT runner: document.createElement("div") is not supported (the test document shim only creates <a> and <area> elements)');
}, "other elements are not supported");

test(() => {
  const a = document.createElement("A");
  assert_equals(a.href, "");
  assert_equals(String(a), "");
  assert_equals(a.protocol, ":");
  assert_equals(a.origin, "");
  assert_equals(a.host, "");
  assert_equals(a.pathname, "");
  a.pathname = "/x";
  a.hash = "x";
  assert_equals(a.href, "", "setters do nothing without an href attribute");
}, "an element without href has a null url");

test(() => {
  const a = document.createElement("a");
  a.href = "foo?b#c";
  assert_equals(a.href, "http://web-platform.test:8000/url/foo?b#c");
  assert_equals(a.origin, "http://web-platform.test:8000");
  assert_equals(a.pathname, "/url/foo");
  assert_equals(a.search, "?b");
  assert_equals(a.hash, "#c");
  assert_equals(String(a), a.href);
  const area = document.createElement("area");
  area.href = "/y";
  assert_equals(area.href, "http://web-platform.test:8000/y");
}, "href resolves against the document URL");

test(() => {
  const a = document.createElement("a");
  a.href = "https://exa mple.com/x";
  assert_equals(a.href, "https://exa mple.com/x");
  assert_equals(a.protocol, ":");
  assert_equals(a.host, "");
  assert_equals(a.hostname, "");
  assert_equals(a.pathname, "");
  a.hash = "h";
  a.host = "example.com";
  assert_equals(a.href, "https://exa mple.com/x", "setters do nothing with a null url");
}, "an href that does not parse gives a null url");

test(() => {
  const a = document.createElement("a");
  a.href = "http://example.com/";
  a.protocol = "https";
  a.host = "h:8080";
  a.username = "u";
  a.password = "p";
  a.pathname = "d";
  a.search = "q";
  a.hash = "f";
  assert_equals(a.href, "https://u:p@h:8080/d?q#f");
  assert_equals(a.port, "8080");
  a.port = "";
  a.search = "";
  a.hash = "";
  assert_equals(a.href, "https://u:p@h/d");
}, "setters update href");

test(() => {
  const a = document.createElement("a");
  a.href = "file:///x";
  a.username = "u";
  a.port = "1";
  assert_equals(a.href, "file:///x");
  a.href = "mailto:x";
  a.host = "h";
  a.pathname = "y";
  assert_equals(a.href, "mailto:x");
  assert_equals(a.pathname, "x");
}, "setters the URL cannot take are ignored");

test(() => {
  const a = document.createElement("a");
  a.href = "http://example.com/\uD800";
  assert_equals(a.href, "http://example.com/%EF%BF%BD");
}, "values are USVStrings");
