package nextapi

import (
	_ "embed"
	"errors"
	"io"
	"net"
	"net/http"
	"sync"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

//go:embed api.js
var apiSource string

var (
	compileOnce sync.Once
	apiProgram  *goja.Program
	compileErr  error
)

// Sink receives the response. Its methods are called on the isolate's
// goroutine and must not block.
type Sink interface {
	// Head is the status line and the header lines as the route wrote
	// them. bodyLength is the length Node would put in an implicit
	// Content-Length (the route called end(data) before anything else was
	// sent), or -1 when the body is streamed.
	Head(status int, reason string, lines [][2]string, bodyLength int)
	// Write takes ownership of b.
	Write(b []byte)
	// Full reports whether the bytes written and not yet sent to the client
	// are past the sink's high-water mark. If so, drain is called on the
	// isolate's goroutine, once, when they have gone down (or the client
	// has gone); res.write then returns false and res emits 'drain', the
	// backpressure Node's streams wait on.
	Full(drain func()) bool
	End()
	// Fail reports an error that must become the dev error page (or cut the
	// connection when the head was already sent).
	Fail(err goja.Value)
}

// Request is what the host knows about the incoming request.
type Request struct {
	Method string
	URL    string // path + re-serialised search, basePath stripped (see BuildQuery)
	// Header is the request's header as received. The host only reads it,
	// so it can be the *http.Request's own map.
	Header http.Header
	// AddHeaders, if set, adds to a copy of Header what Node and Next put
	// in req.headers that net/http keeps elsewhere (Host,
	// Transfer-Encoding, X-Forwarded-*). It runs when req.headers or
	// req.rawHeaders is first read, and not at all for most requests.
	AddHeaders func(http.Header)
	Query      []QueryValue
	// Parsed body (Config.BodyParser): kind and decoded text, or BodyError.
	BodyKind  BodyKind
	BodyText  string
	BodyError *BodyError
	// Body is the raw stream for bodyParser: false routes; nil otherwise.
	Body io.ReadCloser
	// RemoteAddr ("host:port", as net/http gives it) and LocalAddr fill
	// req.socket.
	RemoteAddr string
	LocalAddr  net.Addr

	merged http.Header
}

// header returns Header with Extra applied, made on first use: most
// routes never read req.headers.
func (r *Request) header() http.Header {
	if r.merged != nil {
		return r.merged
	}
	if r.AddHeaders == nil && r.Header != nil {
		r.merged = r.Header
		return r.merged
	}
	r.merged = r.Header.Clone()
	if r.merged == nil {
		r.merged = http.Header{}
	}
	if r.AddHeaders != nil {
		r.AddHeaders(r.merged)
	}
	return r.merged
}

// Config is the route's api config and the server mode.
type Config struct {
	Dev                bool
	BodyParser         bool
	ExternalResolver   bool
	ResponseLimit      bool
	ResponseLimitBytes int64
	ResponseLimitText  string // "4MB" as Next prints it
	// Preview holds the server's preview-mode secrets; nil makes
	// setDraftMode and setPreviewData throw Next's invariant error.
	Preview *PreviewKeys
	// Warn receives the warnings Next's server prints with console.warn
	// (the unsent response, a returned value, the response size). They are
	// the framework's messages, not the route's console output.
	Warn func(msg string)
	// LogError receives an error a production handler threw before Next
	// answers 500 (Next's console.error(err)).
	LogError func(err goja.Value)
}

// Require resolves the modules api.js needs (stream, events, buffer,
// querystring) from the Node shim.
type Require func(id string) (goja.Value, error)

type moduleKey struct{}

// apiModule is api.js evaluated in one isolate, with the natives it works
// with. cfg is the configuration of the latest Handle call; the host
// functions read its server-wide parts (logging and preview keys), which
// are the same for every request.
type apiModule struct {
	iso     *runtime.Isolate
	vm      *goja.Runtime
	cfg     Config
	configs map[configKey]*goja.Object // the JS _apiContext per route config

	reqProto, resProto *goja.Object
	methods            map[string]goja.Value

	// api.js's slow paths.
	initExchange, invoke, afterResult, failRequest, rejectBody, writeAfterEnd, pipeBody, queueFinish, abort, formDecode goja.Callable

	// Builtins as they were when the module loaded, so a route that
	// patches them does not change how responses are made.
	nextTick, bufferFrom, bufferByteLength                                           goja.Callable
	errorCtor, typeErrorCtor, rangeErrorCtor, uint8ArrayCtor, bufferCtor, streamCtor *goja.Object

	// The native methods, to tell them from a route's replacements.
	endFn, setHeaderFn, getHeaderFn, removeHeaderFn goja.Value

	// Values made once.
	status200, jsonContentType, octetStream      goja.Value
	nameContentType, nameContentLength, nameETag goja.Value
}

// configKey is the part of Config api.js sees.
type configKey struct {
	dev, externalResolver bool
	responseLimitText     string
	previewModeID         string
}

// configObject returns res._apiContext for cfg, built once per distinct
// route config (api.js only reads it).
func (m *apiModule) configObject(cfg Config) *goja.Object {
	key := configKey{cfg.Dev, cfg.ExternalResolver, cfg.ResponseLimitText, ""}
	if cfg.Preview != nil {
		key.previewModeID = cfg.Preview.ID
	}
	if c, ok := m.configs[key]; ok {
		return c
	}
	c := m.vm.NewObject()
	_ = c.Set("dev", cfg.Dev)
	_ = c.Set("externalResolver", cfg.ExternalResolver)
	_ = c.Set("limitText", cfg.ResponseLimitText)
	if cfg.Preview != nil {
		_ = c.Set("previewModeId", cfg.Preview.ID)
	}
	m.configs[key] = c
	return c
}

func module(iso *runtime.Isolate, require Require) (*apiModule, error) {
	if m, ok := iso.Value(moduleKey{}).(*apiModule); ok {
		return m, nil
	}
	compileOnce.Do(func() { apiProgram, compileErr = goja.Compile("next/dist/server/api-utils", apiSource, true) })
	if compileErr != nil {
		return nil, compileErr
	}
	vm := iso.VM()
	fv, err := vm.RunProgram(apiProgram)
	if err != nil {
		return nil, err
	}
	factory, _ := goja.AssertFunction(fv)
	m := &apiModule{iso: iso, vm: vm, configs: map[configKey]*goja.Object{}, methods: map[string]goja.Value{}}
	req := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		v, err := require(call.Argument(0).String())
		if err != nil {
			panic(vm.NewGoError(err))
		}
		return v
	})
	mv, err := factory(goja.Undefined(), m.hostObject(), req)
	if err != nil {
		return nil, err
	}
	if err := m.bind(mv.(*goja.Object), require); err != nil {
		return nil, err
	}
	iso.SetValue(moduleKey{}, m)
	return m, nil
}

