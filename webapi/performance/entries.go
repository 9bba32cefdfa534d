package performance

// https://w3c.github.io/performance-timeline/#the-performanceentry-interface
// https://w3c.github.io/user-timing/

import (
	"math"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/performance/clock"
	"github.com/edgerun/edgerun/webapi/structuredclone"
)

// Entry is the Go value behind a PerformanceEntry (mark or measure).
type Entry struct {
	jsclass.Shell
	name      string
	entryType string
	startTime float64
	duration  float64
	detail    goja.Value
	obj       *goja.Object
}

// PerformanceEntryClass is the PerformanceEntry interface.
var PerformanceEntryClass = &jsclass.Class{
	Name: "PerformanceEntry",
	Members: []jsclass.Member{
		jsclass.Getter("name", func(e *Entry, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(e.name) }),
		jsclass.Getter("entryType", func(e *Entry, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(e.entryType) }),
		jsclass.Getter("startTime", func(e *Entry, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(e.startTime) }),
		jsclass.Getter("duration", func(e *Entry, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(e.duration) }),
		jsclass.Method("toJSON", 0, func(e *Entry, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			o := iso.VM().NewObject()
			_ = o.Set("name", e.name)
			_ = o.Set("entryType", e.entryType)
			_ = o.Set("startTime", e.startTime)
			_ = o.Set("duration", e.duration)
			return o
		}),
	},
}

func detailGetter(e *Entry, iso *runtime.Isolate) goja.Value {
	if e.detail == nil {
		return goja.Null()
	}
	return e.detail
}

// PerformanceMarkClass is the PerformanceMark interface.
var PerformanceMarkClass = &jsclass.Class{
	Name:    "PerformanceMark",
	Extends: PerformanceEntryClass,
	Length:  1,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		ctx := webidl.Construct("PerformanceMark")
		ctx.RequireConstructArgs(iso.VM(), call, 1)
		e := newMark(iso, ctx, call.Argument(0), call.Argument(1))
		e.obj = call.This
		return e
	},
	Members: []jsclass.Member{jsclass.Getter("detail", detailGetter)},
}

// PerformanceMeasureClass is the PerformanceMeasure interface.
var PerformanceMeasureClass = &jsclass.Class{
	Name:    "PerformanceMeasure",
	Extends: PerformanceEntryClass,
	Members: []jsclass.Member{jsclass.Getter("detail", detailGetter)},
}

// cloneDetail is StructuredDeserialize(StructuredSerialize(detail)); a
// null or absent detail stays null.
func cloneDetail(iso *runtime.Isolate, ctx webidl.Context, v goja.Value) goja.Value {
	if webidl.IsNullish(v) {
		return nil
	}
	return structuredclone.Clone(iso, ctx, v, nil)
}

// newMark runs the PerformanceMark constructor steps
// (https://w3c.github.io/user-timing/#the-performancemark-constructor).
func newMark(iso *runtime.Isolate, ctx webidl.Context, nameV, optsV goja.Value) *Entry {
	vm := iso.VM()
	name := ctx.DOMString(vm, nameV)
	opts := ctx.Dictionary(vm, optsV, "PerformanceMarkOptions")
	// 2-4. Set entryType to "mark" and name to markName.
	e := &Entry{name: name, entryType: "mark"}
	// Members in lexicographic order: detail, startTime.
	detail := webidl.Member(opts, "detail")
	// 5. If markOptions's startTime member is present, then: if it is
	// negative, throw a TypeError; otherwise set startTime to it.
	if st := webidl.Member(opts, "startTime"); st != nil {
		t := ctx.Double(vm, st)
		if t < 0 {
			ctx.TypeError(vm, "'%s' cannot have a negative start time.", name)
		}
		e.startTime = t
	} else {
		// 6. Otherwise, set it to the value that would be returned by the
		// Performance object's now() method.
		e.startTime = clock.Now(iso)
	}
	// 7. Set entry's duration attribute to 0.
	// 8-10. detail: null, or a structured clone of markOptions's detail.
	e.detail = cloneDetail(iso, ctx, detail)
	return e
}

// add queues entry for the observers and adds it to the performance entry buffer.
func (p *Performance) add(iso *runtime.Isolate, e *Entry) {
	queueEntry(iso, e)
	p.entries = append(p.entries, e)
}

