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
		jsclass.Getter("request", func(e *fetchEvent, iso *runtime.Isolate) goja.Value {
			panic(pageSignatureError(iso, e.page))
		}),
		jsclass.Method("respondWith", 1, func(e *fetchEvent, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			panic(pageSignatureError(iso, e.page))
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

func pageSignatureError(iso *runtime.Isolate, page string) goja.Value {
	return iso.VM().NewGoError(fmt.Errorf(`The middleware "%s" accepts an async API directly with the form:

  export function middleware(request, event) {
    return NextResponse.redirect('/new-location')
  }

  Read more: https://nextjs.org/docs/messages/middleware-new-signature
  `, page))
}

// NewFetchEvent builds the handler's second argument. waitUntil receives
// each promise passed to event.waitUntil.
func NewFetchEvent(iso *runtime.Isolate, page string, waitUntil WaitUntiler) *goja.Object {
	return jsclass.New(iso, fetchEventClass, &fetchEvent{page: page, waitUntil: waitUntil})
}
