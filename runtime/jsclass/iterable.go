package jsclass

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// PairAt returns the i-th key/value pair of a pair-iterable object, or
// ok=false past the end. It is called at every step, so iteration sees
// changes made meanwhile, as WebIDL's default iterator does.
type PairAt[T any] func(self T, iso *runtime.Isolate, i int) (k, v goja.Value, ok bool)

type iterKind int

const (
	iterEntries iterKind = iota
	iterKeys
	iterValues
)

type pairIterator[T any] struct {
	Shell
	self  T
	kind  iterKind
	index int
	at    PairAt[T]
	done  bool
}

// PairIterable returns the members WebIDL defines for `iterable<K, V>` on
// the interface named name: entries, keys, values, forEach and
// @@iterator (the same function object as entries). The iterators are
// instances of a "<name> Iterator" class whose prototype inherits
// %IteratorPrototype%.
func PairIterable[T any](name string, at PairAt[T]) []Member {
	iterClass := &Class{
		Name:     name + " Iterator",
		NoGlobal: true,
		Members: []Member{
			Method("next", 0, func(it *pairIterator[T], iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
				return it.next(iso)
			}),
		},
		Init: func(iso *runtime.Isolate, b *Built) {
			_ = b.Proto.SetPrototype(iteratorPrototype(iso))
			// Iterator prototypes have no constructor property.
			_ = b.Proto.Delete("constructor")
			iso.SetValue(pairIterKey{name}, &pairIterOriginal{proto: b.Proto, next: b.Proto.Get("next")})
		},
	}
	makeIter := func(kind iterKind) func(self T, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
		return func(self T, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			return New(iso, iterClass, &pairIterator[T]{self: self, kind: kind, at: at})
		}
	}
	forEach := func(self T, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
		vm := iso.VM()
		cb, ok := goja.AssertFunction(call.Argument(0))
		if !ok {
			Throw(vm, "TypeError", "Failed to execute 'forEach' on '"+name+"': parameter 1 is not of type 'Function'.")
		}
		thisArg := call.Argument(1)
		for i := 0; ; i++ {
			k, v, ok := at(self, iso, i)
			if !ok {
				break
			}
			if _, err := cb(thisArg, v, k, call.This); err != nil {
				panic(err)
			}
		}
		return goja.Undefined()
	}
	return []Member{
		Method("entries", 0, makeIter(iterEntries)),
		Method("keys", 0, makeIter(iterKeys)),
		Method("values", 0, makeIter(iterValues)),
		Method("forEach", 1, forEach),
		Alias(goja.SymIterator, "entries"),
	}
}

func (it *pairIterator[T]) next(iso *runtime.Isolate) goja.Value {
	vm := iso.VM()
	res := vm.NewObject()
	if it.done {
		_ = res.Set("value", goja.Undefined())
		_ = res.Set("done", true)
		return res
	}
	k, v, ok := it.at(it.self, iso, it.index)
	if !ok {
		it.done = true
		_ = res.Set("value", goja.Undefined())
		_ = res.Set("done", true)
		return res
	}
	it.index++
	switch it.kind {
	case iterKeys:
		_ = res.Set("value", k)
	case iterValues:
		_ = res.Set("value", v)
	default:
		_ = res.Set("value", vm.NewArray(k, v))
	}
	_ = res.Set("done", false)
	return res
}

// pairIterOriginal is a pair iterator class's prototype and its next as
// built, before any script could replace it.
type pairIterOriginal struct {
	proto *goja.Object
	next  goja.Value
}

type pairIterKey struct{ name string }

// PairIteratorNextIntact reports whether the "<name> Iterator" prototype's
// next is still the one the class was built with (true before the class
// is built: no script has seen it). Hosts that read an iterable's pairs
// directly, instead of running the iterator protocol, check this (and that
// @@iterator is the original entries) so the shortcut is unobservable.
func PairIteratorNextIntact(iso *runtime.Isolate, name string) bool {
	o, ok := iso.Value(pairIterKey{name}).(*pairIterOriginal)
	if !ok {
		return true
	}
	return o.proto.Get("next") == o.next
}

type iterProtoKey struct{}

// iteratorPrototype returns %IteratorPrototype%.
func iteratorPrototype(iso *runtime.Isolate) *goja.Object {
	if p, ok := iso.Value(iterProtoKey{}).(*goja.Object); ok {
		return p
	}
	v, err := iso.VM().RunString("Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))")
	if err != nil {
		panic(err)
	}
	p := v.(*goja.Object)
	iso.SetValue(iterProtoKey{}, p)
	return p
}