// jsMark is performance.mark(markName, markOptions).
func (p *Performance) jsMark(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	ctx := webidl.Method("Performance", "mark")
	ctx.RequireArgs(iso.VM(), call, 1)
	// 1. Run the PerformanceMark constructor and let entry be the newly created object.
	e := newMark(iso, ctx, call.Argument(0), call.Argument(1))
	e.obj = jsclass.New(iso, PerformanceMarkClass, e)
	// 2-3. Queue entry; add entry to the performance entry buffer.
	p.add(iso, e)
	// 4. Return entry.
	return e.obj
}

// timestamp is "convert a mark to a timestamp".
func (p *Performance) timestamp(iso *runtime.Isolate, ctx webidl.Context, mark goja.Value) float64 {
	vm := iso.VM()
	// (DOMString or DOMHighResTimeStamp): numbers are timestamps.
	if goja.IsNumber(mark) {
		t := mark.ToFloat()
		if math.IsNaN(t) || math.IsInf(t, 0) {
			ctx.TypeError(vm, "The provided double value is non-finite.")
		}
		// 2. If mark is a DOMHighResTimeStamp and it is negative, throw a TypeError.
		if t < 0 {
			ctx.TypeError(vm, "'%v' cannot be negative.", t)
		}
		return t
	}
	name := ctx.DOMString(vm, mark)
	// 1. If mark is a DOMString and it has the same name as a read only
	// attribute in the PerformanceTiming interface: if the global object is
	// not a Window object (never, here), throw a TypeError.
	if timingAttributes[name] {
		ctx.TypeError(vm, "When converting '%s' to a timestamp, the global object has to be a Window object.", name)
	}
	// 2. Otherwise return the startTime of the most recent mark named name,
	// or throw a SyntaxError if there is none.
	for i := len(p.entries) - 1; i >= 0; i-- {
		if e := p.entries[i]; e.entryType == "mark" && e.name == name {
			return e.startTime
		}
	}
	events.ThrowDOMException(iso, string(ctx)+": The mark '"+name+"' does not exist.", "SyntaxError")
	return 0
}

// jsMeasure is performance.measure(measureName, startOrMeasureOptions, endMark)
// (https://w3c.github.io/user-timing/#dom-performance-measure).
func (p *Performance) jsMeasure(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ctx := webidl.Method("Performance", "measure")
	ctx.RequireArgs(vm, call, 1)
	name := ctx.DOMString(vm, call.Argument(0))
	// (DOMString or PerformanceMeasureOptions) startOrMeasureOptions = {}:
	// objects, undefined and null are the dictionary.
	arg := call.Argument(1)
	var opts *goja.Object
	var startString goja.Value
	isDict := false
	if o, ok := arg.(*goja.Object); ok {
		opts, isDict = o, true
	} else if webidl.IsNullish(arg) {
		isDict = true
	} else {
		startString = vm.ToValue(ctx.DOMString(vm, arg))
	}
	var detail, start, duration, end goja.Value
	if opts != nil {
		// Members in lexicographic order: detail, duration, end, start.
		detail = webidl.Member(opts, "detail")
		duration = webidl.Member(opts, "duration")
		if duration != nil {
			duration = vm.ToValue(ctx.Double(vm, duration))
		}
		end = markArg(vm, ctx, webidl.Member(opts, "end"))
		start = markArg(vm, ctx, webidl.Member(opts, "start"))
	}
	endMark := call.Argument(2)
	hasEndMark := !goja.IsUndefined(endMark)
	if hasEndMark {
		endMark = markArg(vm, ctx, endMark)
	}
	// 1. If startOrMeasureOptions is a PerformanceMeasureOptions object
	// and at least one of start, end, duration, and detail exist:
	if isDict && (start != nil || end != nil || duration != nil || detail != nil) {
		// 1.1. If endMark is given, throw a TypeError.
		if hasEndMark {
			ctx.TypeError(vm, "If a non-empty PerformanceMeasureOptions object was passed, |end_mark| must not be passed.")
		}
		// 1.2. If startOrMeasureOptions's start and end members are both omitted, throw a TypeError.
		if start == nil && end == nil {
			ctx.TypeError(vm, "If a non-empty PerformanceMeasureOptions object was passed, at least one of its 'start' or 'end' properties must be present.")
		}
		// 1.3. If start, duration, and end are all present, throw a TypeError.
		if start != nil && duration != nil && end != nil {
			ctx.TypeError(vm, "If a non-empty PerformanceMeasureOptions object was passed, it must not have all of its 'start', 'duration', and 'end' properties defined")
		}
	}
	// 2. Compute end time.
	var endTime float64
	switch {
	case hasEndMark:
		endTime = p.timestamp(iso, ctx, endMark)
	case end != nil:
		endTime = p.timestamp(iso, ctx, end)
	case start != nil && duration != nil:
		endTime = p.timestamp(iso, ctx, start) + p.timestamp(iso, ctx, duration)
	default:
		endTime = clock.Now(iso)
	}
	// 3. Compute start time.
	var startTime float64
	switch {
	case start != nil:
		startTime = p.timestamp(iso, ctx, start)
	case duration != nil && end != nil:
		startTime = p.timestamp(iso, ctx, end) - p.timestamp(iso, ctx, duration)
	case startString != nil:
		startTime = p.timestamp(iso, ctx, startString)
	default:
		startTime = 0
	}
	// 4-8. Create the PerformanceMeasure: name, "measure", startTime,
	// duration = end time - start time, detail (a structured clone, or null).
	e := &Entry{name: name, entryType: "measure", startTime: startTime, duration: endTime - startTime}
	e.detail = cloneDetail(iso, ctx, detail)
	e.obj = jsclass.New(iso, PerformanceMeasureClass, e)
	// 9-10. Queue entry; add entry to the performance entry buffer.
	p.add(iso, e)
	// 11. Return entry.
	return e.obj
}

