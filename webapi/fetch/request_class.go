package fetch

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/events"
)

// RequestClass is the JS Request interface.
var RequestClass = &jsclass.Class{
	Name:    "Request",
	Dynamic: true, // one per request: see jsclass.Class.Dynamic
	Length:  1,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		ctx := ctxRequest
		ctx.RequireConstructArgs(iso.VM(), call, 1)
		return constructRequest(iso, ctx, call.Argument(0), call.Argument(1))
	},
}

func init() {
	str := func(get func(r *Request) string) func(r *Request, iso *runtime.Isolate) goja.Value {
		return func(r *Request, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(get(r)) }
	}
	boolean := func(get func(r *Request) bool) func(r *Request, iso *runtime.Isolate) goja.Value {
		return func(r *Request, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(get(r)) }
	}
	RequestClass.Members = append([]jsclass.Member{
		jsclass.Getter("method", func(r *Request, iso *runtime.Isolate) goja.Value {
			return webidl.FromByteString(iso.VM(), r.method)
		}),
		jsclass.Getter("url", str(func(r *Request) string { return r.url })),
		jsclass.Getter("headers", func(r *Request, iso *runtime.Isolate) goja.Value { return r.headers.object(iso) }),
		jsclass.Getter("destination", str(func(r *Request) string { return "" })),
		// The referrer getter steps (https://fetch.spec.whatwg.org/#dom-request-referrer).
		jsclass.Getter("referrer", str(func(r *Request) string {
			switch r.referrer {
			case "no-referrer":
				return ""
			case "client":
				return "about:client"
			}
			return r.referrer
		})),
		jsclass.Getter("referrerPolicy", str(func(r *Request) string { return r.referrerPolicy })),
		jsclass.Getter("mode", str(func(r *Request) string { return r.mode })),
		jsclass.Getter("credentials", str(func(r *Request) string { return r.credentials })),
		jsclass.Getter("cache", str(func(r *Request) string { return r.cache })),
		jsclass.Getter("redirect", str(func(r *Request) string { return r.redirect })),
		jsclass.Getter("integrity", str(func(r *Request) string { return r.integrity })),
		jsclass.Getter("keepalive", boolean(func(r *Request) bool { return r.keepalive })),
		jsclass.Getter("isReloadNavigation", boolean(func(r *Request) bool { return r.reloadNav })),
		jsclass.Getter("isHistoryNavigation", boolean(func(r *Request) bool { return r.historyNav })),
		jsclass.Getter("signal", func(r *Request, iso *runtime.Isolate) goja.Value { return r.Signal(iso).Object() }),
		jsclass.Getter("duplex", str(func(r *Request) string { return "half" })),
		jsclass.Method("clone", 0, func(r *Request, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			// 1. If this is unusable, then throw a TypeError.
			if r.body != nil && r.body.unusable(iso) {
				ctxRequestClone.TypeError(iso.VM(), "Request body is already used")
			}
			// 2-5. Clone the request, with a signal that follows this's signal
			//      and headers with the same guard.
			return jsclass.New(iso, RequestClass, r.clone(iso))
		}),
	}, bodyMembers[*Request]("Request")...)
}

