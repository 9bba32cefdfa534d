package wpt

import (
	"fmt"
	"strings"
	"sync"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
	weburl "github.com/edgerun/edgerun/webapi/url"
)

// The document shim: a test-environment stand-in for the Document of a
// `.window.js` test's page, so that the data-driven window tests in
// windowTests (url/toascii.window.js, url/url-setters-a-area.window.js) can
// check <a> and <area> elements too. It is the runner's, never an edge
// route's: edge isolates have no document.
//
// It has exactly one operation, createElement, and only for "a" and "area",
// whose elements implement HTMLHyperlinkElementUtils
// (https://html.spec.whatwg.org/multipage/links.html#htmlhyperlinkelementutils)
// on top of webapi/url's URL records, so the <a>/<area> subtests measure
// edgerun's URL parser and setters as a browser's elements would use them.
// Any other element throws instead of pretending to be one.
//
// `document` is a global lexical binding (a top-level const), not a
// property of the global object: testharness.js decides whether it runs in
// a window or a worker with `'document' in self`, and it must keep its
// worker environment (the runner hosts the test as a dedicated worker).
// Test scripts, which refer to `document` by name, see it all the same.

// DocumentClass is the shim's Document interface (no global interface object).
var DocumentClass = &jsclass.Class{
	Name:     "Document",
	NoGlobal: true,
	Members: []jsclass.Member{
		jsclass.Method("createElement", 1, (*document).createElement),
	},
}

// HTMLAnchorElementClass and HTMLAreaElementClass are the elements the shim
// creates: HTMLHyperlinkElementUtils only (no global interface objects).
var (
	HTMLAnchorElementClass = &jsclass.Class{Name: "HTMLAnchorElement", NoGlobal: true, Members: hyperlinkMembers("HTMLAnchorElement")}
	HTMLAreaElementClass   = &jsclass.Class{Name: "HTMLAreaElement", NoGlobal: true, Members: hyperlinkMembers("HTMLAreaElement")}
)

// document backs the shim's document object.
type document struct {
	// base is the document base URL: the page's URL, as the page has no
	// <base> element.
	base *weburl.URL
}

var createElementCtx = webidl.Method("Document", "createElement")

// createElement implements the steps of DOM's createElement(localName)
// that matter for the two elements the shim has.
func (d *document) createElement(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	createElementCtx.RequireArgs(vm, call, 1)
	name := createElementCtx.DOMString(vm, call.Argument(0))
	// "2. If this is an HTML document, then set localName to localName in
	// ASCII lowercase." (The page is an HTML document.)
	switch asciiLower(name) {
	case "a":
		return jsclass.New(iso, HTMLAnchorElementClass, &hyperlink{doc: d})
	case "area":
		return jsclass.New(iso, HTMLAreaElementClass, &hyperlink{doc: d})
	}
	msg := fmt.Sprintf("edgerun WPT runner: document.createElement(%s) is not supported (the test document shim only creates <a> and <area> elements)", jsString(name))
	if ctor, ok := goja.AssertConstructor(vm.Get("Error")); ok {
		if obj, err := ctor(nil, vm.ToValue(msg)); err == nil {
			panic(obj)
		}
	}
	panic(vm.NewTypeError("%s", msg))
}

func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}, s)
}

// hyperlink is an element implementing HTMLHyperlinkElementUtils: its href
// content attribute and its url, which is nil (null) when there is no href
// attribute or it does not parse.
type hyperlink struct {
	doc     *document
	href    string // the href content attribute's value...
	hasHref bool   // ...when present
	url     *weburl.URL
}

// setHrefAttribute sets the href content attribute. "When elements implementing
// HTMLHyperlinkElementUtils are created, and whenever those elements have
// their href content attribute set, changed, or removed, the user agent must
// set the url."
func (h *hyperlink) setHrefAttribute(v string) {
	h.href, h.hasHref = v, true
	h.setTheURL()
}

// setTheURL implements "set the url".
func (h *hyperlink) setTheURL() {
	// 1. Set this element's url to null.
	h.url = nil
	// 2. If this element's href content attribute is absent, then return.
	if !h.hasHref {
		return
	}
	// 3. Let url be the result of encoding-parsing a URL given this
	//    element's href content attribute's value, relative to this
	//    element's node document. (The page's encoding is UTF-8, so this is
	//    the URL parser with the document base URL.)
	u, err := weburl.ParseRef(h.href, h.doc.base)
	// 4. If url is not failure, then set this element's url to url.
	if err == nil {
		h.url = u
	}
}

// reinitializeURL implements "reinitialize url".
func (h *hyperlink) reinitializeURL() {
	// 1. If element's url is non-null, its scheme is "blob", and it has an
	//    opaque path, then terminate these steps.
	if h.url != nil && h.url.Scheme() == "blob" && h.url.OpaquePath() {
		return
	}
	// 2. Set the url.
	h.setTheURL()
}

