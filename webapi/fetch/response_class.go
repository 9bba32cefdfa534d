package fetch

import (
	"strconv"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// ResponseClass is the JS Response interface.
var ResponseClass = &jsclass.Class{
	Name:    "Response",
	Dynamic: true, // one per request: see jsclass.Class.Dynamic
	Length:  0,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		ctx := ctxResponse
		bodyV, initV := call.Argument(0), call.Argument(1)
		init := convertResponseInit(iso, ctx, initV)
		// 1. Set this's response to a new response.
		// 2. Set this's headers to a new Headers whose guard is "response".
		r := newResponseValue(iso, GuardResponse)
		// 3-4. If body is non-null, then set bodyWithType to the result of extracting body.
		var b *body
		typ := ""
		if !webidl.IsNullish(bodyV) {
			b, typ = extractBody(iso, ctx, bodyV, false)
		}
		// 5. Perform initialize a response given this, init, and bodyWithType.
		initializeResponse(iso, ctx, r, init, b, typ)
		return r
	},
}

func newResponseValue(iso *runtime.Isolate, guard Guard) *Response {
	r := &Response{iso: iso, typ: "default", status: 200}
	r.headersVal = Headers{guard: guard, strict: stateOf(iso).opts.BrowserGuards}
	r.headers = &r.headersVal
	return r
}

func init() {
	ResponseClass.Members = append([]jsclass.Member{
		jsclass.Getter("type", func(r *Response, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(r.typ) }),
		jsclass.Getter("url", func(r *Response, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(r.url) }),
		jsclass.Getter("redirected", func(r *Response, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(r.redirected) }),
		jsclass.Getter("status", func(r *Response, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(r.status) }),
		// The ok getter: true if status is an ok status (200-299).
		jsclass.Getter("ok", func(r *Response, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue(r.status >= 200 && r.status <= 299)
		}),
		jsclass.Getter("statusText", func(r *Response, iso *runtime.Isolate) goja.Value {
			return webidl.FromByteString(iso.VM(), r.statusText)
		}),
		jsclass.Getter("headers", func(r *Response, iso *runtime.Isolate) goja.Value { return r.headers.object(iso) }),
		jsclass.Method("clone", 0, func(r *Response, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			// 1. If this is unusable, then throw a TypeError.
			if r.body != nil && r.body.unusable(iso) {
				ctxResponseClone.TypeError(iso.VM(), "Response body is already used")
			}
			// 2-3. Clone this's response and create a Response with this's headers's guard.
			return jsclass.New(iso, ResponseClass, r.clone(iso))
		}),
	}, bodyMembers[*Response]("Response")...)
	ResponseClass.Statics = []jsclass.Member{
		jsclass.Static("error", 0, func(iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			// Return a Response for a new network error with guard "immutable".
			r := newResponseValue(iso, GuardImmutable)
			r.typ, r.status = "error", 0
			return jsclass.New(iso, ResponseClass, r)
		}),
		jsclass.Static("redirect", 1, func(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			ctx := ctxResponseRedirect
			vm := iso.VM()
			ctx.RequireArgs(vm, call, 1)
			u := ctx.USVString(vm, call.Argument(0))
			status := 302
			if s := call.Argument(1); !goja.IsUndefined(s) {
				status = int(ctx.UnsignedShort(vm, s, webidl.IntOptions{}))
			}
			// 1. Let parsedURL be the result of parsing url with the API base URL.
			parsed, ok := parseURL(u, stateOf(iso).opts.BaseURL)
			// 2. If parsedURL is failure, then throw a TypeError.
			if !ok {
				ctx.TypeError(vm, "Failed to parse URL from %s", u)
			}
			// 3. If status is not a redirect status, then throw a RangeError.
			if !isRedirectStatus(status) {
				jsclass.Throw(vm, "RangeError", string(ctx)+": Invalid status code")
			}
			// 4. Let responseObject be a Response with guard "immutable".
			r := newResponseValue(iso, GuardImmutable)
			// 5. Set responseObject's response's status to status.
			r.status = status
			// 6-7. Append (`Location`, parsedURL serialized and isomorphic encoded).
			r.headers.list.append(newEntry("Location", isomorphicEncode(parsed.Href())))
			return jsclass.New(iso, ResponseClass, r)
		}),
		jsclass.Static("json", 1, func(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			ctx := ctxResponseJSON
			vm := iso.VM()
			ctx.RequireArgs(vm, call, 1)
			init := convertResponseInit(iso, ctx, call.Argument(1))
			// 1. Let bytes the result of running serialize a JavaScript value to JSON bytes on data.
			data := serializeJSONBytes(iso, ctx, call.Argument(0))
			// 2. Let body be the result of extracting bytes.
			b := newBytesBody(data, false)
			// 3. Let responseObject be a Response with guard "response".
			r := newResponseValue(iso, GuardResponse)
			// 4. Perform initialize a response with (body, "application/json").
			initializeResponse(iso, ctx, r, init, b, "application/json")
			return jsclass.New(iso, ResponseClass, r)
		}),
	}
}

