package performance

// https://w3c.github.io/performance-timeline/#the-performanceobserver-interface

import (
	"sort"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/events"
)

// supportedEntryTypes are the entry types this implementation produces, in
// alphabetical order.
var supportedEntryTypes = []string{"mark", "measure"}

func supported(t string) bool {
	for _, s := range supportedEntryTypes {
		if s == t {
			return true
		}
	}
	return false
}

// observeOptions is one PerformanceObserverInit in an options list.
type observeOptions struct {
	typ        string   // "" when entryTypes is used
	entryTypes []string // nil when type is used
}

func (o observeOptions) wants(t string) bool {
	if o.typ != "" {
		return o.typ == t
	}
	for _, x := range o.entryTypes {
		if x == t {
			return true
		}
	}
	return false
}

// Observer is the Go value behind a PerformanceObserver.
type Observer struct {
	jsclass.Shell
	obj             *goja.Object
	callback        goja.Callable
	buffer          []*Entry
	options         []observeOptions
	kind            string // observer type: "", "single" or "multiple"
	requiresDropped bool
	registered      bool
}

// observers is the realm's list of registered performance observers and
// the "performance observer task queued" flag.
type observers struct {
	list   []*Observer
	queued bool
}

type observersKey struct{}

func observersOf(iso *runtime.Isolate) *observers {
	if o, ok := iso.Value(observersKey{}).(*observers); ok {
		return o
	}
	o := &observers{}
	iso.SetValue(observersKey{}, o)
	return o
}

// PerformanceObserverClass is the PerformanceObserver interface.
var PerformanceObserverClass = &jsclass.Class{
	Name:   "PerformanceObserver",
	Length: 1,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		vm := iso.VM()
		ctx := webidl.Construct("PerformanceObserver")
		ctx.RequireConstructArgs(vm, call, 1)
		cb, ok := goja.AssertFunction(call.Argument(0))
		if !ok {
			ctx.TypeError(vm, "The callback provided as parameter 1 is not a function.")
		}
		// Set this's observer callback to callback; observer buffer and
		// options list are empty; observer type is "undefined"; requires
		// dropped entries is true.
		return &Observer{obj: call.This, callback: cb, requiresDropped: true}
	},
	Members: []jsclass.Member{
		jsclass.Method("observe", 0, (*Observer).jsObserve),
		jsclass.Method("disconnect", 0, func(o *Observer, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			// 1. Remove this from the list of registered performance observer objects.
			obs := observersOf(iso)
			for i, x := range obs.list {
				if x == o {
					obs.list = append(obs.list[:i:i], obs.list[i+1:]...)
					break
				}
			}
			o.registered = false
			// 2-3. Set this's observer buffer and options list to empty.
			o.buffer, o.options = nil, nil
			return goja.Undefined()
		}),
		jsclass.Method("takeRecords", 0, func(o *Observer, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			// Return a copy of this's observer buffer, and empty it.
			list := entriesArray(iso, o.buffer)
			o.buffer = nil
			return list
		}),
	},
	Statics: []jsclass.Member{
		jsclass.StaticGetter("supportedEntryTypes", supportedEntryTypesArray),
	},
}

type supportedKey struct{}

// supportedEntryTypesArray is the realm's frozen array of supported entry types.
func supportedEntryTypesArray(iso *runtime.Isolate) goja.Value {
	if a, ok := iso.Value(supportedKey{}).(*goja.Object); ok {
		return a
	}
	vm := iso.VM()
	vals := make([]any, len(supportedEntryTypes))
	for i, t := range supportedEntryTypes {
		vals[i] = t
	}
	arr := vm.NewArray(vals...)
	freeze, _ := goja.AssertFunction(vm.Get("Object").(*goja.Object).Get("freeze"))
	if _, err := freeze(goja.Undefined(), arr); err != nil {
		panic(err)
	}
	iso.SetValue(supportedKey{}, arr)
	return arr
}