// updateHref implements "update href": "set the element's href content
// attribute's value to the element's url, serialized."
func (h *hyperlink) updateHref() { h.setHrefAttribute(h.url.Href()) }

// cannotHaveCredentials is the URL Standard's "cannot have a
// username/password/port": its host is null or the empty string, or its
// scheme is "file".
func cannotHaveCredentials(u *weburl.URL) bool {
	return u.Hostname() == "" || u.Scheme() == "file"
}

// href getter.
func (h *hyperlink) getHref() string {
	// 1. Reinitialize url.
	h.reinitializeURL()
	// 2. Let url be this's url.
	// 3. If url is null and this has no href content attribute, return the
	//    empty string.
	// 4. Otherwise, if url is null, return this's href content attribute's value.
	if h.url == nil {
		return h.href // "" when absent
	}
	// 5. Return url, serialized.
	return h.url.Href()
}

// getOrigin is the origin getter.
func (h *hyperlink) getOrigin() string {
	// 1. Reinitialize url.
	h.reinitializeURL()
	// 2. If this's url is null, return the empty string.
	if h.url == nil {
		return ""
	}
	// 3. Return the serialization of this's url's origin.
	return h.url.Origin()
}

func (h *hyperlink) getProtocol() string {
	h.reinitializeURL()
	// 2. If this's url is null, return ":".
	if h.url == nil {
		return ":"
	}
	// 3. Return this's url's scheme, followed by ":".
	return h.url.Protocol()
}

func (h *hyperlink) setProtocol(v string) {
	h.reinitializeURL()
	// 2. If this's url is null, then return.
	if h.url == nil {
		return
	}
	// 3. Basic URL parse the given value, followed by ":", with this's url
	//    as url and scheme start state as state override.
	h.url.SetProtocol(v)
	// 4. Update href.
	h.updateHref()
}

// getOrEmpty is the shape of the username, password, pathname, search and
// hash getters: reinitialize url; if url is null, return the empty string;
// else return url's view. (host, hostname and port are the same once null
// hosts and ports are the empty string, which is what the URL views return
// for them.)
func (h *hyperlink) getOrEmpty(view func(*weburl.URL) string) string {
	h.reinitializeURL()
	if h.url == nil {
		return ""
	}
	return view(h.url)
}

// setCredential is the username and password setter.
func (h *hyperlink) setCredential(set func(*weburl.URL, string), v string) {
	// 1. Reinitialize url. 2. Let url be this's url.
	h.reinitializeURL()
	// 3. If url is null or url cannot have a username/password/port, then return.
	if h.url == nil || cannotHaveCredentials(h.url) {
		return
	}
	// 4. Set the username (password), given url and the given value.
	set(h.url, v)
	// 5. Update href.
	h.updateHref()
}

// setHostPart is the host and hostname setter.
func (h *hyperlink) setHostPart(set func(*weburl.URL, string), v string) {
	h.reinitializeURL()
	// 3. If url is null or url has an opaque path, then return.
	if h.url == nil || h.url.OpaquePath() {
		return
	}
	// 4. Basic URL parse the given value, with url as url and host
	//    (hostname) state as state override.
	set(h.url, v)
	// 5. Update href.
	h.updateHref()
}

func (h *hyperlink) setPort(v string) {
	h.reinitializeURL()
	// 3. If url is null or url cannot have a username/password/port, then return.
	if h.url == nil || cannotHaveCredentials(h.url) {
		return
	}
	// 4. If the given value is the empty string, then set url's port to null.
	// 5. Otherwise, basic URL parse the given value, with url as url and
	//    port state as state override.
	h.url.SetPort(v)
	// 6. Update href.
	h.updateHref()
}

func (h *hyperlink) setPathname(v string) {
	h.reinitializeURL()
	// 3. If url is null or url has an opaque path, then return.
	if h.url == nil || h.url.OpaquePath() {
		return
	}
	// 4. Set url's path to the empty list.
	// 5. Basic URL parse the given value, with url as url and path start
	//    state as state override.
	h.url.SetPathname(v)
	// 6. Update href.
	h.updateHref()
}

// setQueryOrFragment is the search and hash setter.
func (h *hyperlink) setQueryOrFragment(set func(*weburl.URL, string), v string) {
	h.reinitializeURL()
	// 3. If url is null, then return.
	if h.url == nil {
		return
	}
	// 4. If the given value is the empty string, set url's query (fragment)
	//    to null.
	// 5. Otherwise: let input be the given value with a single leading "?"
	//    ("#") removed, if any; set url's query (fragment) to the empty
	//    string; basic URL parse input, with url as url and query
	//    (fragment) state as state override.
	set(h.url, v)
	// 6. Update href.
	h.updateHref()
}

