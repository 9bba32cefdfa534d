package fetch

import (
	"reflect"
	"strconv"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// HeadersClass is the JS Headers interface.
var HeadersClass = &jsclass.Class{
	Name:   "Headers",
	Length: 0,
	Init: func(iso *runtime.Isolate, b *jsclass.Built) {
		iso.SetValue(headersEntriesKey{}, b.Proto.GetSymbol(goja.SymIterator))
	},
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		// 1. Set this's guard to "none".
		h := newHeadersValue(iso, GuardNone)
		// 2. If init is given, then fill this with init.
		if init := call.Argument(0); !goja.IsUndefined(init) {
			h.fill(iso, ctxHeaders, init)
		}
		return h
	},
	Members: append([]jsclass.Member{
		jsclass.Method("append", 2, func(h *Headers, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			ctx := ctxHeadersAppend
			vm := iso.VM()
			ctx.RequireArgs(vm, call, 2)
			name := ctx.ByteString(vm, call.Argument(0))
			value := ctx.ByteString(vm, call.Argument(1))
			throwHeadersError(vm, ctx, h.appendChecked(name, value))
			return goja.Undefined()
		}),
		jsclass.Method("delete", 1, func(h *Headers, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			ctx := ctxHeadersDelete
			vm := iso.VM()
			ctx.RequireArgs(vm, call, 1)
			name := ctx.ByteString(vm, call.Argument(0))
			throwHeadersError(vm, ctx, h.deleteChecked(name))
			return goja.Undefined()
		}),
		jsclass.Method("get", 1, func(h *Headers, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			ctx := ctxHeadersGet
			vm := iso.VM()
			ctx.RequireArgs(vm, call, 1)
			name := ctx.ByteString(vm, call.Argument(0))
			// 1. If name is not a header name, then throw a TypeError.
			if !isHeaderName(name) {
				throwHeadersError(vm, ctx, ErrInvalidHeaderName)
			}
			// 2. Return the result of getting name from this's header list.
			v, ok := h.header().get(asciiLower(name))
			if !ok {
				return goja.Null()
			}
			return webidl.FromByteString(vm, v)
		}),
		jsclass.Method("getSetCookie", 0, func(h *Headers, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			vm := iso.VM()
			vals := h.SetCookies()
			out := make([]any, len(vals))
			for i, v := range vals {
				out[i] = webidl.FromByteString(vm, v)
			}
			return vm.NewArray(out...)
		}),
		jsclass.Method("has", 1, func(h *Headers, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			ctx := ctxHeadersHas
			vm := iso.VM()
			ctx.RequireArgs(vm, call, 1)
			name := ctx.ByteString(vm, call.Argument(0))
			if !isHeaderName(name) {
				throwHeadersError(vm, ctx, ErrInvalidHeaderName)
			}
			return vm.ToValue(h.header().contains(asciiLower(name)))
		}),
		jsclass.Method("set", 2, func(h *Headers, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			ctx := ctxHeadersSet
			vm := iso.VM()
			ctx.RequireArgs(vm, call, 2)
			name := ctx.ByteString(vm, call.Argument(0))
			value := ctx.ByteString(vm, call.Argument(1))
			throwHeadersError(vm, ctx, h.setChecked(name, value))
			return goja.Undefined()
		}),
	}, jsclass.PairIterable("Headers", func(h *Headers, iso *runtime.Isolate, i int) (goja.Value, goja.Value, bool) {
		// The value pairs to iterate over are the result of sort and combine.
		list := h.List()
		if i >= len(list) {
			return nil, nil, false
		}
		vm := iso.VM()
		return vm.ToValue(list[i][0]), webidl.FromByteString(vm, list[i][1]), true
	})...),
}

// headersEntriesKey holds Headers.prototype[@@iterator] as the class was
// built, for eachHeadersInit's shortcut.
type headersEntriesKey struct{}

// throwHeadersError turns a Go-side validation error into Chrome's TypeError.
func throwHeadersError(vm *goja.Runtime, ctx webidl.Context, err error) {
	switch err {
	case nil:
		return
	case ErrInvalidHeaderName:
		ctx.TypeError(vm, "Invalid name")
	case ErrInvalidHeaderValue:
		ctx.TypeError(vm, "Invalid value")
	case ErrImmutableHeaders:
		ctx.TypeError(vm, "Headers are immutable")
	default:
		ctx.TypeError(vm, "%s", err.Error())
	}
}

var proxyType = reflect.TypeOf(goja.Proxy{})

