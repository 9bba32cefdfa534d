package file

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/events"
)

// ProgressEvent backs a ProgressEvent (https://xhr.spec.whatwg.org/#interface-progressevent),
// the event FileReader fires.
type ProgressEvent struct {
	events.Event
	lengthComputable bool
	loaded, total    float64
}

// ProgressEventClass is the ProgressEvent interface.
var ProgressEventClass = &jsclass.Class{
	Name:    "ProgressEvent",
	Extends: events.EventClass,
	Length:  1,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		vm := iso.VM()
		ctx := webidl.Construct("ProgressEvent")
		e := &ProgressEvent{}
		dict := events.ConstructEvent(iso, "ProgressEvent", call, &e.Event)
		// ProgressEventInit members in lexicographic order: lengthComputable, loaded, total.
		if v := webidl.Member(dict, "lengthComputable"); v != nil {
			e.lengthComputable = v.ToBoolean()
		}
		if v := webidl.Member(dict, "loaded"); v != nil {
			e.loaded = ctx.Double(vm, v)
		}
		if v := webidl.Member(dict, "total"); v != nil {
			e.total = ctx.Double(vm, v)
		}
		return e
	},
	Members: []jsclass.Member{
		jsclass.Getter("lengthComputable", func(e *ProgressEvent, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue(e.lengthComputable)
		}),
		jsclass.Getter("loaded", func(e *ProgressEvent, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue(e.loaded)
		}),
		jsclass.Getter("total", func(e *ProgressEvent, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue(e.total)
		}),
	},
}

// newProgressEvent creates a trusted ProgressEvent as the host fires it.
func newProgressEvent(iso *runtime.Isolate, typ string, loaded, total int64) *goja.Object {
	e := &ProgressEvent{lengthComputable: true, loaded: float64(loaded), total: float64(total)}
	events.InitHostEvent(iso, &e.Event, typ, false, false)
	return events.Wrap(iso, ProgressEventClass, e)
}
