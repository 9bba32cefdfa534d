package performance

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/performance/clock"
)

// Performance is the Go value behind the performance object: an
// EventTarget with the performance entry buffer of marks and measures.
type Performance struct {
	events.EventTarget
	entries []*Entry
}

// PerformanceClass is the Performance interface
// (https://w3c.github.io/hr-time/#sec-performance).
var PerformanceClass = &jsclass.Class{
	Name:    "Performance",
	Extends: events.EventTargetClass,
	Members: []jsclass.Member{
		jsclass.Method("now", 0, func(p *Performance, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			// The now() method steps are to return the current high
			// resolution time given this's relevant global object.
			return iso.VM().ToValue(clock.Now(iso))
		}),
		jsclass.Getter("timeOrigin", func(p *Performance, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue(clock.OriginMilliseconds(iso))
		}),
		jsclass.Method("toJSON", 0, func(p *Performance, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			// [Default] object toJSON(): the interface's attributes.
			o := iso.VM().NewObject()
			_ = o.Set("timeOrigin", clock.OriginMilliseconds(iso))
			return o
		}),
		jsclass.Method("getEntries", 0, (*Performance).jsGetEntries),
		jsclass.Method("getEntriesByType", 1, (*Performance).jsGetEntriesByType),
		jsclass.Method("getEntriesByName", 1, (*Performance).jsGetEntriesByName),
		jsclass.Method("mark", 1, (*Performance).jsMark),
		jsclass.Method("clearMarks", 0, func(p *Performance, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			p.clear(iso, "mark", call.Argument(0))
			return goja.Undefined()
		}),
		jsclass.Method("measure", 1, (*Performance).jsMeasure),
		jsclass.Method("clearMeasures", 0, func(p *Performance, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			p.clear(iso, "measure", call.Argument(0))
			return goja.Undefined()
		}),
	},
}

type instanceKey struct{}

// Object returns the isolate's performance object, creating it on first use.
func Object(iso *runtime.Isolate) *goja.Object {
	if o, ok := iso.Value(instanceKey{}).(*goja.Object); ok {
		return o
	}
	p := perfOf(iso)
	o := jsclass.New(iso, PerformanceClass, p)
	iso.SetValue(instanceKey{}, o)
	return o
}

type stateKey struct{}

// perfOf returns the isolate's Performance value (the entry buffer exists
// before anyone touches the performance object).
func perfOf(iso *runtime.Isolate) *Performance {
	if p, ok := iso.Value(stateKey{}).(*Performance); ok {
		return p
	}
	p := &Performance{}
	iso.SetValue(stateKey{}, p)
	return p
}

// Classes lists the interfaces Install exposes.
var Classes = []*jsclass.Class{PerformanceClass, PerformanceEntryClass, PerformanceMarkClass, PerformanceMeasureClass,
	PerformanceObserverClass, PerformanceObserverEntryListClass}

// Install exposes Performance, PerformanceEntry, PerformanceMark,
// PerformanceMeasure, PerformanceObserver and PerformanceObserverEntryList, and the `performance` attribute of the global
// ([Replaceable]: assigning to it replaces it). It fixes the isolate's time
// origin, so call it from Setup.
func Install(iso *runtime.Isolate) {
	clock.Origin(iso)
	jsclass.Install(iso, Classes...)
	vm := iso.VM()
	g := vm.GlobalObject()
	get := jsclass.Function(vm, "get performance", 0, func(goja.FunctionCall) goja.Value { return Object(iso) })
	set := jsclass.Function(vm, "set performance", 1, func(call goja.FunctionCall) goja.Value {
		_ = g.DefineDataProperty("performance", call.Argument(0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		return goja.Undefined()
	})
	_ = g.DefineAccessorProperty("performance", get, set, goja.FLAG_TRUE, goja.FLAG_TRUE)
}