// bind takes what the module exports and the builtins the host calls, and
// installs the native members on the two prototypes.
func (m *apiModule) bind(exports *goja.Object, require Require) error {
	vm := m.vm
	fn := func(o *goja.Object, name string) goja.Callable {
		f, _ := goja.AssertFunction(o.Get(name))
		return f
	}
	obj := func(o *goja.Object, name string) *goja.Object {
		v, _ := o.Get(name).(*goja.Object)
		return v
	}
	m.initExchange, m.invoke = fn(exports, "initExchange"), fn(exports, "invoke")
	m.afterResult, m.failRequest, m.rejectBody = fn(exports, "afterResult"), fn(exports, "failRequest"), fn(exports, "rejectBody")
	m.writeAfterEnd, m.pipeBody = fn(exports, "writeAfterEnd"), fn(exports, "pipeBody")
	m.queueFinish, m.abort, m.formDecode = fn(exports, "queueFinish"), fn(exports, "abort"), fn(exports, "formDecode")
	m.streamCtor = obj(exports, "Stream")
	m.reqProto = obj(obj(exports, "IncomingMessage"), "prototype")
	m.resProto = obj(obj(exports, "ServerResponse"), "prototype")

	global := vm.GlobalObject()
	m.errorCtor, m.typeErrorCtor, m.rangeErrorCtor = obj(global, "Error"), obj(global, "TypeError"), obj(global, "RangeError")
	m.uint8ArrayCtor = obj(global, "Uint8Array")
	if bv, err := require("buffer"); err == nil {
		if b, ok := bv.(*goja.Object); ok {
			m.bufferCtor = obj(b, "Buffer")
		}
	}
	if pv, err := require("process"); err == nil {
		if p, ok := pv.(*goja.Object); ok {
			m.nextTick = fn(p, "nextTick")
		}
	}
	if m.bufferCtor != nil {
		m.bufferFrom, m.bufferByteLength = fn(m.bufferCtor, "from"), fn(m.bufferCtor, "byteLength")
	}
	if m.afterResult == nil || m.reqProto == nil || m.resProto == nil || m.streamCtor == nil ||
		m.nextTick == nil || m.bufferFrom == nil || m.uint8ArrayCtor == nil {
		return errors.New("nextapi: the Node globals (process, Buffer) are not installed")
	}
	m.status200 = vm.ToValue(200)
	m.jsonContentType, m.octetStream = vm.ToValue("application/json; charset=utf-8"), vm.ToValue("application/octet-stream")
	m.nameContentType, m.nameContentLength, m.nameETag = vm.ToValue("Content-Type"), vm.ToValue("Content-Length"), vm.ToValue("ETag")
	m.installResponse()
	m.installRequest()
	return nil
}