// jsObserve is observe(options)
// (https://w3c.github.io/performance-timeline/#observe-method).
func (o *Observer) jsObserve(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ctx := webidl.Method("PerformanceObserver", "observe")
	dict := ctx.Dictionary(vm, call.Argument(0), "PerformanceObserverInit")
	// Members in lexicographic order: buffered, entryTypes, type.
	bufferedV := webidl.Member(dict, "buffered")
	buffered := bufferedV != nil && bufferedV.ToBoolean()
	var entryTypes []string
	hasEntryTypes := false
	if v := webidl.Member(dict, "entryTypes"); v != nil {
		hasEntryTypes = true
		for _, t := range ctx.Sequence(vm, v) {
			entryTypes = append(entryTypes, ctx.DOMString(vm, t))
		}
	}
	typ, hasType := "", false
	if v := webidl.Member(dict, "type"); v != nil {
		typ, hasType = ctx.DOMString(vm, v), true
	}
	// 2. If options's entryTypes is present and any other member is also
	// present, then throw a TypeError.
	if hasEntryTypes && (hasType || bufferedV != nil) {
		ctx.TypeError(vm, "An observe() call must not include both entryTypes and type arguments.")
	}
	// 3. If options's entryTypes and type are both absent, throw a TypeError.
	if !hasEntryTypes && !hasType {
		ctx.TypeError(vm, "An observe() call must include either entryTypes or type arguments.")
	}
	// 4. If this's observer type is "undefined": "multiple" for entryTypes, "single" for type.
	if o.kind == "" {
		if hasEntryTypes {
			o.kind = "multiple"
		} else {
			o.kind = "single"
		}
	}
	// 5-6. A different kind of call than the first throws InvalidModificationError.
	if o.kind == "single" && hasEntryTypes {
		events.ThrowDOMException(iso, string(ctx)+": This observer has performed observe({type:...}, therefore it cannot perform observe({entryTypes:...})", "InvalidModificationError")
	}
	if o.kind == "multiple" && hasType {
		events.ThrowDOMException(iso, string(ctx)+": This observer has performed observe({entryTypes:...}), therefore it cannot perform observe({type:...})", "InvalidModificationError")
	}
	// 7. Set this's requires dropped entries to true.
	o.requiresDropped = true
	obs := observersOf(iso)
	register := func() {
		if !o.registered {
			o.registered = true
			obs.list = append(obs.list, o)
		}
	}
	if o.kind == "multiple" {
		// 8.1-8.2. Remove the unsupported types from entryTypes.
		var types []string
		for _, t := range entryTypes {
			if supported(t) {
				types = append(types, t)
			}
		}
		// 8.3. If the resulting entry types list is empty, return.
		if len(types) == 0 {
			return goja.Undefined()
		}
		// 8.4. Replace (or create) the registered observer's options list with « options ».
		o.options = []observeOptions{{entryTypes: types}}
		register()
		return goja.Undefined()
	}
	// 9.1. If options's type is not contained in the relevant global's
	// frozen array of supported entry types, return.
	if !supported(typ) {
		return goja.Undefined()
	}
	// 9.2. Replace the options with the same type, or append.
	replaced := false
	for i, x := range o.options {
		if x.typ == typ {
			o.options[i] = observeOptions{typ: typ}
			replaced = true
		}
	}
	if !replaced {
		o.options = append(o.options, observeOptions{typ: typ})
	}
	register()
	// 9.3. If options's buffered flag is set: append the buffered entries
	// of that type to this's observer buffer and queue the observer task.
	if buffered {
		p := perfOf(iso)
		var matched []*Entry
		for _, e := range p.entries {
			if e.entryType == typ {
				matched = append(matched, e)
			}
		}
		sortEntries(matched)
		o.buffer = append(o.buffer, matched...)
		queueObserverTask(iso)
	}
	return goja.Undefined()
}

// queueEntry is "queue a PerformanceEntry": every observer interested in
// the entry's type gets it in its buffer, and the observer task is queued.
func queueEntry(iso *runtime.Isolate, e *Entry) {
	obs := observersOf(iso)
	interested := false
	for _, o := range obs.list {
		for _, opt := range o.options {
			if opt.wants(e.entryType) {
				o.buffer = append(o.buffer, e)
				interested = true
				break
			}
		}
	}
	if interested {
		queueObserverTask(iso)
	}
}