// hyperlinkMembers declares HTMLHyperlinkElementUtils for the interface iface:
//
//	[CEReactions] stringifier attribute USVString href;
//	readonly attribute USVString origin;
//	[CEReactions] attribute USVString protocol, username, password, host,
//	                                  hostname, port, pathname, search, hash;
func hyperlinkMembers(iface string) []jsclass.Member {
	str := func(iso *runtime.Isolate, s string) goja.Value { return iso.VM().ToValue(s) }
	view := func(f func(*weburl.URL) string) func(*hyperlink, *runtime.Isolate) goja.Value {
		return func(h *hyperlink, iso *runtime.Isolate) goja.Value { return str(iso, h.getOrEmpty(f)) }
	}
	set := func(attr string, f func(*hyperlink, string)) func(*hyperlink, *runtime.Isolate, goja.Value) {
		ctx := webidl.Setter(iface, attr)
		return func(h *hyperlink, iso *runtime.Isolate, v goja.Value) { f(h, ctx.USVString(iso.VM(), v)) }
	}
	with := func(setter func(*hyperlink, func(*weburl.URL, string), string), urlSet func(*weburl.URL, string)) func(*hyperlink, string) {
		return func(h *hyperlink, v string) { setter(h, urlSet, v) }
	}
	return []jsclass.Member{
		// The href setter: "set this's href content attribute's value to
		// the given value."
		jsclass.Accessor("href", func(h *hyperlink, iso *runtime.Isolate) goja.Value { return str(iso, h.getHref()) },
			set("href", (*hyperlink).setHrefAttribute)),
		jsclass.Method("toString", 0, func(h *hyperlink, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			return str(iso, h.getHref())
		}),
		jsclass.Getter("origin", func(h *hyperlink, iso *runtime.Isolate) goja.Value { return str(iso, h.getOrigin()) }),
		jsclass.Accessor("protocol", func(h *hyperlink, iso *runtime.Isolate) goja.Value { return str(iso, h.getProtocol()) },
			set("protocol", (*hyperlink).setProtocol)),
		jsclass.Accessor("username", view((*weburl.URL).Username), set("username", with((*hyperlink).setCredential, (*weburl.URL).SetUsername))),
		jsclass.Accessor("password", view((*weburl.URL).Password), set("password", with((*hyperlink).setCredential, (*weburl.URL).SetPassword))),
		// host: "If url or url's host is null, return the empty string. If
		// url's port is null, return url's host, serialized. Return url's
		// host, serialized, followed by ":" and url's port, serialized."
		jsclass.Accessor("host", view((*weburl.URL).Host), set("host", with((*hyperlink).setHostPart, (*weburl.URL).SetHost))),
		jsclass.Accessor("hostname", view((*weburl.URL).Hostname), set("hostname", with((*hyperlink).setHostPart, (*weburl.URL).SetHostname))),
		jsclass.Accessor("port", view((*weburl.URL).Port), set("port", (*hyperlink).setPort)),
		jsclass.Accessor("pathname", view((*weburl.URL).Pathname), set("pathname", (*hyperlink).setPathname)),
		// search and hash: "If url is null, or url's query (fragment) is
		// either null or the empty string, return the empty string. Return
		// "?" ("#"), followed by url's query (fragment)."
		jsclass.Accessor("search", view((*weburl.URL).Search), set("search", with((*hyperlink).setQueryOrFragment, (*weburl.URL).SetSearch))),
		jsclass.Accessor("hash", view((*weburl.URL).Hash), set("hash", with((*hyperlink).setQueryOrFragment, (*weburl.URL).SetHash))),
	}
}

// documentBindingName is the temporary global property that hands the
// document object to documentBinding, the script that declares the global
// lexical binding `document` (a script is the only way to declare one).
const documentBindingName = "__edgerunWPTDocument"

var documentBinding = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("edgerun:wpt-document", "const document = globalThis."+documentBindingName+";", true)
})

// installDocument gives a window test its document (see the top of this file).
func (sc *scope) installDocument() error {
	base, err := weburl.Parse(sc.loc.href(), "")
	if err != nil {
		return fmt.Errorf("wpt: document URL %q: %w", sc.loc.href(), err)
	}
	doc := jsclass.New(sc.iso, DocumentClass, &document{base: base})
	global := sc.vm.GlobalObject()
	if err := global.DefineDataProperty(documentBindingName, doc, goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return fmt.Errorf("wpt: document: %w", err)
	}
	defer global.Delete(documentBindingName)
	if _, err := sc.vm.RunProgram(documentBinding()); err != nil {
		return fmt.Errorf("wpt: document: %w", err)
	}
	return nil
}
