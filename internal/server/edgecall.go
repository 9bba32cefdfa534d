package server

import (
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/fetch"
	"github.com/edgerun/edgerun/webapi/nextserver"
	"github.com/edgerun/edgerun/webapi/streams"
)

// edgeCall is one edge request on its isolate. Its state lives in one
// struct, and its steps are methods, so that the common path (a handler
// returning a Response synchronously) allocates no closures.
type edgeCall struct {
	s    *Server
	c    *request
	pipe *pipe
	iso  *runtime.Isolate
	inv  *runtime.Invocation

	// Loop-goroutine state.
	req         *goja.Object
	pendingWait int  // event.waitUntil promises not yet settled
	responded   bool // the response has ended (or the client left)
	gone        bool // the client went away
	waitCapped  bool // the waitUntil time limit is running
}

// start runs on the isolate's goroutine: it builds the request and event,
// calls the handler and handles its result.
func (ec *edgeCall) start() {
	s, c, iso := ec.s, ec.c, ec.iso
	// A handler that answers within this task (its microtasks included)
	// wakes the HTTP side once.
	ec.pipe.hold()
	iso.AfterTask(ec.pipe.release)
	vm := iso.VM()
	handler, _ := goja.AssertFunction(iso.Value(edgeModuleKey{}).(goja.Value))

	var body io.ReadCloser
	if c.r.Method != http.MethodGet && c.r.Method != http.MethodHead && c.r.Body != nil && c.r.Body != http.NoBody {
		body = truncatingBody(c.r.Body, c.p.bodyCloneLimit(), ec.warnTruncated)
	}
	// request.signal is created only if the handler (or clientGone) asks.
	headers := edgeRequestHeaders(c.r, s.portFor(c.r))
	if !c.p.next.SkipProxyURLNormalize {
		stripFlightHeaders(headers)
	}
	ec.req = fetch.NewRequest(iso, c.r.Method, s.edgeURL(c), headers, body, nil)
	if err := nextserver.AdoptRequest(iso, ec.req, c.rt.r.Page); err != nil {
		ec.done(err)
		return
	}
	// The page Next's adapter gets is the route's page ("/api/x"), not the file.
	event := nextserver.NewFetchEvent(iso, c.rt.r.Page, ec)
	result, err := handler(goja.Undefined(), ec.req, event)
	if err != nil {
		ec.done(err)
		return
	}
	if isThenable(result) {
		onFulfilled := vm.ToValue(func(call goja.FunctionCall) goja.Value { ec.result(call.Argument(0)); return goja.Undefined() })
		onRejected := vm.ToValue(func(call goja.FunctionCall) goja.Value {
			ec.done(jsError(vm, call.Argument(0)))
			return goja.Undefined()
		})
		promiseThen(vm, result, onFulfilled, onRejected)
		return
	}
	ec.result(result)
}

func (ec *edgeCall) warnTruncated() {
	ec.s.log.Warn(bodyLimitWarning(ec.c.p.bodyCloneLimit(), ec.c.r.RequestURI))
}

// result sends what the handler returned.
func (ec *edgeCall) result(v goja.Value) {
	iso, vm, pipe := ec.iso, ec.iso.VM(), ec.pipe
	if goja.IsUndefined(v) || goja.IsNull(v) {
		// No response: treated as NextResponse.next() (spec §2.2).
		pipe.writeHead(&responseHead{status: 200, lines: []headerLine{{"x-middleware-next", "1"}}})
		ec.done(nil)
		return
	}
	resp, ok := fetch.ResponseOf(iso, v)
	if !ok {
		ec.done(jsError(vm, vm.NewTypeError("Expected an instance of Response to be returned")))
		return
	}
	pipe.writeHead(ec.s.edgeResponseHead(ec.c, resp))
	if rc, ok := resp.BodyReader(); ok {
		// A body JS never touched (a proxied fetch() response): the HTTP
		// goroutine copies it straight from the upstream socket.
		pipe.copyFrom(rc)
		ec.done(nil)
		return
	}
	stream, bytes := resp.Body()
	switch {
	case bytes != nil:
		pipe.write(bytes)
		ec.done(nil)
	case stream != nil:
		streams.ConsumePaced(iso, stream, ec.chunk, ec.pause, ec.streamEnded)
	default:
		ec.done(nil)
	}
}

func (ec *edgeCall) chunk(b []byte) error {
	if ec.gone {
		return errClientGone
	}
	ec.pipe.write(b)
	return nil
}

// pause parks the body stream while the client is behind: the HTTP side
// resumes it on the isolate once the queue has drained.
func (ec *edgeCall) pause(resume func()) bool {
	return ec.pipe.full(func() { _ = ec.iso.Run(ec.inv, resume) })
}

func (ec *edgeCall) streamEnded(err goja.Value) {
	if err != nil && !goja.IsUndefined(err) {
		msg := describeValue(err)
		ec.s.log.Error("⨯ " + msg)
		ec.done(fmt.Errorf("server: response stream errored: %s", msg))
		return
	}
	ec.done(nil)
}

// done ends the response (or fails it) and, once waitUntil work is over,
// the invocation.
func (ec *edgeCall) done(failure error) {
	if failure != nil {
		ec.pipe.fail(failure)
	} else {
		ec.pipe.end()
	}
	ec.responded = true
	ec.finish()
}

// finish ends the invocation when the response is over and no
// event.waitUntil work is pending: until then the isolate is not retired.
func (ec *edgeCall) finish() {
	if !ec.responded {
		return
	}
	if ec.pendingWait == 0 {
		ec.inv.End()
		return
	}
	if !ec.waitCapped {
		// waitUntil work may not hold the isolate forever (a hung
		// analytics call would pin it and block its retirement): after
		// waitUntilLimit the invocation ends, as a platform ends the
		// function at its maximum duration.
		ec.waitCapped = true
		time.AfterFunc(waitUntilLimit, func() {
			_ = ec.iso.Run(ec.inv, func() {
				if ec.pendingWait > 0 {
					ec.s.log.Warn(fmt.Sprintf("event.waitUntil work for %s did not settle within %s and was abandoned", ec.c.r.URL.Path, waitUntilLimit))
					ec.pendingWait = 0
					ec.inv.End()
				}
			})
		})
	}
}

// waitUntilLimit bounds event.waitUntil work after the response.
const waitUntilLimit = 30 * time.Second

// WaitUntil implements nextserver.WaitUntiler for event.waitUntil.
func (ec *edgeCall) WaitUntil(p goja.Value) {
	vm := ec.iso.VM()
	ec.pendingWait++
	settle := vm.ToValue(func(goja.FunctionCall) goja.Value { ec.pendingWait--; ec.finish(); return goja.Undefined() })
	onReject := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		ec.s.log.Error("⨯ waitUntil: " + describeValue(call.Argument(0)))
		ec.pendingWait--
		ec.finish()
		return goja.Undefined()
	})
	promiseThen(vm, p, settle, onReject)
}

// clientGone runs on the HTTP goroutine when the client disconnects: it
// aborts request.signal and stops the body stream on the isolate.
func (ec *edgeCall) clientGone() {
	_ = ec.iso.Run(ec.inv, ec.abort)
}

func (ec *edgeCall) abort() {
	ec.gone = true
	if ec.req != nil {
		if sig, ok := events.SignalOf(ec.iso, ec.req.Get("signal")); ok {
			sig.Abort(nextserver.ResponseAborted(ec.iso))
		}
	}
	ec.responded = true
	ec.finish()
}