// queueObserverTask is "queue the PerformanceObserver task".
func queueObserverTask(iso *runtime.Isolate) {
	obs := observersOf(iso)
	// 2. If the performance observer task queued flag is set, then return.
	if obs.queued {
		return
	}
	// 3. Set the performance observer task queued flag.
	obs.queued = true
	// 4. Queue a task on the performance timeline task source.
	err := iso.Run(iso.Current(), func() {
		// 4.1. Unset the performance observer task queued flag.
		obs.queued = false
		// 4.2. Let notifyList be a copy of the registered observer list.
		notify := append([]*Observer(nil), obs.list...)
		for _, po := range notify {
			// 4.3.2-4.3.4. Take the observer buffer, skipping empty ones.
			entries := po.buffer
			if len(entries) == 0 {
				continue
			}
			po.buffer = nil
			// 4.3.5. Let observerEntryList be a new PerformanceObserverEntryList.
			list := jsclass.New(iso, PerformanceObserverEntryListClass, &entryList{entries: entries})
			// 4.3.6-4.3.8. droppedEntriesCount is 0 on the first
			// callback after observe() (nothing is ever dropped here).
			opts := iso.VM().NewObject()
			if po.requiresDropped {
				_ = opts.Set("droppedEntriesCount", 0)
				po.requiresDropped = false
			}
			// 4.3.9. Call po's observer callback with «observerEntryList,
			// po, callbackOptions», "report", and callback this value po.
			if _, err := po.callback(po.obj, list, po.obj, opts); err != nil {
				if ex, ok := err.(*goja.Exception); ok {
					events.ReportException(iso, ex.Value())
					continue
				}
				panic(err)
			}
		}
	})
	if err != nil {
		obs.queued = false
	}
}

// entryList is the Go value behind a PerformanceObserverEntryList.
type entryList struct {
	jsclass.Shell
	entries []*Entry
}

// PerformanceObserverEntryListClass is the PerformanceObserverEntryList interface.
var PerformanceObserverEntryListClass = &jsclass.Class{
	Name: "PerformanceObserverEntryList",
	Members: []jsclass.Member{
		jsclass.Method("getEntries", 0, func(l *entryList, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			return filterEntries(iso, l.entries, nil, nil)
		}),
		jsclass.Method("getEntriesByType", 1, func(l *entryList, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			ctx := webidl.Method("PerformanceObserverEntryList", "getEntriesByType")
			ctx.RequireArgs(iso.VM(), call, 1)
			typ := ctx.DOMString(iso.VM(), call.Argument(0))
			return filterEntries(iso, l.entries, nil, &typ)
		}),
		jsclass.Method("getEntriesByName", 1, func(l *entryList, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			ctx := webidl.Method("PerformanceObserverEntryList", "getEntriesByName")
			ctx.RequireArgs(iso.VM(), call, 1)
			name := ctx.DOMString(iso.VM(), call.Argument(0))
			if t := call.Argument(1); !goja.IsUndefined(t) {
				typ := ctx.DOMString(iso.VM(), t)
				return filterEntries(iso, l.entries, &name, &typ)
			}
			return filterEntries(iso, l.entries, &name, nil)
		}),
	},
}

func sortEntries(es []*Entry) {
	sort.SliceStable(es, func(i, j int) bool { return es[i].startTime < es[j].startTime })
}

// filterEntries is "filter buffer by name and type", in chronological order.
func filterEntries(iso *runtime.Isolate, all []*Entry, name, typ *string) goja.Value {
	var out []*Entry
	for _, e := range all {
		if (name == nil || e.name == *name) && (typ == nil || e.entryType == *typ) {
			out = append(out, e)
		}
	}
	sortEntries(out)
	return entriesArray(iso, out)
}

func entriesArray(iso *runtime.Isolate, es []*Entry) goja.Value {
	vals := make([]any, len(es))
	for i, e := range es {
		vals[i] = e.obj
	}
	return iso.VM().NewArray(vals...)
}
