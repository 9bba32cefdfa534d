package nextserver

import (
	"fmt"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// fetchEvent backs NextFetchEvent, the second argument of edge handlers.
// It is Go-backed (not part of next-server.js) because the host builds one
// per request.
type fetchEvent struct {
	jsclass.Shell
	page      string
	waitUntil WaitUntiler
}

// WaitUntiler receives the promises a handler passes to event.waitUntil.
type WaitUntiler interface {
	WaitUntil(p goja.Value)
}

var fetchEventClass = &jsclass.Class{
	Name:    "NextFetchEvent",
	Dynamic: true,
	Length:  1,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		params := webidl.Construct("NextFetchEvent").Dictionary(iso.VM(), call.Argument(0), "NextFetchEventParams")
		e := &fetchEvent{}
		if v := webidl.Member(params, "page"); v != nil {
			e.page = v.String()
		}
		return e
	},
	NoGlobal: true,
	Members: []jsclass.Member{
		jsclass.Getter("sourcePage", func(e *fetchEvent, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue(e.page)
		}),
		// Next 13 moved the request to the handler's first argument; the
		// old FetchEvent API throws PageSignatureError (fetch-event.ts).
		jsclass.Getter("request", func(e *fetchEvent, iso *runtime.Isolate) goja.Value {
			panic(pageSignatureError(iso, e.page))
		}),
		jsclass.Method("respondWith", 1, func(e *fetchEvent, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			panic(pageSignatureError(iso, e.page))
		}),
		// passThroughOnException only sets a flag that nothing reads for
		// API routes (Next's FetchEvent keeps it for middleware).
		jsclass.Method("passThroughOnException", 0, func(e *fetchEvent, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			return goja.Undefined()
		}),
		jsclass.Method("waitUntil", 1, func(e *fetchEvent, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			if e.waitUntil == nil {
				panic(iso.VM().NewGoError(fmt.Errorf("edgerun: waitUntil is only available on the event passed to a handler")))
			}
			e.waitUntil.WaitUntil(call.Argument(0))
			return goja.Undefined()
		}),
	},
}

// pageSignatureError is Next's PageSignatureError (server/web/error.ts),
// message byte for byte (its template literal keeps the two-space indent
// on the blank lines and after the last one).
func pageSignatureError(iso *runtime.Isolate, page string) goja.Value {
	return newError(iso, pageSignatureMessage(page))
}

func pageSignatureMessage(page string) string {
	return "The middleware \"" + page + "\" accepts an async API directly with the form:\n" +
		"  \n" +
		"  export function middleware(request, event) {\n" +
		"    return NextResponse.redirect('/new-location')\n" +
		"  }\n" +
		"  \n" +
		"  Read more: https://nextjs.org/docs/messages/middleware-new-signature\n" +
		"  "
}

// NewFetchEvent builds the handler's second argument. waitUntil receives
// each promise passed to event.waitUntil.
func NewFetchEvent(iso *runtime.Isolate, page string, waitUntil WaitUntiler) *goja.Object {
	return jsclass.New(iso, fetchEventClass, &fetchEvent{page: page, waitUntil: waitUntil})
}