// timingAttributes are the read only attributes of PerformanceTiming
// (https://w3c.github.io/navigation-timing/#the-performancetiming-interface).
var timingAttributes = map[string]bool{
	"navigationStart": true, "unloadEventStart": true, "unloadEventEnd": true, "redirectStart": true,
	"redirectEnd": true, "fetchStart": true, "domainLookupStart": true, "domainLookupEnd": true,
	"connectStart": true, "connectEnd": true, "secureConnectionStart": true, "requestStart": true,
	"responseStart": true, "responseEnd": true, "domLoading": true, "domInteractive": true,
	"domContentLoadedEventStart": true, "domContentLoadedEventEnd": true, "domComplete": true,
	"loadEventStart": true, "loadEventEnd": true,
}

// markArg converts a (DOMString or DOMHighResTimeStamp) member: numbers
// stay numbers, everything else becomes a string. nil stays nil.
func markArg(vm *goja.Runtime, ctx webidl.Context, v goja.Value) goja.Value {
	if v == nil || goja.IsNumber(v) {
		return v
	}
	return vm.ToValue(ctx.DOMString(vm, v))
}

// clear removes the entries of entryType, all of them or those named name.
func (p *Performance) clear(iso *runtime.Isolate, entryType string, nameV goja.Value) {
	all := goja.IsUndefined(nameV)
	name := ""
	if !all {
		name = webidl.Context("").DOMString(iso.VM(), nameV)
	}
	kept := p.entries[:0]
	for _, e := range p.entries {
		if e.entryType == entryType && (all || e.name == name) {
			continue
		}
		kept = append(kept, e)
	}
	for i := len(kept); i < len(p.entries); i++ {
		p.entries[i] = nil
	}
	p.entries = kept
}

// filter is "filter buffer map by name and type".
func (p *Performance) filter(iso *runtime.Isolate, name, typ *string) goja.Value {
	return filterEntries(iso, p.entries, name, typ)
}

func (p *Performance) jsGetEntries(iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
	return p.filter(iso, nil, nil)
}

func (p *Performance) jsGetEntriesByType(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	ctx := webidl.Method("Performance", "getEntriesByType")
	ctx.RequireArgs(iso.VM(), call, 1)
	typ := ctx.DOMString(iso.VM(), call.Argument(0))
	return p.filter(iso, nil, &typ)
}

func (p *Performance) jsGetEntriesByName(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	ctx := webidl.Method("Performance", "getEntriesByName")
	ctx.RequireArgs(iso.VM(), call, 1)
	name := ctx.DOMString(iso.VM(), call.Argument(0))
	if t := call.Argument(1); !goja.IsUndefined(t) {
		typ := ctx.DOMString(iso.VM(), t)
		return p.filter(iso, &name, &typ)
	}
	return p.filter(iso, &name, nil)
}