// callMethod calls obj[name](...args), for the paths where Next calls a
// method a route may have replaced.
func (m *apiModule) callMethod(obj *goja.Object, name string, args ...goja.Value) goja.Value {
	f, ok := goja.AssertFunction(obj.Get(name))
	if !ok {
		panic(m.vm.NewTypeError("res." + name + " is not a function"))
	}
	v, err := f(obj, args...)
	if err != nil {
		panic(err)
	}
	return v
}

// codedError is a Node error: ctor's instance with a `code`.
func (m *apiModule) codedError(ctor *goja.Object, code, message string) *goja.Object {
	e, err := m.vm.New(ctor, m.vm.ToValue(message))
	if err != nil {
		panic(err)
	}
	_ = e.Set("code", code)
	return e
}

func (m *apiModule) warn(msg string) {
	if m.cfg.Warn != nil {
		m.cfg.Warn(msg)
	}
}

var errNoPreviewKeys = errors.New("nextapi: preview mode is not configured on this server")

// Call is one request running in the isolate.
type Call struct {
	m *apiModule
	x *exchange
}

// Abort tells the route that the client went away before the response
// ended: req emits 'aborted' and 'close', res emits 'close'. Call it on
// the isolate's goroutine; after the response has finished it does
// nothing.
func (c *Call) Abort() {
	if c == nil || c.x.resObj == nil {
		return
	}
	_, _ = c.m.abort(goja.Undefined(), c.x.resObj)
}

// exchange is one request's state on the Go side: what the host knows of
// the request, the response headers and progress, and the sink. req and
// res reach it through their `_h` property (a dynamic-object shell, so
// Export() gives it back without reflection).
type exchange struct {
	jsclass.Shell
	m      *apiModule
	req    *Request
	sink   Sink
	reqObj *goja.Object
	resObj *goja.Object
	eof    bool // the request body reached its end

	// req.headers, once built or assigned.
	reqHeaders *goja.Object
	consumed   bool         // the body parser read the body
	ctx        *goja.Object // _apiContext: the route config api.js reads

	headers      []headerEntry
	headersBuf   [4]headerEntry // headers' first backing array: most responses set a few
	headersSent  bool
	ended        bool
	endTurn      uint64 // the isolate's turn when end() ran
	finishQueued bool   // api.js emits 'finish' and sets finished
	draining     bool   // write returned false; 'drain' is owed
	finished     bool

	// Next's responseLimit count.
	limit, bytes int64
	limitText    string

	helpers [numHelpers]helperSlot
	call    Call
}

// Handle runs handler for one request on the isolate's goroutine. The
// returned error is a failure to even start (module setup) or to finish
// (the isolate was interrupted); errors thrown by the handler go through
// the Sink.
func Handle(iso *runtime.Isolate, require Require, handler goja.Value, req *Request, sink Sink, cfg Config) (*Call, error) {
	m, err := module(iso, require)
	if err != nil {
		return nil, err
	}
	m.cfg = cfg
	vm := m.vm
	x := &exchange{m: m, req: req, sink: sink, eof: req.Body == nil, limitText: cfg.ResponseLimitText}
	x.headers = x.headersBuf[:0]
	x.call = Call{m: m, x: x}
	if cfg.ResponseLimit {
		x.limit = cfg.ResponseLimitBytes
	}
	h := vm.NewDynamicObject(x)
	reqObj := vm.CreateObject(m.reqProto)
	resObj := vm.CreateObject(m.resProto)
	x.reqObj, x.resObj = reqObj, resObj
	x.ctx = m.configObject(cfg)
	call := &x.call
	method, url := m.methodValue(req.Method), vm.ToValue(req.URL)
	// init sets up req and res for the paths that answer without the
	// handler.
	init := func() error {
		_, err := m.initExchange(goja.Undefined(), reqObj, resObj, method, url, h)
		return err
	}

	if req.BodyError != nil {
		if err := init(); err != nil {
			return call, err
		}
		_, err := m.rejectBody(goja.Undefined(), resObj, vm.ToValue(req.BodyError.Status), vm.ToValue(req.BodyError.Message))
		return call, uncatchable(err)
	}
	hasBody, body := false, goja.Undefined()
	if cfg.BodyParser {
		var err error
		body, err = m.parseBody(req.BodyKind, req.BodyText)
		if err != nil {
			var ex *goja.Exception
			if !errors.As(err, &ex) {
				return call, err
			}
			if err := init(); err != nil {
				return call, err
			}
			if req.BodyKind == BodyJSON {
				_, err = m.rejectBody(goja.Undefined(), resObj, vm.ToValue(400), vm.ToValue("Invalid JSON"))
			} else {
				_, err = m.failRequest(goja.Undefined(), resObj, ex.Value())
			}
			return call, uncatchable(err)
		}
		hasBody = true
		// The body has been consumed, as raw-body leaves the stream.
		x.consumed = true
	}
	result, err := m.invoke(goja.Undefined(), handler, reqObj, resObj, method, url, h,
		vm.ToValue(hasBody), body, vm.ToValue(cfg.Dev))
	if err != nil {
		var ex *goja.Exception
		if !errors.As(err, &ex) {
			return call, err
		}
		_, err = m.failRequest(goja.Undefined(), resObj, ex.Value())
		return call, uncatchable(err)
	}
	if _, isObj := result.(*goja.Object); isObj || cfg.Dev {
		_, err = m.afterResult(goja.Undefined(), resObj, result)
	}
	return call, uncatchable(err)
}