// fill implements "fill" (https://fetch.spec.whatwg.org/#concept-headers-fill).
func (h *Headers) fill(iso *runtime.Isolate, ctx webidl.Context, init goja.Value) {
	vm := iso.VM()
	eachHeadersInit(iso, ctx, init, func(name, value string) {
		throwHeadersError(vm, ctx, h.appendChecked(name, value))
	})
}

// eachHeadersInit converts init to HeadersInit
// ((sequence<sequence<ByteString>> or record<ByteString, ByteString>)) and
// calls fn for each (name, value), throwing a TypeError for an entry that is
// not a pair.
func eachHeadersInit(iso *runtime.Isolate, ctx webidl.Context, init goja.Value, fn func(name, value string)) {
	vm := iso.VM()
	obj, ok := init.(*goja.Object)
	if !ok {
		ctx.TypeError(vm, "The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.")
	}
	// Overload resolution: an object with @@iterator is a sequence.
	method := obj.GetSymbol(goja.SymIterator)
	if webidl.IsNullish(method) {
		// Otherwise, object is a record: for each key → value, append (key, value).
		eachRecordEntry(vm, ctx, obj, fn)
		return
	}
	if _, ok := goja.AssertFunction(method); !ok {
		ctx.TypeError(vm, "The provided value cannot be converted to a sequence.")
	}
	// Another Headers (NextResponse.json and new Response(body, {headers})
	// pass one) whose iteration no script has replaced: its pairs are the
	// sort-and-combine list the iterator would yield, without an iterator
	// and two arrays per header.
	if src, ok := jsclass.Unwrap[*Headers](iso, obj); ok && method == iso.Value(headersEntriesKey{}) &&
		jsclass.PairIteratorNextIntact(iso, "Headers") {
		for _, kv := range src.List() {
			fn(kv[0], kv[1])
		}
		return
	}
	webidl.Iterate(vm, obj, func(item goja.Value) {
		// Each item converts to sequence<ByteString>.
		pair, ok := item.(*goja.Object)
		if !ok {
			ctx.TypeError(vm, "The provided value cannot be converted to a sequence.")
		}
		var name, value string
		n := 0
		if !webidl.Iterate(vm, pair, func(v goja.Value) {
			s := ctx.ByteString(vm, v)
			switch n {
			case 0:
				name = s
			case 1:
				value = s
			}
			n++
		}) {
			ctx.TypeError(vm, "The provided value cannot be converted to a sequence.")
		}
		// If header's size is not 2, then throw a TypeError.
		if n != 2 {
			ctx.TypeError(vm, "Invalid value")
		}
		fn(name, value)
	})
}

// eachRecordEntry converts obj to record<ByteString, ByteString>
// (https://webidl.spec.whatwg.org/#js-record) and calls fn per entry. For
// proxies it performs exactly the standard's traps in order
// ([[OwnPropertyKeys]], then [[GetOwnProperty]] and [[Get]] per key); for
// ordinary objects, where those steps are not observable, it uses goja's
// own-enumerable-key list (objects with symbol keys take the exact path,
// since an enumerable symbol key must throw at its turn).
func eachRecordEntry(vm *goja.Runtime, ctx webidl.Context, obj *goja.Object, fn func(k, v string)) {
	if obj.ExportType() != proxyType && len(obj.Symbols()) == 0 {
		for _, k := range obj.Keys() {
			key, ok := byteStringFromUTF8(k)
			if !ok {
				key = ctx.ByteString(vm, vm.ToValue(k)) // throws
			}
			fn(key, ctx.ByteString(vm, obj.Get(k)))
		}
		return
	}
	reflectObj := vm.Get("Reflect").(*goja.Object)
	ownKeys, _ := goja.AssertFunction(reflectObj.Get("ownKeys"))
	getDesc, _ := goja.AssertFunction(reflectObj.Get("getOwnPropertyDescriptor"))
	keysV, err := ownKeys(reflectObj, obj)
	if err != nil {
		panic(err)
	}
	keys := keysV.(*goja.Object)
	n := int(keys.Get("length").ToInteger())
	for i := 0; i < n; i++ {
		key := keys.Get(strconv.Itoa(i))
		d, err := getDesc(reflectObj, obj, key)
		if err != nil {
			panic(err)
		}
		desc, ok := d.(*goja.Object)
		if !ok || !desc.Get("enumerable").ToBoolean() {
			continue
		}
		k := ctx.ByteString(vm, key)
		var v goja.Value
		if s, ok := key.(*goja.Symbol); ok {
			v = obj.GetSymbol(s)
		} else {
			v = obj.Get(key.String())
		}
		fn(k, ctx.ByteString(vm, v))
	}
}