// constructRequest implements new Request(input, init)
// (https://fetch.spec.whatwg.org/#dom-request). fetch() calls it too.
func constructRequest(iso *runtime.Isolate, ctx webidl.Context, input, initV goja.Value) *Request {
	vm := iso.VM()
	st := stateOf(iso)
	// 3. Let baseURL be this's relevant settings object's API base URL.
	baseURL := st.opts.BaseURL
	var request *Request
	fallbackMode := ""
	var inputReq *Request
	// RequestInfo: (Request or USVString).
	if r, ok := RequestOf(iso, input); ok {
		inputReq = r
	}
	var urlString string
	if inputReq == nil {
		urlString = ctx.USVString(vm, input)
	}
	// The dictionary is converted before the steps run.
	init := convertRequestInit(iso, ctx, initV)

	if inputReq == nil {
		// 5. If input is a string, then:
		// 1. Let parsedURL be the result of parsing input with baseURL.
		parsed, ok := parseURL(urlString, baseURL)
		// 2. If parsedURL is failure, then throw a TypeError.
		if !ok {
			ctx.TypeError(vm, "Failed to parse URL from %s", urlString)
		}
		// 3. If parsedURL includes credentials, then throw a TypeError.
		if includesCredentials(parsed) {
			ctx.TypeError(vm, "Request cannot be constructed from a URL that includes credentials: %s", urlString)
		}
		// 4. Set request to a new request whose URL is parsedURL.
		request = newDefaultRequest(iso, "GET", parsed.Href())
		// 5. Set fallbackMode to "cors".
		fallbackMode = "cors"
	} else {
		// 6. Otherwise: set request to input's request and signal to input's signal.
		request = inputReq
	}
	// 4, 6.3. Let signal be null, or input's signal.
	var sig *events.AbortSignal
	if inputReq != nil {
		sig = inputReq.abortSource()
	}

	// 10. If init["window"] exists and is non-null, then throw a TypeError.
	if init.hasWindow && !goja.IsNull(init.window) {
		ctx.TypeError(vm, "The 'window' property must be null.")
	}

	// 12. Set request to a new request copied from request (header list copied).
	r := &Request{
		method:         request.method,
		url:            request.url,
		headers:        newHeadersValue(iso, GuardRequest),
		referrer:       request.referrer,
		referrerPolicy: request.referrerPolicy,
		mode:           request.mode,
		credentials:    request.credentials,
		cache:          request.cache,
		redirect:       request.redirect,
		integrity:      request.integrity,
		priority:       request.priority,
		keepalive:      request.keepalive,
		reloadNav:      request.reloadNav,
		historyNav:     request.historyNav,
	}
	inputHeaders := request.headers.header().clone()

	// 13. If init is not empty, then:
	if init.notEmpty {
		// 1. If request's mode is "navigate", then set it to "same-origin".
		if r.mode == "navigate" {
			r.mode = "same-origin"
		}
		// 2-3. Unset the reload-navigation and history-navigation flags.
		r.reloadNav, r.historyNav = false, false
		// 5. Set request's referrer to "client".
		r.referrer = "client"
		// 6. Set request's referrer policy to the empty string.
		r.referrerPolicy = ""
	}

	// 14. If init["referrer"] exists, then:
	if init.hasReferrer {
		if init.referrer == "" {
			// 2. If referrer is the empty string, then set request's referrer to "no-referrer".
			r.referrer = "no-referrer"
		} else {
			// 1. Let parsedReferrer be the result of parsing referrer with baseURL.
			parsed, ok := parseURL(init.referrer, baseURL)
			// 2. If parsedReferrer is failure, then throw a TypeError.
			if !ok {
				ctx.TypeError(vm, "Referrer '%s' is not a valid URL.", init.referrer)
			}
			// 3. If parsedReferrer's scheme is "about" and path is "client", or its
			//    origin is not same origin with origin, then set request's referrer to "client".
			base, hasBase := parseURL(baseURL, "")
			if parsed.Scheme() == "about" && parsed.Pathname() == "client" || !hasBase || baseURL == "" || !sameOrigin(parsed, base) {
				r.referrer = "client"
			} else {
				// 4. Otherwise, set request's referrer to parsedReferrer.
				r.referrer = parsed.Href()
			}
		}
	}
	// 15. If init["referrerPolicy"] exists, then set request's referrer policy to it.
	if init.hasRP {
		r.referrerPolicy = init.refPolicy
	}
	// 16. Let mode be init["mode"] if it exists, and fallbackMode otherwise.
	mode := fallbackMode
	if init.hasMode {
		mode = init.mode
	}
	// 17. If mode is "navigate", then throw a TypeError.
	if mode == "navigate" {
		ctx.TypeError(vm, "Cannot construct a Request with a RequestInit whose mode member is set as 'navigate'.")
	}
	// 18. If mode is non-null, set request's mode to mode.
	if mode != "" {
		r.mode = mode
	}
	// 19. If init["credentials"] exists, then set request's credentials mode to it.
	if init.hasCreds {
		r.credentials = init.credentials
	}
	// 20. If init["cache"] exists, then set request's cache mode to it.
	if init.hasCache {
		r.cache = init.cache
	}
	// 21. If request's cache mode is "only-if-cached" and request's mode is not
	//     "same-origin", then throw a TypeError.
	if r.cache == "only-if-cached" && r.mode != "same-origin" {
		ctx.TypeError(vm, "'only-if-cached' can be set only with 'same-origin' mode")
	}
	// 22. If init["redirect"] exists, then set request's redirect mode to it.
	if init.hasRedir {
		r.redirect = init.redirect
	}
	// 23. If init["integrity"] exists, then set request's integrity metadata to it.
	if init.hasIntegrity {
		r.integrity = init.integrity
	}
	// 24. If init["keepalive"] exists, then set request's keepalive to it.
	if init.hasKA {
		r.keepalive = init.keepalive
	}
	// 25. If init["method"] exists, then:
	if init.hasMethod {
		m := init.method
		// 2. If method is not a method or method is a forbidden method, then throw a TypeError.
		if !isMethod(m) {
			ctx.TypeError(vm, "'%s' is not a valid HTTP method.", m)
		}
		if isForbiddenMethod(m) {
			ctx.TypeError(vm, "'%s' HTTP method is unsupported.", m)
		}
		// 3-4. Normalize method and set request's method to it.
		r.method = normalizeMethod(m)
	}
	// 26. If init["signal"] exists, then set signal to it.
	if init.hasSignal {
		sig = init.signal
	}
	// 27. If init["priority"] exists, then set request's priority to it.
	if init.hasPriority {
		r.priority = init.priority
	}
	// 29-30. Set this's signal to a signal that depends on signal (created on demand).
	r.follows = sig
	// 31. Set this's headers to a new Headers whose guard is "request".
	// 32. If this's request's mode is "no-cors", then:
	if r.mode == "no-cors" {
		// 1. If this's request's method is not a CORS-safelisted method, then throw a TypeError.
		if !isCORSSafelistedMethod(r.method) {
			ctx.TypeError(vm, "'%s' is unsupported in no-cors mode.", r.method)
		}
		// 2. Set this's headers's guard to "request-no-cors".
		r.headers.guard = GuardRequestNoCORS
	}
	// 33. If init is not empty, then:
	if init.notEmpty {
		// 1-2. Let headers be a copy of this's headers (the input request's list)
		//      or init["headers"]. 3. Empty this's headers's header list.
		// 4-5. Append each header to this's headers (the guard filters them).
		if init.hasHeader {
			for _, p := range init.headers {
				throwHeadersError(vm, ctx, r.headers.appendChecked(p[0], p[1]))
			}
		} else {
			for _, e := range inputHeaders {
				throwHeadersError(vm, ctx, r.headers.appendChecked(e.name, e.value))
			}
		}
	} else {
		r.headers.replaceList(inputHeaders)
	}

	// 34. Let inputBody be input's request's body if input is a Request object; otherwise null.
	var inputBody *body
	if inputReq != nil {
		inputBody = inputReq.body
	}
	// 35. If either init["body"] exists and is non-null or inputBody is non-null,
	//     and request's method is `GET` or `HEAD`, then throw a TypeError.
	hasInitBody := init.body != nil && !init.bodyNull
	if (hasInitBody || inputBody != nil) && (r.method == "GET" || r.method == "HEAD") {
		ctx.TypeError(vm, "Request with GET/HEAD method cannot have body.")
	}
	// 36. Let initBody be null.
	var initBody *body
	// 37. If init["body"] exists and is non-null, then:
	if hasInitBody {
		// 1. Let bodyWithType be the result of extracting init["body"], with keepalive.
		b, typ := extractBody(iso, ctx, init.body, r.keepalive)
		// 2. Set initBody to bodyWithType's body.
		initBody = b
		// 4. If type is non-null and this's headers's header list does not contain
		//    `Content-Type`, then append (`Content-Type`, type) to this's headers.
		if typ != "" && !r.headers.header().contains("content-type") {
			throwHeadersError(vm, ctx, r.headers.appendChecked("Content-Type", typ))
		}
	}
	// 38. Let inputOrInitBody be initBody if it is non-null; otherwise inputBody.
	inputOrInitBody := initBody
	if inputOrInitBody == nil {
		inputOrInitBody = inputBody
	}
	// 39. If inputOrInitBody is non-null and inputOrInitBody's source is null, then:
	if inputOrInitBody != nil && !inputOrInitBody.replayable() {
		// 1. If initBody is non-null and init["duplex"] does not exist, then throw a TypeError.
		if initBody != nil && !init.hasDuplex {
			ctx.TypeError(vm, "The duplex member must be specified for a request with a streaming body")
		}
		// 2. If this's request's mode is neither "same-origin" nor "cors", then throw a TypeError.
		if r.mode != "same-origin" && r.mode != "cors" {
			ctx.TypeError(vm, "If request is made from ReadableStream, mode should be \"same-origin\" or \"cors\"")
		}
	}
	// 40. Let finalBody be inputOrInitBody.
	finalBody := inputOrInitBody
	// 41. If initBody is null and inputBody is non-null, then:
	if initBody == nil && inputBody != nil {
		// 1. If inputBody is unusable, then throw a TypeError.
		if inputBody.unusable(iso) {
			ctx.TypeError(vm, "Cannot construct a Request with a Request object that has already been used.")
		}
		// 2. Set finalBody to the result of creating a proxy for inputBody.
		finalBody = inputBody.proxy(iso)
	}
	// 42. Set this's request's body to finalBody.
	r.body = finalBody
	return r
}
