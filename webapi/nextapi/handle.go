package nextapi

import (
	_ "embed"
	"errors"
	"io"
	"net/http"
	"sync"
	"time"

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
	End()
	// Fail reports an error that must become the dev error page (or cut the
	// connection when the head was already sent).
	Fail(err goja.Value)
}

// Request is what the host knows about the incoming request.
type Request struct {
	Method string
	URL    string // path + re-serialised search, basePath stripped (see BuildQuery)
	Header http.Header
	Query  []QueryValue
	// Parsed body (Config.BodyParser): kind and decoded text, or BodyError.
	BodyKind  BodyKind
	BodyText  string
	BodyError *BodyError
	// Body is the raw stream for bodyParser: false routes; nil otherwise.
	Body io.ReadCloser
	// RemoteAddr and LocalAddr fill req.socket.
	RemoteAddr, RemotePort, LocalAddr string
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

// apiModule is api.js evaluated in one isolate. cfg is the configuration
// of the latest Handle call; the host functions read its server-wide parts
// (logging and preview keys), which are the same for every request.
type apiModule struct {
	exports *goja.Object
	handle  goja.Callable
	abort   goja.Callable
	cfg     Config
	configs map[configKey]*goja.Object // the JS config object per route config
}

// configKey is the part of Config api.js sees.
type configKey struct {
	dev, bodyParser, externalResolver, responseLimit bool
	responseLimitBytes                               int64
	responseLimitText, previewModeID                 string
}

// configObject returns the JS config object for cfg, built once per
// distinct route config (api.js only reads it).
func (m *apiModule) configObject(vm *goja.Runtime, cfg Config) *goja.Object {
	key := configKey{cfg.Dev, cfg.BodyParser, cfg.ExternalResolver, cfg.ResponseLimit, cfg.ResponseLimitBytes, cfg.ResponseLimitText, ""}
	if cfg.Preview != nil {
		key.previewModeID = cfg.Preview.ID
	}
	if c, ok := m.configs[key]; ok {
		return c
	}
	c := vm.NewObject()
	_ = c.Set("dev", cfg.Dev)
	_ = c.Set("bodyParser", cfg.BodyParser)
	_ = c.Set("externalResolver", cfg.ExternalResolver)
	_ = c.Set("responseLimit", cfg.ResponseLimit)
	_ = c.Set("responseLimitBytes", cfg.ResponseLimitBytes)
	_ = c.Set("responseLimitText", cfg.ResponseLimitText)
	if cfg.Preview != nil {
		_ = c.Set("previewModeId", cfg.Preview.ID)
	}
	if m.configs == nil {
		m.configs = map[configKey]*goja.Object{}
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
	m := &apiModule{}
	host := vm.NewObject()
	_ = host.Set("etag", func(call goja.FunctionCall) goja.Value {
		s := call.Argument(0).ToString()
		gs, ok := s.(goja.String)
		if !ok {
			return vm.ToValue(ETag(nil))
		}
		units := make([]uint16, gs.Length())
		for i := range units {
			units[i] = gs.CharAt(i)
		}
		return vm.ToValue(ETag(units))
	})
	_ = host.Set("fresh", func(call goja.FunctionCall) goja.Value {
		str := func(v goja.Value) string {
			if webidl.IsNullish(v) {
				return ""
			}
			return v.String()
		}
		return vm.ToValue(Fresh(str(call.Argument(0)), str(call.Argument(1)), str(call.Argument(2)), str(call.Argument(3))))
	})
	_ = host.Set("warn", func(call goja.FunctionCall) goja.Value {
		if m.cfg.Warn != nil {
			m.cfg.Warn(call.Argument(0).String())
		}
		return goja.Undefined()
	})
	_ = host.Set("logError", func(call goja.FunctionCall) goja.Value {
		if m.cfg.LogError != nil {
			m.cfg.LogError(call.Argument(0))
		}
		return goja.Undefined()
	})
	_ = host.Set("signPreviewData", func(call goja.FunctionCall) goja.Value {
		keys := m.cfg.Preview
		if keys == nil {
			panic(vm.NewGoError(errNoPreviewKeys))
		}
		var maxAge *float64
		if v := call.Argument(1); !goja.IsUndefined(v) {
			f := v.ToFloat()
			maxAge = &f
		}
		token, err := keys.Sign(call.Argument(0).String(), maxAge, time.Now())
		if errors.Is(err, ErrPreviewDataTooLarge) {
			return goja.Null()
		}
		if err != nil {
			panic(vm.NewGoError(err))
		}
		return vm.ToValue(token)
	})
	_ = host.Set("openPreviewData", func(call goja.FunctionCall) goja.Value {
		keys := m.cfg.Preview
		if keys == nil {
			return goja.Null()
		}
		data, err := keys.Open(call.Argument(0).String(), time.Now())
		if err != nil {
			return goja.Null()
		}
		return vm.ToValue(data)
	})
	handleOf := func(v goja.Value) *requestHandle {
		h, _ := v.Export().(*requestHandle)
		if h == nil {
			panic(vm.NewTypeError("nextapi: not a request handle"))
		}
		return h
	}
	_ = host.Set("headerLine", func(call goja.FunctionCall) goja.Value {
		h := handleOf(call.Argument(0))
		h.lines = append(h.lines, [2]string{call.Argument(1).String(), latin1(call.Argument(2))})
		return goja.Undefined()
	})
	_ = host.Set("head", func(call goja.FunctionCall) goja.Value {
		h := handleOf(call.Argument(0))
		lines := h.lines
		h.lines = nil
		h.sink.Head(int(call.Argument(1).ToInteger()), latin1(call.Argument(2)), lines, int(call.Argument(3).ToInteger()))
		return goja.Undefined()
	})
	_ = host.Set("isToken", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(isHTTPToken(call.Argument(0)))
	})
	_ = host.Set("isHeaderValue", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(isHeaderValue(call.Argument(0)))
	})
	_ = host.Set("byteLength", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(utf8Length(call.Argument(0)))
	})
	_ = host.Set("write", func(call goja.FunctionCall) goja.Value {
		h := handleOf(call.Argument(0))
		v := call.Argument(1)
		if b, ok := webidl.CopyBufferSource(vm, v); ok {
			h.sink.Write(b)
		} else {
			h.sink.Write([]byte(v.String()))
		}
		return goja.Undefined()
	})
	_ = host.Set("end", func(call goja.FunctionCall) goja.Value {
		handleOf(call.Argument(0)).sink.End()
		return goja.Undefined()
	})
	_ = host.Set("fail", func(call goja.FunctionCall) goja.Value {
		handleOf(call.Argument(0)).sink.Fail(call.Argument(1))
		return goja.Undefined()
	})
	_ = host.Set("readBody", func(call goja.FunctionCall) goja.Value {
		readBody(iso, handleOf(call.Argument(0)), call.Argument(1))
		return goja.Undefined()
	})
	_ = host.Set("rawHeaders", func(call goja.FunctionCall) goja.Value {
		return rawHeadersArray(vm, handleOf(call.Argument(0)).req.Header)
	})
	_ = host.Set("socket", func(call goja.FunctionCall) goja.Value {
		req := handleOf(call.Argument(0)).req
		socket := vm.NewObject()
		_ = socket.Set("remoteAddress", req.RemoteAddr)
		_ = socket.Set("remotePort", req.RemotePort)
		_ = socket.Set("localAddress", req.LocalAddr)
		_ = socket.Set("encrypted", false)
		return socket
	})
	req := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		v, err := require(call.Argument(0).String())
		if err != nil {
			panic(vm.NewGoError(err))
		}
		return v
	})
	mv, err := factory(goja.Undefined(), host, req)
	if err != nil {
		return nil, err
	}
	m.exports = mv.(*goja.Object)
	m.handle, _ = goja.AssertFunction(m.exports.Get("handle"))
	m.abort, _ = goja.AssertFunction(m.exports.Get("abort"))
	iso.SetValue(moduleKey{}, m)
	return m, nil
}