// responseInit is a converted ResponseInit dictionary.
type responseInit struct {
	headers    goja.Value // nil when absent
	status     int
	statusText string
}

// convertResponseInit converts a ResponseInit (members in lexicographic order).
func convertResponseInit(iso *runtime.Isolate, ctx webidl.Context, v goja.Value) responseInit {
	vm := iso.VM()
	init := responseInit{status: 200}
	dict := ctx.Dictionary(vm, v, "ResponseInit")
	if dict == nil {
		return init
	}
	memberCtx := func(name string) webidl.Context {
		return webidl.Context(string(ctx) + ": Failed to read the '" + name + "' property from 'ResponseInit'")
	}
	if m := webidl.Member(dict, "headers"); m != nil {
		init.headers = m
	}
	if m := webidl.Member(dict, "status"); m != nil {
		init.status = int(memberCtx("status").UnsignedShort(vm, m, webidl.IntOptions{}))
	}
	if m := webidl.Member(dict, "statusText"); m != nil {
		init.statusText = memberCtx("statusText").ByteString(vm, m)
	}
	return init
}

// isReasonPhrase reports whether s matches the reason-phrase production:
// *( HTAB / SP / VCHAR / obs-text ).
func isReasonPhrase(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '\t' || c == ' ' || c >= 0x21 && c <= 0x7E || c >= 0x80) {
			return false
		}
	}
	return true
}

// initializeResponse implements "initialize a response"
// (https://fetch.spec.whatwg.org/#initialize-a-response).
func initializeResponse(iso *runtime.Isolate, ctx webidl.Context, r *Response, init responseInit, b *body, typ string) {
	vm := iso.VM()
	// 1. If init["status"] is not in the range 200 to 599, inclusive, then throw a RangeError.
	if init.status < 200 || init.status > 599 {
		jsclass.Throw(vm, "RangeError", string(ctx)+": The status provided ("+strconv.Itoa(init.status)+") is outside the range [200, 599].")
	}
	// 2. If init["statusText"] is not the empty string and does not match the
	//    reason-phrase token production, then throw a TypeError.
	if !isReasonPhrase(init.statusText) {
		ctx.TypeError(vm, "Invalid statusText")
	}
	// 3-4. Set the status and status message.
	r.status = init.status
	r.statusText = init.statusText
	// 5. If init["headers"] exists, then fill response's headers with init["headers"].
	if init.headers != nil {
		r.headers.fill(iso, ctx, init.headers)
	}
	// 6. If body is non-null, then:
	if b != nil {
		// 1. If response's status is a null body status, then throw a TypeError.
		if isNullBodyStatus(r.status) {
			ctx.TypeError(vm, "Response with null body status cannot have body")
		}
		// 2. Set response's body to body's body.
		r.body = b
		// 3. If body's type is non-null and response's header list does not contain
		//    `Content-Type`, then append (`Content-Type`, type) to the header list.
		if typ != "" && !r.headers.header().contains("content-type") {
			r.headers.header().append(headerEntry{name: "Content-Type", lower: "content-type", value: typ})
			r.headers.changed()
		}
	}
}

// serializeJSONBytes implements "serialize a JavaScript value to JSON bytes"
// (https://infra.spec.whatwg.org/#serialize-a-javascript-value-to-json-bytes).
func serializeJSONBytes(iso *runtime.Isolate, ctx webidl.Context, v goja.Value) []byte {
	vm := iso.VM()
	// 1. Let result be ? Call(%JSON.stringify%, undefined, « value »).
	//    runtime.StringifyJSON is that call without the builtin's
	//    allocations.
	res, err := runtime.StringifyJSON(vm, v)
	if err != nil {
		panic(err)
	}
	// 2. If result is undefined, then throw a TypeError.
	if goja.IsUndefined(res) {
		ctx.TypeError(vm, "The data is not JSON serializable")
	}
	// 4. Return the result of running UTF-8 encode on result (well-formed
	//    JSON.stringify escapes lone surrogates, so the output is valid UTF-16).
	return []byte(res.String())
}