// methodValue is the JS string of a request method, made once per method.
func (m *apiModule) methodValue(method string) goja.Value {
	if v, ok := m.methods[method]; ok {
		return v
	}
	v := m.vm.ToValue(method)
	if len(m.methods) < 16 { // the usual methods, not every token a client sends
		m.methods[method] = v
	}
	return v
}

// uncatchable passes on the errors JS cannot catch (an interrupt, a stack
// overflow); a JS exception from api.js's own error paths was already
// reported by them.
func uncatchable(err error) error {
	var ex *goja.Exception
	if err == nil || errors.As(err, &ex) {
		return nil
	}
	return err
}

// parseBody turns the body text the host read (whole, within the size
// limit, decoded with its charset) into req.body (spec §1.4). JSON that
// does not parse is a *goja.Exception.
func (m *apiModule) parseBody(kind BodyKind, text string) (goja.Value, error) {
	switch kind {
	case BodyJSON:
		if text == "" {
			return m.vm.NewObject(), nil
		}
		return runtime.ParseJSON(m.vm, text)
	case BodyForm:
		return m.formDecode(goja.Undefined(), m.vm.ToValue(text))
	}
	return m.vm.ToValue(text), nil
}

// latin1 converts a header value the way Node writes it: each UTF-16 code
// unit truncated to a byte.
func latin1(v goja.Value) string {
	gs, ok := v.(goja.String)
	if !ok {
		if gs, ok = v.ToString().(goja.String); !ok {
			return v.String()
		}
	}
	n := gs.Length()
	ascii := true
	for i := 0; i < n && ascii; i++ {
		ascii = gs.CharAt(i) < 0x80
	}
	if ascii {
		return gs.String()
	}
	b := make([]byte, n)
	for i := 0; i < n; i++ {
		b[i] = byte(gs.CharAt(i))
	}
	return string(b)
}

// readBody reads the next chunk of the request body off the isolate's
// goroutine and calls cb(Buffer), cb(null) at the end, or cb(undefined,
// err) when reading fails. A read that returns data together with io.EOF
// delivers the data and remembers the end.
func readBody(iso *runtime.Isolate, x *exchange, cbv goja.Value) {
	vm := iso.VM()
	cb, _ := goja.AssertFunction(cbv)
	if cb == nil {
		panic(vm.NewTypeError("nextapi: readBody needs a callback"))
	}
	if x.eof {
		_, _ = cb(goja.Undefined(), goja.Null())
		return
	}
	body := x.req.Body
	op := iso.StartOp()
	go func() {
		buf := make([]byte, 64<<10)
		var n int
		var err error
		for n == 0 && err == nil {
			n, err = body.Read(buf)
		}
		_ = op.Complete(func() {
			if err == io.EOF {
				x.eof = true
			}
			switch {
			case n > 0:
				chunk, _ := x.m.bufferFrom(x.m.bufferCtor, webidl.ArrayBuffer(vm, buf[:n]))
				_, _ = cb(goja.Undefined(), chunk) // api.js catches what listeners throw
			case err == io.EOF:
				_, _ = cb(goja.Undefined(), goja.Null())
			default:
				_, _ = cb(goja.Undefined(), goja.Undefined(), vm.NewGoError(err))
			}
		})
	}()
}
