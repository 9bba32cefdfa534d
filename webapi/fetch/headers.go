package fetch

import (
	"errors"
	"net/http"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// Errors returned by the Go-side Headers mutators.
var (
	ErrInvalidHeaderName  = errors.New("fetch: invalid header name")
	ErrInvalidHeaderValue = errors.New("fetch: invalid header value")
	ErrImmutableHeaders   = errors.New("fetch: headers are immutable")
)

// Headers is the Go value behind a JS Headers object: a header list and its
// guard (https://fetch.spec.whatwg.org/#headers-class). A Request's or
// Response's Headers is the same value the Request or Response uses, as the
// standard's "pointer to the header list" says. Use it on the isolate's
// goroutine only.
type Headers struct {
	jsclass.Shell
	list   headerList
	guard  Guard
	strict bool // Options.BrowserGuards

	// lazy holds headers not yet copied into list (NewHeaders from
	// net/http); most incoming request headers are never read by scripts.
	lazy http.Header
	// sorted caches sort-and-combine for iteration; nil after a change.
	sorted [][2]string
	obj    *goja.Object // the JS object ([SameObject] for Request/Response)
}

func newHeadersValue(iso *runtime.Isolate, guard Guard) *Headers {
	return &Headers{guard: guard, strict: stateOf(iso).opts.BrowserGuards}
}

// NewHeaders returns a JS Headers object holding h (copied lazily) with the
// given guard.
func NewHeaders(iso *runtime.Isolate, h http.Header, guard Guard) *goja.Object {
	hs := newHeadersValue(iso, guard)
	hs.lazy = h
	return hs.object(iso)
}

// HeadersOf returns the Headers behind a JS value (brand check).
func HeadersOf(iso *runtime.Isolate, v goja.Value) (*Headers, bool) {
	return jsclass.Unwrap[*Headers](iso, v)
}

// object returns the JS object for h, creating it once.
func (h *Headers) object(iso *runtime.Isolate) *goja.Object {
	if h.obj == nil {
		h.obj = jsclass.New(iso, HeadersClass, h)
	}
	return h.obj
}

func (h *Headers) materialize() {
	if h.lazy != nil {
		h.list = append(fromHTTPHeader(h.lazy), h.list...)
		h.lazy = nil
	}
}

func (h *Headers) changed() { h.sorted = nil }

// header returns the list, materialised.
func (h *Headers) header() *headerList {
	h.materialize()
	return &h.list
}

// Guard returns the headers' guard.
func (h *Headers) Guard() Guard { return h.guard }

// List returns the headers as scripts iterate them ("sort and combine"):
// lowercase names in byte order, values of one name joined with ", ",
// Set-Cookie headers kept separate. Values are byte strings (one byte per
// character). The result must not be modified.
func (h *Headers) List() [][2]string {
	if h.sorted == nil {
		h.sorted = h.header().sortAndCombine()
	}
	return h.sorted
}

// Raw returns the header list in order with the names as appended (the
// wire form), calling fn for each header.
func (h *Headers) Raw(fn func(name, value string)) {
	for _, e := range *h.header() {
		fn(e.name, e.value)
	}
}

// Get returns the combined value of the named header.
func (h *Headers) Get(name string) (string, bool) {
	return h.header().get(asciiLower(name))
}

// Has reports whether the named header is present.
func (h *Headers) Has(name string) bool { return h.header().contains(asciiLower(name)) }

// SetCookies returns the Set-Cookie values (getSetCookie()).
func (h *Headers) SetCookies() []string { return h.header().values("set-cookie") }

// Append appends a header with the semantics of headers.append().
func (h *Headers) Append(name, value string) error { return h.appendChecked(name, value) }

// Set sets a header with the semantics of headers.set().
func (h *Headers) Set(name, value string) error { return h.setChecked(name, value) }

// Delete removes a header with the semantics of headers.delete().
func (h *Headers) Delete(name string) error { return h.deleteChecked(name) }

// validate implements https://fetch.spec.whatwg.org/#headers-validate.
func (h *Headers) validate(name, lower, value string) (bool, error) {
	// 1. If name is not a header name or value is not a header value, then throw a TypeError.
	if !isHeaderName(name) {
		return false, ErrInvalidHeaderName
	}
	if !isHeaderValue(value) {
		return false, ErrInvalidHeaderValue
	}
	// 2. If headers's guard is "immutable", then throw a TypeError.
	if h.guard == GuardImmutable {
		return false, ErrImmutableHeaders
	}
	if h.strict {
		// 3. If headers's guard is "request" and (name, value) is a forbidden request-header, then return false.
		if h.guard == GuardRequest && isForbiddenRequestHeader(lower, value) {
			return false, nil
		}
		// 4. If headers's guard is "response" and name is a forbidden response-header name, then return false.
		if h.guard == GuardResponse && isForbiddenResponseHeaderName(lower) {
			return false, nil
		}
	}
	return true, nil
}

// appendChecked implements "append" (https://fetch.spec.whatwg.org/#concept-headers-append).
func (h *Headers) appendChecked(name, value string) error {
	// 1. Normalize value.
	value = normalizeHeaderValue(value)
	lower := asciiLower(name)
	// 2. If validating (name, value) for headers returns false, then return.
	if ok, err := h.validate(name, lower, value); !ok {
		return err
	}
	list := h.header()
	// 3. If headers's guard is "request-no-cors":
	if h.guard == GuardRequestNoCORS {
		// 1-3. Let temporaryValue be the value got from the list, combined with value.
		tmp, ok := list.get(lower)
		if !ok {
			tmp = value
		} else {
			tmp = tmp + ", " + value
		}
		// 4. If (name, temporaryValue) is not a no-CORS-safelisted request-header, then return.
		if !isNoCORSSafelistedRequestHeader(lower, tmp) {
			return nil
		}
	}
	// 4. Append (name, value) to headers's header list.
	list.append(headerEntry{name: name, lower: lower, value: value})
	h.changed()
	// 5. If headers's guard is "request-no-cors", then remove privileged no-CORS request-headers from headers.
	if h.guard == GuardRequestNoCORS {
		list.delete("range")
	}
	return nil
}

// setChecked implements set() (https://fetch.spec.whatwg.org/#dom-headers-set).
func (h *Headers) setChecked(name, value string) error {
	// 1. Normalize value.
	value = normalizeHeaderValue(value)
	lower := asciiLower(name)
	// 2. If validating (name, value) for this returns false, then return.
	if ok, err := h.validate(name, lower, value); !ok {
		return err
	}
	// 3. If this's guard is "request-no-cors" and (name, value) is not a
	//    no-CORS-safelisted request-header, then return.
	if h.guard == GuardRequestNoCORS && !isNoCORSSafelistedRequestHeader(lower, value) {
		return nil
	}
	// 4. Set (name, value) in this's header list.
	list := h.header()
	list.set(headerEntry{name: name, lower: lower, value: value})
	h.changed()
	// 5. If this's guard is "request-no-cors", then remove privileged no-CORS request-headers from this.
	if h.guard == GuardRequestNoCORS {
		list.delete("range")
	}
	return nil
}

// deleteChecked implements delete() (https://fetch.spec.whatwg.org/#dom-headers-delete).
func (h *Headers) deleteChecked(name string) error {
	lower := asciiLower(name)
	// 1. If validating (name, ``) for this returns false, then return.
	if ok, err := h.validate(name, lower, ""); !ok {
		return err
	}
	// 2. If this's guard is "request-no-cors", name is not a no-CORS-safelisted
	//    request-header name, and name is not a privileged no-CORS request-header name, then return.
	if h.guard == GuardRequestNoCORS && !isNoCORSSafelistedName(lower) && !isPrivilegedNoCORSName(lower) {
		return nil
	}
	list := h.header()
	// 3. If this's header list does not contain name, then return.
	if !list.contains(lower) {
		return nil
	}
	// 4. Delete name from this's header list.
	list.delete(lower)
	h.changed()
	// 5. If this's guard is "request-no-cors", then remove privileged no-CORS request-headers from this.
	if h.guard == GuardRequestNoCORS {
		list.delete("range")
	}
	return nil
}

// replaceList sets the list without checks (host-side initialisation).
func (h *Headers) replaceList(l headerList) {
	h.lazy = nil
	h.list = l
	h.changed()
}

// httpHeader returns the list as a net/http header map. Names are
// canonicalised: net/http looks up the headers it manages (User-Agent,
// Content-Length, Host...) by canonical key and would otherwise send its own
// next to ours.
func httpHeader(list headerList) http.Header {
	out := make(http.Header, len(list))
	for _, e := range list {
		k := http.CanonicalHeaderKey(e.name)
		out[k] = append(out[k], e.value)
	}
	return out
}
