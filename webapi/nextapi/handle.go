package nextapi

import (
	_ "embed"
	"fmt"
	"io"
	"net/http"
	"sync"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
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
	Head(status int, reason string, lines [][2]string)
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
	PreviewModeID      string
}

// Require resolves the modules api.js needs (stream, events, buffer,
// querystring) from the Node shim.
type Require func(id string) (goja.Value, error)

type moduleKey struct{}

func module(iso *runtime.Isolate, require Require) (*goja.Object, error) {
	if m, ok := iso.Value(moduleKey{}).(*goja.Object); ok {
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
		return vm.ToValue(Fresh(str(call.Argument(0)), str(call.Argument(1)), str(call.Argument(2))))
	})
	_ = host.Set("signPreviewData", func(call goja.FunctionCall) goja.Value {
		panic(vm.NewGoError(fmt.Errorf("edgerun: res.setPreviewData is not supported: edgerun serves API routes only and has no preview-mode pages to read it")))
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
	m := mv.(*goja.Object)
	iso.SetValue(moduleKey{}, m)
	return m, nil
}

// Handle runs handler for one request on the isolate's goroutine. The
// returned error is a failure to even start (module setup); errors thrown
// by the handler go through the Sink.
func Handle(iso *runtime.Isolate, require Require, handler goja.Value, req *Request, sink Sink, cfg Config) error {
	m, err := module(iso, require)
	if err != nil {
		return err
	}
	vm := iso.VM()
	handle, _ := goja.AssertFunction(m.Get("handle"))

	init := vm.NewObject()
	_ = init.Set("method", req.Method)
	_ = init.Set("url", req.URL)
	headers, raw := headersObject(vm, req.Header)
	_ = init.Set("headers", headers)
	_ = init.Set("rawHeaders", raw)
	_ = init.Set("query", queryObject(vm, req.Query))
	socket := vm.NewObject()
	_ = socket.Set("remoteAddress", req.RemoteAddr)
	_ = socket.Set("remotePort", req.RemotePort)
	_ = socket.Set("localAddress", req.LocalAddr)
	_ = socket.Set("encrypted", false)
	_ = init.Set("socket", socket)
	if req.BodyError != nil {
		e := vm.NewObject()
		_ = e.Set("status", req.BodyError.Status)
		_ = e.Set("message", req.BodyError.Message)
		_ = init.Set("bodyError", e)
	}
	_ = init.Set("bodyKind", string(req.BodyKind))
	_ = init.Set("bodyText", req.BodyText)
	_ = init.Set("readBody", bodyReader(iso, req.Body))

	c := vm.NewObject()
	_ = c.Set("dev", cfg.Dev)
	_ = c.Set("bodyParser", cfg.BodyParser)
	_ = c.Set("externalResolver", cfg.ExternalResolver)
	_ = c.Set("responseLimit", cfg.ResponseLimit)
	_ = c.Set("responseLimitBytes", cfg.ResponseLimitBytes)
	_ = c.Set("responseLimitText", cfg.ResponseLimitText)
	_ = c.Set("previewModeId", cfg.PreviewModeID)

	_, err = handle(goja.Undefined(), handler, init, sinkObject(vm, sink), c)
	return err
}

func sinkObject(vm *goja.Runtime, sink Sink) *goja.Object {
	o := vm.NewObject()
	_ = o.Set("head", func(call goja.FunctionCall) goja.Value {
		status := int(call.Argument(0).ToInteger())
		reason := call.Argument(1).String()
		var lines [][2]string
		if arr, ok := call.Argument(2).(*goja.Object); ok {
			n := int(arr.Get("length").ToInteger())
			lines = make([][2]string, 0, n/2)
			for i := 0; i+1 < n; i += 2 {
				lines = append(lines, [2]string{arr.Get(fmt.Sprint(i)).String(), latin1(arr.Get(fmt.Sprint(i + 1)))})
			}
		}
		sink.Head(status, reason, lines)
		return goja.Undefined()
	})
	_ = o.Set("write", func(call goja.FunctionCall) goja.Value {
		v := call.Argument(0)
		if b, ok := webidl.CopyBufferSource(vm, v); ok {
			sink.Write(b)
		} else {
			sink.Write([]byte(v.String()))
		}
		return goja.Undefined()
	})
	_ = o.Set("end", func(goja.FunctionCall) goja.Value { sink.End(); return goja.Undefined() })
	_ = o.Set("fail", func(call goja.FunctionCall) goja.Value { sink.Fail(call.Argument(0)); return goja.Undefined() })
	return o
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

// bodyReader returns readBody(cb) for the req stream: each call reads the
// next chunk off the isolate's goroutine and calls cb(Buffer) or cb(null) at
// the end.
func bodyReader(iso *runtime.Isolate, body io.ReadCloser) goja.Value {
	vm := iso.VM()
	return vm.ToValue(func(call goja.FunctionCall) goja.Value {
		cb, _ := goja.AssertFunction(call.Argument(0))
		if body == nil {
			_, _ = cb(goja.Undefined(), goja.Null())
			return goja.Undefined()
		}
		op := iso.StartOp()
		go func() {
			buf := make([]byte, 64<<10)
			n, err := body.Read(buf)
			_ = op.Complete(func() {
				switch {
				case n > 0:
					bufferFrom, _ := goja.AssertFunction(vm.Get("Buffer").(*goja.Object).Get("from"))
					chunk, _ := bufferFrom(vm.Get("Buffer"), webidl.ArrayBuffer(vm, buf[:n]))
					if _, e := cb(goja.Undefined(), chunk); e != nil {
						panic(e)
					}
				case err == io.EOF || err == nil:
					_, _ = cb(goja.Undefined(), goja.Null())
				default:
					_, _ = cb(goja.Undefined(), goja.Undefined(), vm.NewGoError(err))
				}
			})
		}()
		return goja.Undefined()
	})
}
