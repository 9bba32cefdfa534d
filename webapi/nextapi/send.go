package nextapi

import (
	"strings"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// Next's response helpers (api-utils/index.ts sendStatusCode, sendData,
// sendJson, sendEtagResponse) in Go: they are what nearly every route
// calls. The rarer ones (redirect, preview mode, revalidate) stay in
// api.js.

// helperID names a helper Next installs on res as a closure over it.
type helperID int

const (
	helperStatus helperID = iota
	helperSend
	helperJSON
	numHelpers
)

var helperNames = [numHelpers]string{"status", "send", "json"}

// helperSlot is one helper of one response: the closure made on first
// read, and whether the route replaced it.
type helperSlot struct {
	fn       goja.Value
	replaced bool
}

// installResponse puts the native members on ServerResponse.prototype.
func (m *apiModule) installResponse() {
	vm, proto := m.vm, m.resProto
	method := func(name string, length int, fn func(goja.FunctionCall) goja.Value) goja.Value {
		f := jsclass.Function(vm, name, length, fn)
		_ = proto.DefineDataProperty(name, f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		return f
	}
	m.setHeaderFn = method("setHeader", 2, m.setHeader)
	m.getHeaderFn = method("getHeader", 1, m.getHeader)
	m.removeHeaderFn = method("removeHeader", 1, m.removeHeader)
	method("appendHeader", 2, m.appendHeader)
	method("hasHeader", 1, m.hasHeader)
	method("getHeaders", 0, m.getHeaders)
	method("getHeaderNames", 0, m.getHeaderNames)
	method("writeHead", 3, m.writeHead)
	method("flushHeaders", 0, m.flushHeaders)
	method("write", 3, m.write)
	m.endFn = method("end", 3, m.end)

	getter := func(name string, get func(x *exchange) bool, shadow bool) {
		g := jsclass.Function(vm, "get "+name, 0, func(call goja.FunctionCall) goja.Value {
			x, _ := m.responseOf(call.This)
			return vm.ToValue(get(x))
		})
		var s goja.Value
		if shadow {
			s = m.shadowSetter(name, nil)
		}
		_ = proto.DefineAccessorProperty(name, g, s, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	// Node's OutgoingMessage getters; `finished` is a data property in
	// Node, so assigning it works.
	getter("headersSent", func(x *exchange) bool { return x.headersSent }, false)
	getter("writableEnded", func(x *exchange) bool { return x.ended }, false)
	getter("finished", func(x *exchange) bool { return x.ended }, true)
	getter("writableFinished", func(x *exchange) bool {
		if x.finishQueued {
			return x.finished
		}
		// Nobody listens, so nothing is emitted: finished once the
		// task that ended the response is over, as 'finish' would be.
		return x.ended && x.endTurn != m.iso.Turn()
	}, false)

	m.exchangeAccessor(proto, "_apiContext", func(x *exchange) goja.Value { return x.ctx }, false, nil)
	// res.req, an own property in Node; a route that assigns it gets one.
	m.exchangeAccessor(proto, "req", func(x *exchange) goja.Value { return x.reqObj }, false, m.shadowSetter("req", nil))
	for id := helperID(0); id < numHelpers; id++ {
		m.installHelper(id)
	}
}

// installHelper defines a lazy helper: reading res.status makes the
// closure over res (as Next's apiRes.status = (statusCode) => ...), once
// per response; assigning replaces it with an own property.
func (m *apiModule) installHelper(id helperID) {
	vm, name := m.vm, helperNames[id]
	get := jsclass.Function(vm, "get "+name, 0, func(call goja.FunctionCall) goja.Value {
		x, _ := m.responseOf(call.This)
		if x.helpers[id].fn == nil {
			x.helpers[id].fn = m.makeHelper(id, x)
		}
		return x.helpers[id].fn
	})
	set := m.shadowSetter(name, func(x *exchange, _ goja.Value) { x.helpers[id].replaced = true })
	_ = m.resProto.DefineAccessorProperty(name, get, set, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

func (m *apiModule) makeHelper(id helperID, x *exchange) goja.Value {
	res := x.resObj
	var fn func(goja.FunctionCall) goja.Value
	switch id {
	case helperStatus:
		fn = func(call goja.FunctionCall) goja.Value {
			_ = res.Set("statusCode", call.Argument(0))
			return res
		}
	case helperSend:
		fn = func(call goja.FunctionCall) goja.Value {
			m.sendData(x, call.Argument(0))
			return goja.Undefined()
		}
	case helperJSON:
		fn = func(call goja.FunctionCall) goja.Value {
			m.sendJSON(x, call.Argument(0))
			return goja.Undefined()
		}
	}
	return m.vm.ToValue(fn)
}

// ownHelper reports whether res.<helper> is still the host's own (never
// read, or read and not replaced), so Go can run it without a JS call.
// Replacing goes through the prototype's setter, or follows a read; a
// route that Object.defineProperty's a helper it never read is the one
// case not seen, and reading the property to check would create the
// closure on every request.
func (m *apiModule) ownHelper(x *exchange, id helperID) bool {
	slot := &x.helpers[id]
	if slot.replaced {
		return false
	}
	if slot.fn == nil {
		return true
	}
	return x.resObj.Get(helperNames[id]) == slot.fn
}

// sendJSON is Next's sendJson: the JSON content type, then res.send of the
// serialised body.
func (m *apiModule) sendJSON(x *exchange, body goja.Value) {
	m.callSetHeader(x, m.nameContentType, m.jsonContentType)
	s, err := runtime.StringifyJSON(m.vm, body)
	if err != nil {
		panic(err)
	}
	if m.ownHelper(x, helperSend) {
		m.sendData(x, s)
		return
	}
	m.callMethod(x.resObj, "send", s)
}

// sendData is Next's sendData (spec §1.5): nothing, a stream piped in, a
// Buffer, JSON for objects, numbers and booleans, or the string itself;
// with an ETag and a 304 when the client's copy is fresh.
func (m *apiModule) sendData(x *exchange, body goja.Value) {
	res := x.resObj
	if webidl.IsNullish(body) {
		m.callEnd(x, nil)
		return
	}
	if sc := res.Get("statusCode"); sc != nil && isNumber(sc) && (sc.ToFloat() == 204 || sc.ToFloat() == 304) {
		m.callRemoveHeader(x, "Content-Type")
		m.callRemoveHeader(x, "Content-Length")
		m.callRemoveHeader(x, "Transfer-Encoding")
		if m.cfg.Dev && body.ToBoolean() {
			m.warn("A body was attempted to be set with a 204 statusCode for " + x.req.URL + ", this is invalid and the body was ignored.\nSee more info here https://nextjs.org/docs/messages/invalid-api-status-body")
		}
		m.callEnd(x, nil)
		return
	}
	contentType := m.callGetHeader(x, "Content-Type")
	obj, isObj := body.(*goja.Object)
	if isObj && m.vm.InstanceOf(obj, m.streamCtor) {
		if _, err := m.pipeBody(goja.Undefined(), res, body, contentType); err != nil {
			panic(err)
		}
		return
	}
	_, isFn := goja.AssertFunction(body)
	jsonLike := (isObj && !isFn) || isNumber(body) || isBoolean(body)
	stringified := body
	if jsonLike {
		var err error
		if stringified, err = runtime.StringifyJSON(m.vm, body); err != nil {
			panic(err)
		}
	}
	if m.sendETag(x, stringified) {
		return
	}
	if isObj && m.vm.InstanceOf(obj, m.bufferCtor) {
		if !contentType.ToBoolean() {
			m.callSetHeader(x, m.nameContentType, m.octetStream)
		}
		m.callSetHeader(x, m.nameContentLength, obj.Get("length"))
		m.callEnd(x, body)
		return
	}
	if jsonLike {
		m.callSetHeader(x, m.nameContentType, m.jsonContentType)
	}
	var length goja.Value
	if s, ok := stringified.(goja.String); ok {
		length = m.vm.ToValue(utf8Length(s))
	} else {
		n, err := m.bufferByteLength(m.bufferCtor, stringified)
		if err != nil {
			panic(err)
		}
		length = n
	}
	m.callSetHeader(x, m.nameContentLength, length)
	m.callEnd(x, stringified)
}

// sendETag is Next's sendEtagResponse: set the ETag and answer 304 when
// the request's validators say the client's copy is fresh.
func (m *apiModule) sendETag(x *exchange, payload goja.Value) bool {
	var etag string
	if gs, ok := payload.ToString().(goja.String); ok {
		etag = etagOf(gs)
	}
	if etag != "" {
		m.callSetHeader(x, m.nameETag, m.vm.ToValue(etag))
	}
	if Fresh(m.requestHeader(x, "if-none-match", "If-None-Match"), m.requestHeader(x, "if-modified-since", "If-Modified-Since"),
		m.requestHeader(x, "cache-control", "Cache-Control"), etag) {
		_ = x.resObj.Set("statusCode", 304)
		m.callEnd(x, nil)
		return true
	}
	return false
}

// requestHeader reads req.headers[name] (lower-case) as Next does: from
// the JS object once it exists, which a route may have changed, and from
// the Go request (by its canonical name, which needs no conversion)
// before that.
func (m *apiModule) requestHeader(x *exchange, name, canonical string) string {
	if x.reqHeaders != nil {
		v := x.reqHeaders.Get(name)
		if v == nil || webidl.IsNullish(v) {
			return ""
		}
		return v.String()
	}
	return strings.Join(x.req.Header[canonical], ", ")
}

// The calls Next makes through res, so that a route's replacement of a
// method is honoured; Go runs the host's own methods directly.

func (m *apiModule) callSetHeader(x *exchange, name, value goja.Value) {
	if x.resObj.Get("setHeader") == m.setHeaderFn {
		m.doSetHeader(x, name, value)
		return
	}
	m.callMethod(x.resObj, "setHeader", name, value)
}

func (m *apiModule) callRemoveHeader(x *exchange, name string) {
	if x.resObj.Get("removeHeader") == m.removeHeaderFn {
		m.doRemoveHeader(x, name)
		return
	}
	m.callMethod(x.resObj, "removeHeader", m.vm.ToValue(name))
}

func (m *apiModule) callGetHeader(x *exchange, name string) goja.Value {
	if x.resObj.Get("getHeader") == m.getHeaderFn {
		if i := x.header(lowerName(name)); i >= 0 {
			return x.headers[i].value
		}
		return goja.Undefined()
	}
	return m.callMethod(x.resObj, "getHeader", m.vm.ToValue(name))
}

// callEnd is res.end() or res.end(chunk).
func (m *apiModule) callEnd(x *exchange, chunk goja.Value) {
	if x.resObj.Get("end") == m.endFn {
		if chunk == nil {
			chunk = goja.Undefined()
		}
		m.doEnd(x, x.resObj, chunk, goja.Undefined(), goja.Undefined())
		return
	}
	if chunk == nil {
		m.callMethod(x.resObj, "end")
		return
	}
	m.callMethod(x.resObj, "end", chunk)
}

func isNumber(v goja.Value) bool {
	switch v.Export().(type) {
	case int64, float64:
		_, isObj := v.(*goja.Object)
		return !isObj
	}
	return false
}

func isBoolean(v goja.Value) bool {
	_, ok := v.Export().(bool)
	_, isObj := v.(*goja.Object)
	return ok && !isObj
}