var errNoPreviewKeys = errors.New("nextapi: preview mode is not configured on this server")

// Call is one request running in the isolate.
type Call struct {
	m   *apiModule
	res goja.Value
}

// Abort tells the route that the client went away before the response
// ended: req emits 'aborted' and 'close', res emits 'close'. Call it on
// the isolate's goroutine; after the response has finished it does
// nothing.
func (c *Call) Abort() {
	if c == nil || c.m.abort == nil {
		return
	}
	_, _ = c.m.abort(goja.Undefined(), c.res)
}

// Handle runs handler for one request on the isolate's goroutine. The
// returned error is a failure to even start (module setup); errors thrown
// by the handler go through the Sink.
func Handle(iso *runtime.Isolate, require Require, handler goja.Value, req *Request, sink Sink, cfg Config) (*Call, error) {
	m, err := module(iso, require)
	if err != nil {
		return nil, err
	}
	m.cfg = cfg
	vm := iso.VM()

	init := vm.NewObject()
	_ = init.Set("method", req.Method)
	_ = init.Set("url", req.URL)
	_ = init.Set("headers", headersObject(vm, req.Header))
	_ = init.Set("query", queryObject(vm, req.Query))
	if req.BodyError != nil {
		e := vm.NewObject()
		_ = e.Set("status", req.BodyError.Status)
		_ = e.Set("message", req.BodyError.Message)
		_ = init.Set("bodyError", e)
	}
	if cfg.BodyParser {
		_ = init.Set("bodyKind", string(req.BodyKind))
		_ = init.Set("bodyText", req.BodyText)
	}

	c := m.configObject(vm, cfg)
	h := &requestHandle{req: req, sink: sink, eof: req.Body == nil}
	// The handle is a dynamic-object shell: no reflection wrapper per
	// request, and Export() gives h back to the host functions.
	res, err := m.handle(goja.Undefined(), handler, init, vm.NewDynamicObject(h), c)
	if err != nil {
		return nil, err
	}
	return &Call{m: m, res: res}, nil
}

