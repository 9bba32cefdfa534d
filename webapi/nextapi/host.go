package nextapi

import (
	"errors"
	"net"
	"time"

	"github.com/dop251/goja"
)

// hostObject is `host` in api.js: the Go functions its slow paths call.
// They are created once per isolate; a request passes its `_h` handle.
func (m *apiModule) hostObject() *goja.Object {
	vm := m.vm
	host := vm.NewObject()
	def := func(name string, fn func(goja.FunctionCall) goja.Value) { _ = host.Set(name, fn) }
	exchangeOf := func(v goja.Value) *exchange {
		x, _ := v.Export().(*exchange)
		if x == nil {
			panic(vm.NewTypeError("nextapi: not a request handle"))
		}
		return x
	}
	def("warn", func(call goja.FunctionCall) goja.Value {
		m.warn(call.Argument(0).String())
		return goja.Undefined()
	})
	def("logError", func(call goja.FunctionCall) goja.Value {
		if m.cfg.LogError != nil {
			m.cfg.LogError(call.Argument(0))
		}
		return goja.Undefined()
	})
	def("signPreviewData", func(call goja.FunctionCall) goja.Value {
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
	def("openPreviewData", func(call goja.FunctionCall) goja.Value {
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
	def("fail", func(call goja.FunctionCall) goja.Value {
		exchangeOf(call.Argument(0)).sink.Fail(call.Argument(1))
		return goja.Undefined()
	})
	def("readBody", func(call goja.FunctionCall) goja.Value {
		readBody(m.iso, exchangeOf(call.Argument(0)), call.Argument(1))
		return goja.Undefined()
	})
	def("rawHeaders", func(call goja.FunctionCall) goja.Value {
		return rawHeadersArray(vm, exchangeOf(call.Argument(0)).req.header())
	})
	def("socket", func(call goja.FunctionCall) goja.Value {
		req := exchangeOf(call.Argument(0)).req
		remoteAddr, remotePort, _ := net.SplitHostPort(req.RemoteAddr)
		var localAddr string
		if req.LocalAddr != nil {
			localAddr, _, _ = net.SplitHostPort(req.LocalAddr.String())
		}
		socket := vm.NewObject()
		_ = socket.Set("remoteAddress", remoteAddr)
		_ = socket.Set("remotePort", remotePort)
		_ = socket.Set("localAddress", localAddr)
		_ = socket.Set("encrypted", false)
		return socket
	})
	// setFinished marks res finished just before api.js emits 'finish'.
	def("setFinished", func(call goja.FunctionCall) goja.Value {
		x, _ := m.responseOf(call.Argument(0))
		x.finished = true
		return goja.Undefined()
	})
	return host
}
