package fetch

import (
	"context"
	"io"
	goruntime "runtime"
	"strconv"

	"github.com/dop251/goja"
	weburl "github.com/edgerun/edgerun/webapi/url"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/webapi/file"
)

// fetchFunction builds the fetch global.
func fetchFunction(iso *runtime.Isolate) goja.Value {
	return jsclass.Function(iso.VM(), "fetch", 1, func(call goja.FunctionCall) goja.Value {
		return doFetch(iso, call)
	})
}

// A fetchCall is one fetch() in flight: its promise, the Request, and the
// Response once there is one.
type fetchCall struct {
	iso             *runtime.Isolate
	req             *Request
	resolve, reject func(any) error
	settled         bool
	locallyAborted  bool
	cancel          context.CancelFunc
	response        *Response
	removeAbort     func()
}

// doFetch implements fetch(input, init) (https://fetch.spec.whatwg.org/#dom-global-fetch).
func doFetch(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	// 1. Let p be a new promise.
	p, resolve, reject := vm.NewPromise()
	fc := &fetchCall{iso: iso, resolve: resolve, reject: reject}
	// 2. Let requestObject be the result of invoking the initial value of Request
	//    as constructor with input and init. If this throws, reject p with it.
	if ex := vm.Try(func() {
		ctxFetch.RequireArgs(vm, call, 1)
		fc.req = constructRequest(iso, "", call.Argument(0), call.Argument(1))
	}); ex != nil {
		_ = reject(ex.Value())
		return vm.ToValue(p)
	}
	req := fc.req
	signal := req.abortSource()
	// 4. If requestObject's signal is aborted, then abort the fetch() call with its abort reason.
	if signal != nil && signal.Aborted() {
		fc.abort(signal.Reason())
		return vm.ToValue(p)
	}
	parsed, ok := parseURL(req.url, "")
	if !ok {
		fc.fail(errBadLocation)
		return vm.ToValue(p)
	}
	// Scheme fetch (https://fetch.spec.whatwg.org/#scheme-fetch).
	switch parsed.Scheme() {
	case "data":
		d, ok := processDataURL(parsed)
		if !ok {
			fc.failMsg("invalid data: URL")
			break
		}
		r := newResponseValue(iso, GuardImmutable)
		r.typ, r.statusText, r.url = "basic", "OK", parsed.HrefWithoutFragment()
		r.headers.list = headerList{newEntry("Content-Type", isomorphicEncode(d.mimeType.String()))}
		// Main fetch: a HEAD (or CONNECT) response has a null body.
		if req.method != "HEAD" {
			r.body = newBytesBody(d.body, false)
		}
		fc.succeed(r)
	case "about":
		// The standard answers about:blank with an empty HTML document, but
		// browsers (and WPT's fetch/api/basic/scheme-about.any.js) give
		// scripts a network error for every about: URL.
		fc.failMsg("about: URLs cannot be fetched")
	case "http", "https":
		fc.startNetwork(parsed)
	case "blob":
		fc.fetchBlob(parsed)
	default:
		fc.failMsg("unknown scheme")
	}
	return vm.ToValue(p)
}