// requestHandle is what api.js holds for one request: it passes it back
// to the host functions, which are created once per isolate.
type requestHandle struct {
	jsclass.Shell
	req   *Request
	sink  Sink
	eof   bool        // the body reached its end
	lines [][2]string // header lines gathered for the next head()
}

// latin1 converts a header value the way Node writes it: each UTF-16 code
// unit truncated to a byte.
func latin1(v goja.Value) string {
	s := v.ToString()
	gs, ok := s.(goja.String)
	if !ok {
		return s.String()
	}
	n := gs.Length()
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
func readBody(iso *runtime.Isolate, h *requestHandle, cbv goja.Value) {
	vm := iso.VM()
	cb, _ := goja.AssertFunction(cbv)
	if cb == nil {
		panic(vm.NewTypeError("nextapi: readBody needs a callback"))
	}
	if h.eof {
		_, _ = cb(goja.Undefined(), goja.Null())
		return
	}
	body := h.req.Body
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
				h.eof = true
			}
			switch {
			case n > 0:
				bufferFrom, _ := goja.AssertFunction(vm.Get("Buffer").(*goja.Object).Get("from"))
				chunk, _ := bufferFrom(vm.Get("Buffer"), webidl.ArrayBuffer(vm, buf[:n]))
				_, _ = cb(goja.Undefined(), chunk) // api.js catches what listeners throw
			case err == io.EOF:
				_, _ = cb(goja.Undefined(), goja.Null())
			default:
				_, _ = cb(goja.Undefined(), goja.Undefined(), vm.NewGoError(err))
			}
		})
	}()
}
