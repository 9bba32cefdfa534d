package nextapi

import (
	"math"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// The hot half of Node's http.ServerResponse, in Go: header storage and
// checks, writeHead, write and end. api.js declares the class (a Stream, so
// pipe targets and listeners work) and puts these functions on its
// prototype; its state lives in the request's exchange, which the object
// reaches through its `_h` property.
//
// Writing them in Go is about cost: every Node route shares one isolate,
// and in JS the head and end of a plain response took most of a request's
// CPU time under goja's interpreter.

// headerEntry is one header set on the response, as Node's kOutHeaders
// keeps it.
type headerEntry struct {
	key   string     // lower-case name
	name  string     // the name as the route wrote it
	value goja.Value // as set: a string, a number, or an array of them
}

// header returns the index of the header named key (lower-case), or -1.
func (x *exchange) header(key string) int {
	for i := range x.headers {
		if x.headers[i].key == key {
			return i
		}
	}
	return -1
}

// lowerName is String(name).toLowerCase() for a header name, without an
// allocation for names that are lower-case already or common.
func lowerName(name string) string {
	for i := 0; i < len(name); i++ {
		if c := name[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			if lower, ok := commonLowerNames[name]; ok {
				return lower
			}
			return strings.ToLower(name)
		}
	}
	return name
}

// commonLowerNames are the lower-case forms of the header names Next's
// helpers and most routes set.
var commonLowerNames = func() map[string]string {
	m := map[string]string{}
	for _, n := range []string{"Content-Type", "Content-Length", "ETag", "Etag", "Location", "Cache-Control",
		"Set-Cookie", "Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers",
		"Transfer-Encoding", "Vary", "X-Powered-By"} {
		m[n] = strings.ToLower(n)
	}
	return m
}()

// responseOf returns the exchange behind `this` of a ServerResponse method.
func (m *apiModule) responseOf(this goja.Value) (*exchange, *goja.Object) {
	if obj, ok := this.(*goja.Object); ok {
		if x := exchangeOf(obj); x != nil {
			return x, obj
		}
	}
	panic(m.vm.NewTypeError("Illegal invocation: not a ServerResponse"))
}

// exchangeOf returns the exchange of a req or res object, or nil.
func exchangeOf(obj *goja.Object) *exchange {
	v := obj.Get("_h")
	if v == nil {
		return nil
	}
	x, _ := v.Export().(*exchange)
	return x
}

func (m *apiModule) setHeader(call goja.FunctionCall) goja.Value {
	x, obj := m.responseOf(call.This)
	m.doSetHeader(x, call.Argument(0), call.Argument(1))
	return obj
}

// doSetHeader is Node's setHeader: it refuses once the head is out, checks
// the name and value, and replaces any header of that name.
func (m *apiModule) doSetHeader(x *exchange, namev, value goja.Value) {
	if x.headersSent {
		panic(m.codedError(m.errorCtor, "ERR_HTTP_HEADERS_SENT", "Cannot set headers after they are sent to the client"))
	}
	name := m.validateHeader(namev, value)
	key := lowerName(name)
	if i := x.header(key); i >= 0 {
		x.headers[i] = headerEntry{key, name, value}
		return
	}
	x.headers = append(x.headers, headerEntry{key, name, value})
}

// validateHeader is Node's validateHeaderName and validateHeaderValue. It
// returns the name.
func (m *apiModule) validateHeader(namev, value goja.Value) string {
	_, isString := namev.(goja.String)
	if !isString || !isHTTPToken(namev) {
		panic(m.codedError(m.typeErrorCtor, "ERR_INVALID_HTTP_TOKEN", `Header name must be a valid HTTP token ["`+namev.String()+`"]`))
	}
	name := namev.String()
	if goja.IsUndefined(value) {
		panic(m.codedError(m.typeErrorCtor, "ERR_HTTP_INVALID_HEADER_VALUE", `Invalid value "undefined" for header "`+name+`"`))
	}
	if arr, ok := value.(*goja.Object); ok && arr.ClassName() == "Array" {
		n := int(arr.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			if !isHeaderValue(elem(arr, i).ToString()) {
				panic(m.invalidHeaderChar(name))
			}
		}
	} else if !isHeaderValue(value) {
		panic(m.invalidHeaderChar(name))
	}
	return name
}

func (m *apiModule) invalidHeaderChar(name string) *goja.Object {
	return m.codedError(m.typeErrorCtor, "ERR_INVALID_CHAR", `Invalid character in header content ["`+name+`"]`)
}

func (m *apiModule) appendHeader(call goja.FunctionCall) goja.Value {
	x, obj := m.responseOf(call.This)
	namev, value := call.Argument(0), call.Argument(1)
	i := x.header(lowerName(namev.String()))
	if i < 0 {
		m.doSetHeader(x, namev, value)
		return obj
	}
	// [].concat(previous, value)
	var merged []any
	for _, v := range []goja.Value{x.headers[i].value, value} {
		if arr, ok := v.(*goja.Object); ok && arr.ClassName() == "Array" {
			n := int(arr.Get("length").ToInteger())
			for j := 0; j < n; j++ {
				merged = append(merged, elem(arr, j))
			}
		} else {
			merged = append(merged, v)
		}
	}
	x.headers[i].value = m.vm.NewArray(merged...)
	return obj
}

func (m *apiModule) getHeader(call goja.FunctionCall) goja.Value {
	x, _ := m.responseOf(call.This)
	if i := x.header(lowerName(call.Argument(0).String())); i >= 0 {
		return x.headers[i].value
	}
	return goja.Undefined()
}

func (m *apiModule) hasHeader(call goja.FunctionCall) goja.Value {
	x, _ := m.responseOf(call.This)
	return m.vm.ToValue(x.header(lowerName(call.Argument(0).String())) >= 0)
}

func (m *apiModule) removeHeader(call goja.FunctionCall) goja.Value {
	x, _ := m.responseOf(call.This)
	m.doRemoveHeader(x, call.Argument(0).String())
	return goja.Undefined()
}

func (m *apiModule) doRemoveHeader(x *exchange, name string) {
	if x.headersSent {
		panic(m.codedError(m.errorCtor, "ERR_HTTP_HEADERS_SENT", "Cannot remove headers after they are sent to the client"))
	}
	if i := x.header(lowerName(name)); i >= 0 {
		x.headers = append(x.headers[:i], x.headers[i+1:]...)
	}
}

// getHeaders returns a null-prototype object of the headers by lower-case
// name, as Node does.
func (m *apiModule) getHeaders(call goja.FunctionCall) goja.Value {
	x, _ := m.responseOf(call.This)
	out := m.vm.CreateObject(nil)
	for _, h := range x.headers {
		_ = out.Set(h.key, h.value)
	}
	return out
}

func (m *apiModule) getHeaderNames(call goja.FunctionCall) goja.Value {
	x, _ := m.responseOf(call.This)
	names := make([]any, len(x.headers))
	for i, h := range x.headers {
		names[i] = h.key
	}
	return m.vm.NewArray(names...)
}

// writeHead(statusCode[, statusMessage][, headers]).
func (m *apiModule) writeHead(call goja.FunctionCall) goja.Value {
	x, obj := m.responseOf(call.This)
	if x.headersSent {
		panic(m.codedError(m.errorCtor, "ERR_HTTP_HEADERS_SENT", "Cannot write headers after they are sent to the client"))
	}
	statusv, reason, headers := call.Argument(0), call.Argument(1), call.Argument(2)
	if _, ok := reason.(goja.String); !ok {
		headers, reason = reason, goja.Undefined()
	}
	status := toInt32(statusv)
	if status < 100 || status > 999 {
		panic(m.codedError(m.rangeErrorCtor, "ERR_HTTP_INVALID_STATUS_CODE", "Invalid status code: "+statusv.String()))
	}
	_ = obj.Set("statusCode", status)
	if !goja.IsUndefined(reason) {
		_ = obj.Set("statusMessage", reason)
	}
	if ho, ok := headers.(*goja.Object); ok && !webidl.IsNullish(headers) {
		if ho.ClassName() == "Array" {
			// A flat [name, value, name, value...] list appends.
			n := int(ho.Get("length").ToInteger())
			for i := 0; i+1 < n; i += 2 {
				m.callMethod(obj, "appendHeader", elem(ho, i), elem(ho, i+1))
			}
		} else {
			for _, k := range ho.Keys() {
				if v := ho.Get(k); !goja.IsUndefined(v) {
					m.doSetHeader(x, m.vm.ToValue(k), v)
				}
			}
		}
	}
	m.flushHead(x, obj, -1)
	return obj
}

func (m *apiModule) flushHeaders(call goja.FunctionCall) goja.Value {
	x, obj := m.responseOf(call.This)
	if !x.headersSent {
		m.flushHead(x, obj, -1)
	}
	return goja.Undefined()
}

// flushHead sends the status line and headers. bodyLength is what Node
// would put in an implicit Content-Length (end(data) before any head), or
// -1 when the body is streamed; the sink decides the framing.
func (m *apiModule) flushHead(x *exchange, obj *goja.Object, bodyLength int) {
	statusv := property(obj, "statusCode")
	status := toInt32(statusv)
	if status < 100 || status > 999 {
		panic(m.codedError(m.rangeErrorCtor, "ERR_HTTP_INVALID_STATUS_CODE", "Invalid status code: "+statusv.String()))
	}
	if statusv.Export() != int64(status) {
		_ = obj.Set("statusCode", status)
	}
	reason := ""
	if rv := obj.Get("statusMessage"); rv != nil && !goja.IsUndefined(rv) {
		rs := rv.ToString()
		if rs.String() != "" && !isHeaderValue(rs) {
			panic(m.codedError(m.typeErrorCtor, "ERR_INVALID_CHAR", "Invalid character in statusMessage"))
		}
		reason = latin1(rs)
	}
	lines := make([][2]string, 0, len(x.headers)+1)
	for _, h := range x.headers {
		if arr, ok := h.value.(*goja.Object); ok && arr.ClassName() == "Array" {
			n := int(arr.Get("length").ToInteger())
			for i := 0; i < n; i++ {
				lines = append(lines, [2]string{h.name, latin1(elem(arr, i))})
			}
			continue
		}
		lines = append(lines, [2]string{h.name, latin1(h.value)})
	}
	x.headersSent = true
	x.sink.Head(int(status), reason, lines, bodyLength)
}

// write(chunk[, encoding][, callback]), with Next's response-size count.
func (m *apiModule) write(call goja.FunctionCall) goja.Value {
	x, obj := m.responseOf(call.This)
	chunk, encoding, cb := call.Argument(0), call.Argument(1), call.Argument(2)
	m.countBytes(x, chunk, encoding)
	if _, ok := goja.AssertFunction(encoding); ok {
		cb, encoding = encoding, goja.Undefined()
	}
	if x.ended {
		// Node reports the error asynchronously, to the callback and as
		// an 'error' event.
		_, _ = m.writeAfterEnd(goja.Undefined(), obj, cb)
		return m.vm.ToValue(false)
	}
	if goja.IsNull(chunk) {
		panic(m.codedError(m.typeErrorCtor, "ERR_STREAM_NULL_VALUES", "May not write null values to stream"))
	}
	m.checkChunk(chunk)
	if !x.headersSent {
		m.flushHead(x, obj, -1)
	}
	m.writeChunk(x, chunk, encoding)
	if _, ok := goja.AssertFunction(cb); ok {
		_, _ = m.nextTick(goja.Undefined(), cb)
	}
	if !x.draining && x.sink.Full(func() { m.drained(x) }) {
		x.draining = true
		return m.vm.ToValue(false)
	}
	return m.vm.ToValue(!x.draining)
}

// drained emits 'drain' on a response whose writes went past the sink's
// high-water mark, now that the client has caught up.
func (m *apiModule) drained(x *exchange) {
	x.draining = false
	if x.ended || property(x.resObj, "destroyed").ToBoolean() {
		return // ended, or the client went away ('close' says so)
	}
	if _, err := m.callEmit(x.resObj, "drain"); err != nil {
		m.warn("⨯ a 'drain' listener threw: " + err.Error())
	}
}

// callEmit calls obj.emit(event) and reports what it threw.
func (m *apiModule) callEmit(obj *goja.Object, event string) (goja.Value, error) {
	emit, ok := goja.AssertFunction(obj.Get("emit"))
	if !ok {
		return goja.Undefined(), nil
	}
	return emit(obj, m.vm.ToValue(event))
}

// end([chunk][, encoding][, callback]).
func (m *apiModule) end(call goja.FunctionCall) goja.Value {
	x, obj := m.responseOf(call.This)
	m.doEnd(x, obj, call.Argument(0), call.Argument(1), call.Argument(2))
	return obj
}

func (m *apiModule) doEnd(x *exchange, obj *goja.Object, chunk, encoding, cb goja.Value) {
	// Next's wrapper counts the first argument unless it is a function.
	if _, isFn := goja.AssertFunction(chunk); !isFn {
		m.countBytes(x, chunk, encoding)
		if x.limit > 0 && x.bytes >= x.limit {
			m.warn("API response for " + x.req.URL + " exceeds " + x.limitText + ". API Routes are meant to respond quickly. https://nextjs.org/docs/messages/api-routes-response-size-limit")
		}
	} else {
		cb, chunk, encoding = chunk, goja.Undefined(), goja.Undefined()
	}
	if _, ok := goja.AssertFunction(encoding); ok {
		cb, encoding = encoding, goja.Undefined()
	}
	if x.ended {
		if _, ok := goja.AssertFunction(cb); ok {
			_, _ = m.nextTick(goja.Undefined(), cb)
		}
		return
	}
	if !webidl.IsNullish(chunk) {
		m.checkChunk(chunk) // before the head goes out, as Node checks
	}
	if !x.headersSent {
		n := 0
		switch c := chunk.(type) {
		case goja.String:
			n = m.byteLength(c, encoding)
		case *goja.Object:
			if m.isUint8Array(c) {
				b, _ := runtime.ViewBytes(m.iso, c)
				n = len(b)
			}
		}
		m.flushHead(x, obj, n)
	}
	if !webidl.IsNullish(chunk) {
		m.writeChunk(x, chunk, encoding)
	}
	x.ended = true
	x.endTurn = m.iso.Turn()
	x.sink.End()
	// 'prefinish', 'finish' and 'close' follow asynchronously, as in Node.
	// With nobody listening there is nothing to emit: writableFinished
	// turns true by itself once this task is over.
	if _, ok := goja.AssertFunction(cb); ok || m.listening(obj) || m.listening(x.reqObj) {
		x.finishQueued = true
		if _, err := m.queueFinish(goja.Undefined(), obj, cb); err != nil {
			panic(err)
		}
	}
}

// listening reports whether a Stream has had listeners (its event state is
// created by the first on/once).
func (m *apiModule) listening(obj *goja.Object) bool {
	if obj == nil {
		return false
	}
	ev := obj.Get("_events")
	return ev != nil && !webidl.IsNullish(ev)
}

// writeChunk sends a string (UTF-8, or through Buffer for another
// encoding) or a Uint8Array (a Buffer included), which is all Node takes.
func (m *apiModule) writeChunk(x *exchange, chunk, encoding goja.Value) {
	if c, ok := chunk.(goja.String); ok {
		if c.Length() == 0 {
			return
		}
		if isUTF8Encoding(encoding) {
			x.sink.Write([]byte(c.String()))
			return
		}
		chunk, _ = m.bufferFrom(m.bufferCtor, chunk, encoding)
	}
	if m.isUint8Array(chunk) {
		if b, ok := runtime.ViewBytes(m.iso, chunk); ok {
			b = append([]byte(nil), b...) // the sink keeps it
			if len(b) > 0 {
				x.sink.Write(b)
			}
			return
		}
	}
	panic(m.codedError(m.typeErrorCtor, "ERR_INVALID_ARG_TYPE", `The "chunk" argument must be of type string or an instance of Buffer or Uint8Array. Received `+describeType(chunk)))
}

// checkChunk throws Node's error for a chunk that is neither a string nor
// a Uint8Array.
func (m *apiModule) checkChunk(chunk goja.Value) {
	if _, ok := chunk.(goja.String); ok || m.isUint8Array(chunk) {
		return
	}
	panic(m.codedError(m.typeErrorCtor, "ERR_INVALID_ARG_TYPE", `The "chunk" argument must be of type string or an instance of Buffer or Uint8Array. Received `+describeType(chunk)))
}

func (m *apiModule) isUint8Array(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	return ok && m.vm.InstanceOf(o, m.uint8ArrayCtor)
}

// countBytes is Next's count of the response size, for the responseLimit
// warning: the byte length of the chunk, or 0 for a falsy one.
func (m *apiModule) countBytes(x *exchange, chunk, encoding goja.Value) {
	if x.limit <= 0 || !chunk.ToBoolean() {
		return
	}
	switch c := chunk.(type) {
	case goja.String:
		x.bytes += int64(m.byteLength(c, encoding))
	default:
		if b, ok := runtime.ViewBytes(m.iso, chunk); ok {
			x.bytes += int64(len(b))
		}
	}
}

// byteLength is Buffer.byteLength(s, encoding), in Go for UTF-8.
func (m *apiModule) byteLength(s goja.String, encoding goja.Value) int {
	if isUTF8Encoding(encoding) {
		return utf8Length(s)
	}
	n, _ := m.bufferByteLength(m.bufferCtor, s, encoding)
	return int(n.ToInteger())
}

func isUTF8Encoding(v goja.Value) bool {
	if v == nil || webidl.IsNullish(v) {
		return true
	}
	switch v.String() {
	case "utf8", "utf-8", "UTF8", "UTF-8":
		return true
	}
	return false
}

// describeType is Node's description of a wrong argument in
// ERR_INVALID_ARG_TYPE.
func describeType(v goja.Value) string {
	switch {
	case goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	switch v.Export().(type) {
	case int64, float64:
		return "type number (" + v.String() + ")"
	case bool:
		return "type boolean (" + v.String() + ")"
	case string:
		return "type string ('" + v.String() + "')"
	}
	if o, ok := v.(*goja.Object); ok {
		if _, fn := goja.AssertFunction(o); fn {
			return "function " + property(o, "name").String()
		}
		if c, ok := o.Get("constructor").(*goja.Object); ok {
			if name := c.Get("name"); name != nil && name.String() != "" {
				return "an instance of " + name.String()
			}
		}
		return "an instance of Object"
	}
	return "type " + v.ExportType().String()
}

// toInt32 is ECMAScript ToInt32, the `| 0` Node applies to a status code.
func toInt32(v goja.Value) int32 {
	f := v.ToFloat()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return int32(uint32(int64(math.Mod(math.Trunc(f), 1<<32))))
}

// property is obj[name], undefined when missing (Get gives nil).
func property(obj *goja.Object, name string) goja.Value {
	if v := obj.Get(name); v != nil {
		return v
	}
	return goja.Undefined()
}

// elem is arr[i], undefined for a hole (Get gives nil).
func elem(arr *goja.Object, i int) goja.Value {
	if v := arr.Get(strconv.Itoa(i)); v != nil {
		return v
	}
	return goja.Undefined()
}