// startNetwork sends the request on another goroutine.
func (fc *fetchCall) startNetwork(parsed *weburl.URL) {
	iso, req := fc.iso, fc.req
	st := stateOf(iso)
	n := &netRequest{
		method:    req.method,
		url:       parsed,
		header:    req.headers.header().clone(),
		mode:      req.mode,
		cache:     req.cache,
		redirect:  req.redirect,
		userAgent: st.opts.UserAgent,
		integrity: req.integrity,
		allowHost: st.opts.AllowHost,
		client:    st.client,
	}
	if b := req.body; b != nil {
		n.hasBody = true
		n.bodyLength = b.length
		switch {
		case b.stream == nil && b.reader == nil:
			n.replayable, n.bodyBytes = true, b.bytes
			b.used = true
		case b.stream == nil:
			n.bodyReader = b.reader
			b.reader, b.used = nil, true
		default:
			n.bodyReader = pipeStream(iso, b.stream)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	fc.cancel = cancel
	// 11. Add abort steps to requestObject's signal.
	if s := req.abortSource(); s != nil {
		fc.removeAbort = s.OnAbort(func() { fc.abort(s.Reason()) })
	}
	op := iso.StartOp()
	go func() {
		res := n.checkIntegrity(n.run(ctx))
		if err := op.Complete(func() { fc.networkDone(res) }); err != nil {
			if res.resp != nil {
				_ = res.resp.Body.Close()
			}
			cancel()
		}
	}()
}

// networkDone is processResponse (fetch step 12.3), on the isolate's goroutine.
func (fc *fetchCall) networkDone(res netResponse) {
	// 1. If locallyAborted is true, then abort these steps.
	if fc.locallyAborted {
		if res.resp != nil {
			_ = res.resp.Body.Close()
		}
		return
	}
	// 3. If response is a network error, then reject p with a TypeError.
	if res.err != nil {
		fc.cancel()
		fc.fail(res.err)
		return
	}
	resp := res.resp
	r := newResponseValue(fc.iso, GuardImmutable)
	r.typ = "basic"
	r.status = resp.StatusCode
	r.statusText = statusText(resp)
	r.url = res.urlList[len(res.urlList)-1].HrefWithoutFragment()
	r.redirected = len(res.urlList) > 1
	r.headers.lazy = resp.Header
	// A HEAD response or a null body status has a null body (main fetch step 22).
	if fc.req.method == "HEAD" || fc.req.method == "CONNECT" || isNullBodyStatus(resp.StatusCode) {
		_ = resp.Body.Close()
		fc.cancel()
		if fc.removeAbort != nil {
			fc.removeAbort()
		}
	} else if res.verified != nil {
		r.body = newBytesBody(res.verified, false)
		fc.cancel()
		if fc.removeAbort != nil {
			fc.removeAbort()
		}
	} else {
		r.body = newReaderBody(closeWhenUnreachable(cancelOnClose{resp.Body, fc.cancel}), resp.ContentLength)
		r.body.finished = func() {
			if fc.removeAbort != nil {
				fc.removeAbort()
			}
		}
	}
	// 4-5. Create a Response with guard "immutable" and resolve p with it.
	fc.succeed(r)
}

func (fc *fetchCall) succeed(r *Response) {
	// Main fetch step 22: a body that does not match the request's integrity
	// metadata is a network error (network bodies were checked off-loop).
	if fc.req.integrity != "" && r.body != nil && r.body.hasBytes && !integrityMatches(r.body.bytes, fc.req.integrity) {
		fc.fail(errIntegrity)
		return
	}
	fc.response = r
	if !fc.settled {
		fc.settled = true
		_ = fc.resolve(jsclass.New(fc.iso, ResponseClass, r))
	}
}

func (fc *fetchCall) fail(err error) {
	if !fc.settled {
		fc.settled = true
		_ = fc.reject(fetchFailed(fc.iso, err))
	}
}

func (fc *fetchCall) failMsg(msg string) {
	if !fc.settled {
		fc.settled = true
		cause := causeFromError(fc.iso, errorString(msg))
		_ = fc.reject(newTypeError(fc.iso, "fetch failed", cause))
	}
}

// abort implements the abort steps and "abort the fetch() call"
// (https://fetch.spec.whatwg.org/#abort-fetch).
func (fc *fetchCall) abort(reason goja.Value) {
	// 1. Set locallyAborted to true. 3. Abort controller.
	fc.locallyAborted = true
	if fc.cancel != nil {
		fc.cancel()
	}
	// Reject promise with error (a no-op if it has already fulfilled).
	if !fc.settled {
		fc.settled = true
		_ = fc.reject(reason)
	}
	// If responseObject's body is non-null and readable, error it with error.
	if fc.response != nil && fc.response.body != nil {
		b := fc.response.body
		b.abortReason = reason
		streamError(b, reason)
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }

// cancelOnClose releases the fetch's context when the response body is
// closed (read to the end, cancelled, or handed to the server).
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c cancelOnClose) Close() error {
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}

// An unreachableCloser closes its reader once nothing references it any
// more. Scripts often check response.ok and never read the body; without
// this the response's connection (and its goroutines) would stay open
// forever instead of returning to the pool. Whoever holds the wrapper (the
// body, a stream reading it, the server copying it) keeps it open.
type unreachableCloser struct{ io.ReadCloser }

func closeWhenUnreachable(rc io.ReadCloser) io.ReadCloser {
	w := &unreachableCloser{rc}
	goruntime.AddCleanup(w, func(rc io.ReadCloser) { _ = rc.Close() }, rc)
	return w
}

// fetchBlob is scheme fetch for blob: URLs
// (https://fetch.spec.whatwg.org/#scheme-fetch, "blob").
func (fc *fetchCall) fetchBlob(u *weburl.URL) {
	req := fc.req
	// 1. Let blobURLEntry be request's current URL's blob URL entry.
	blob, ok := file.ResolveObjectURL(fc.iso, u.HrefWithoutFragment())
	// 2. If request's method is not `GET` or blobURLEntry is null, then return a network error.
	if req.method != "GET" || !ok {
		fc.failMsg("blob: URL not found or method is not GET")
		return
	}
	data := blob.Bytes()
	// 7-9. Let fullLength be blob's size; serializedFullLength; type be blob's type.
	fullLength := int64(len(data))
	typ := blob.Type()
	// A type that is not a MIME type is served as "" (as browsers do, and
	// WPT's scheme-blob.sub.any.js expects; the standard passes it through).
	if _, ok := ParseMIMEType(typ); !ok {
		typ = ""
	}
	r := newResponseValue(fc.iso, GuardImmutable)
	r.typ, r.url = "basic", u.HrefWithoutFragment()
	rangeHeader, hasRange := req.headers.header().get("range")
	// 10. If request's header list does not contain `Range`:
	if !hasRange {
		// Set response's status message to `OK`, body to the blob's bytes and
		// header list to « (`Content-Length`, fullLength), (`Content-Type`, type) ».
		r.statusText = "OK"
		r.headers.list = headerList{
			{name: "Content-Length", lower: "content-length", value: strconv.FormatInt(fullLength, 10)},
			{name: "Content-Type", lower: "content-type", value: typ},
		}
		r.body = newBytesBody(data, true)
		fc.succeed(r)
		return
	}
	// 11. Otherwise: parse the single range header value, allowing whitespace.
	start, end, ok := parseSingleRange(rangeHeader, true)
	if !ok {
		fc.failMsg("invalid Range header")
		return
	}
	if start < 0 {
		// If rangeStart is null: rangeStart = fullLength − rangeEnd; rangeEnd = rangeStart + rangeEnd − 1.
		start = fullLength - end
		end = start + end - 1
		if start < 0 {
			start = 0
		}
	} else {
		// If rangeStart is greater than or equal to fullLength, then return a network error.
		if start >= fullLength {
			fc.failMsg("Range is not satisfiable")
			return
		}
		// If rangeEnd is null or ≥ fullLength, then set rangeEnd to fullLength − 1.
		if end < 0 || end >= fullLength {
			end = fullLength - 1
		}
	}
	// Let slicedBlob be the result of slicing blob from rangeStart to rangeEnd + 1.
	sliced := []byte{}
	if start <= end {
		sliced = data[start : end+1]
	}
	r.status, r.statusText = 206, "Partial Content"
	r.headers.list = headerList{
		{name: "Content-Length", lower: "content-length", value: strconv.Itoa(len(sliced))},
		{name: "Content-Type", lower: "content-type", value: typ},
		{name: "Content-Range", lower: "content-range", value: "bytes " + strconv.FormatInt(start, 10) + "-" + strconv.FormatInt(end, 10) + "/" + strconv.FormatInt(fullLength, 10)},
	}
	r.body = newBytesBody(sliced, true)
	fc.succeed(r)
}
