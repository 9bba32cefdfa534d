package url

import (
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// SearchParams backs a URLSearchParams object
// (https://url.spec.whatwg.org/#interface-urlsearchparams): an ordered list
// of name-value pairs, optionally tied to a URL object whose query it keeps
// in sync.
type SearchParams struct {
	jsclass.Shell
	list [][2]string
	url  *urlObject // the URL object, or nil
}

// List returns the name-value pairs (do not modify).
func (p *SearchParams) List() [][2]string { return p.list }

// String returns the application/x-www-form-urlencoded serialization.
func (p *SearchParams) String() string { return SerializeURLEncoded(p.list) }

// SearchParamsOf returns the SearchParams behind a URLSearchParams object.
func SearchParamsOf(iso *runtime.Isolate, v goja.Value) (*SearchParams, bool) {
	return jsclass.Unwrap[*SearchParams](iso, v)
}

// NewURLSearchParams creates a URLSearchParams object from a query string
// (a leading "?" is removed, as the constructor does).
func NewURLSearchParams(iso *runtime.Isolate, query string) *goja.Object {
	if len(query) > 0 && query[0] == '?' {
		query = query[1:]
	}
	return jsclass.New(iso, URLSearchParamsClass, &SearchParams{list: ParseURLEncoded(query)})
}

// update runs https://url.spec.whatwg.org/#concept-urlsearchparams-update.
func (p *SearchParams) update() {
	// 1. If query's URL object is null, then return.
	if p.url == nil {
		return
	}
	// 2. Let serializedQuery be the serialization of query's list.
	q := SerializeURLEncoded(p.list)
	// 3. If serializedQuery is the empty string, then set serializedQuery to null.
	// 4. Set query's URL object's URL's query to serializedQuery.
	p.url.rec.SetQuery(q, q != "")
}

var spCtor = webidl.Construct("URLSearchParams")

// URLSearchParamsClass is the URLSearchParams interface.
var URLSearchParamsClass = &jsclass.Class{
	Name:      "URLSearchParams",
	Length:    0,
	Construct: constructSearchParams,
	Members: append([]jsclass.Member{
		jsclass.Getter("size", func(p *SearchParams, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue(len(p.list))
		}),
		jsclass.Method("append", 2, (*SearchParams).jsAppend),
		jsclass.Method("delete", 1, (*SearchParams).jsDelete),
		jsclass.Method("get", 1, (*SearchParams).jsGet),
		jsclass.Method("getAll", 1, (*SearchParams).jsGetAll),
		jsclass.Method("has", 1, (*SearchParams).jsHas),
		jsclass.Method("set", 2, (*SearchParams).jsSet),
		jsclass.Method("sort", 0, (*SearchParams).jsSort),
	}, append(jsclass.PairIterable("URLSearchParams", func(p *SearchParams, iso *runtime.Isolate, i int) (goja.Value, goja.Value, bool) {
		if i >= len(p.list) {
			return nil, nil, false
		}
		vm := iso.VM()
		return vm.ToValue(p.list[i][0]), vm.ToValue(p.list[i][1]), true
	}), jsclass.Method("toString", 0, func(p *SearchParams, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
		return iso.VM().ToValue(SerializeURLEncoded(p.list))
	}))...),
}

// constructSearchParams implements
// https://url.spec.whatwg.org/#dom-urlsearchparams-urlsearchparams with
// the WebIDL conversion of (sequence<sequence<USVString>> or
// record<USVString, USVString> or USVString).
func constructSearchParams(iso *runtime.Isolate, call goja.ConstructorCall) any {
	vm := iso.VM()
	p := &SearchParams{}
	init := call.Argument(0)
	if goja.IsUndefined(init) {
		return p
	}
	if obj, ok := init.(*goja.Object); ok {
		if method := obj.GetSymbol(goja.SymIterator); !webidl.IsNullish(method) {
			// sequence<sequence<USVString>>: each pair must have exactly two items.
			webidl.Iterate(vm, obj, func(item goja.Value) {
				inner, ok := item.(*goja.Object)
				if !ok {
					spCtor.TypeError(vm, "The provided value cannot be converted to a sequence.")
				}
				var pair []string
				if !webidl.Iterate(vm, inner, func(s goja.Value) { pair = append(pair, spCtor.USVString(vm, s)) }) {
					spCtor.TypeError(vm, "The provided value cannot be converted to a sequence.")
				}
				if len(pair) != 2 {
					spCtor.TypeError(vm, "Sequence initializer must only contain pair elements")
				}
				p.list = append(p.list, [2]string{pair[0], pair[1]})
			})
			return p
		}
		// record<USVString, USVString>: own enumerable keys; a key that
		// converts to an existing one replaces its value in place.
		entries := recordEntries(iso, obj)
		for i := 0; i+1 < len(entries); i += 2 {
			name := spCtor.USVString(vm, entries[i])
			value := spCtor.USVString(vm, entries[i+1])
			if i := slices.IndexFunc(p.list, func(e [2]string) bool { return e[0] == name }); i >= 0 {
				p.list[i][1] = value
				continue
			}
			p.list = append(p.list, [2]string{name, value})
		}
		return p
	}
	// USVString: 1. If init is a string and starts with U+003F (?), remove it.
	s := spCtor.USVString(vm, init)
	if len(s) > 0 && s[0] == '?' {
		s = s[1:]
	}
	p.list = ParseURLEncoded(s)
	return p
}

type recordEntriesKey struct{}

// recordEntries runs the WebIDL record<K, V> conversion's walk
// (https://webidl.spec.whatwg.org/#js-record): [[OwnPropertyKeys]], then
// [[GetOwnProperty]] and [[Get]] for each enumerable key, in that order (so
// proxies observe the spec's trap sequence). It returns key, value, key,
// value... as JS values; keys keep lone surrogates and symbols, which the
// USVString conversion then replaces or rejects.
func recordEntries(iso *runtime.Isolate, obj *goja.Object) []goja.Value {
	fn, ok := iso.Value(recordEntriesKey{}).(goja.Callable)
	if !ok {
		// Reflect's functions are captured once so user code cannot swap them.
		v, err := iso.VM().RunString(`(function (ownKeys, getOwnPropertyDescriptor) {
			return function (o) {
				const out = [], keys = ownKeys(o);
				for (let i = 0; i < keys.length; i++) {
					const k = keys[i], d = getOwnPropertyDescriptor(o, k);
					if (d !== undefined && d.enumerable) { out[out.length] = k; out[out.length] = o[k]; }
				}
				return out;
			};
		})(Reflect.ownKeys, Reflect.getOwnPropertyDescriptor)`)
		if err != nil {
			panic(err)
		}
		fn, _ = goja.AssertFunction(v)
		iso.SetValue(recordEntriesKey{}, fn)
	}
	res, err := fn(goja.Undefined(), obj)
	if err != nil {
		panic(err)
	}
	var out []goja.Value
	arr := res.(*goja.Object)
	n := int(arr.Get("length").ToInteger())
	for i := 0; i < n; i++ {
		out = append(out, arr.Get(itoa(i)))
	}
	return out
}

func itoa(i int) string { return strconv.Itoa(i) }

func method(name string) webidl.Context { return webidl.Method("URLSearchParams", name) }

func (p *SearchParams) jsAppend(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ctx := method("append")
	ctx.RequireArgs(vm, call, 2)
	name, value := ctx.USVString(vm, call.Argument(0)), ctx.USVString(vm, call.Argument(1))
	// 1. Append (name, value) to this's list. 2. Run the update steps.
	p.list = append(p.list, [2]string{name, value})
	p.update()
	return goja.Undefined()
}

func (p *SearchParams) jsDelete(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ctx := method("delete")
	ctx.RequireArgs(vm, call, 1)
	name := ctx.USVString(vm, call.Argument(0))
	// 1. If value is given, then remove all tuples whose name is name and
	//    value is value from this's list.
	// 2. Otherwise, remove all tuples whose name is name from this's list.
	if v := call.Argument(1); !goja.IsUndefined(v) {
		value := ctx.USVString(vm, v)
		p.list = slices.DeleteFunc(p.list, func(e [2]string) bool { return e[0] == name && e[1] == value })
	} else {
		p.list = slices.DeleteFunc(p.list, func(e [2]string) bool { return e[0] == name })
	}
	// 3. Run the update steps.
	p.update()
	return goja.Undefined()
}

func (p *SearchParams) jsGet(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ctx := method("get")
	ctx.RequireArgs(vm, call, 1)
	name := ctx.USVString(vm, call.Argument(0))
	// The value of the first tuple whose name is name, if there is such a tuple; otherwise null.
	for _, e := range p.list {
		if e[0] == name {
			return vm.ToValue(e[1])
		}
	}
	return goja.Null()
}

func (p *SearchParams) jsGetAll(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ctx := method("getAll")
	ctx.RequireArgs(vm, call, 1)
	name := ctx.USVString(vm, call.Argument(0))
	var out []any
	for _, e := range p.list {
		if e[0] == name {
			out = append(out, e[1])
		}
	}
	return vm.NewArray(out...)
}

func (p *SearchParams) jsHas(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ctx := method("has")
	ctx.RequireArgs(vm, call, 1)
	name := ctx.USVString(vm, call.Argument(0))
	// 1. If value is given and there is a tuple whose name is name and value
	//    is value in this's list, then return true.
	// 2. If value is not given and there is a tuple whose name is name in
	//    this's list, then return true.
	if v := call.Argument(1); !goja.IsUndefined(v) {
		value := ctx.USVString(vm, v)
		return vm.ToValue(slices.ContainsFunc(p.list, func(e [2]string) bool { return e[0] == name && e[1] == value }))
	}
	return vm.ToValue(slices.ContainsFunc(p.list, func(e [2]string) bool { return e[0] == name }))
}

func (p *SearchParams) jsSet(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ctx := method("set")
	ctx.RequireArgs(vm, call, 2)
	name, value := ctx.USVString(vm, call.Argument(0)), ctx.USVString(vm, call.Argument(1))
	// 1. If this's list contains any tuples whose name is name, then set the
	//    value of the first such tuple to value and remove the others.
	// 2. Otherwise, append (name, value) to this's list.
	found := false
	out := p.list[:0]
	for _, e := range p.list {
		if e[0] == name {
			if found {
				continue
			}
			found = true
			e[1] = value
		}
		out = append(out, e)
	}
	clear(p.list[len(out):])
	p.list = out
	if !found {
		p.list = append(p.list, [2]string{name, value})
	}
	// 3. Run the update steps.
	p.update()
	return goja.Undefined()
}

func (p *SearchParams) jsSort(iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
	// 1. Sort all tuples in this's list, if any, by their names. Sorting must
	//    be done by comparison of code units. The relative order between tuples
	//    with equal names must be preserved.
	slices.SortStableFunc(p.list, func(a, b [2]string) int { return compareUTF16(a[0], b[0]) })
	// 2. Run the update steps.
	p.update()
	return goja.Undefined()
}

// compareUTF16 orders two UTF-8 strings by their UTF-16 code units, which
// differs from byte order for code points above U+FFFF versus
// U+E000..U+FFFF.
func compareUTF16(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			ua, ub := firstUnit(ra), firstUnit(rb)
			if ua != ub {
				if ua < ub {
					return -1
				}
				return 1
			}
			// Same high surrogate: the low surrogates order like the code points.
			if ra < rb {
				return -1
			}
			return 1
		}
		a, b = a[na:], b[nb:]
	}
	switch {
	case a == "" && b == "":
		return 0
	case a == "":
		return -1
	default:
		return 1
	}
}

func firstUnit(r rune) rune {
	if r >= 0x10000 {
		return 0xD800 + (r-0x10000)>>10
	}
	return r
}
