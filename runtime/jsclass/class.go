package jsclass

import (
	"fmt"
	"regexp"
	"sync"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// A Class is the JS shape of one interface. Declare it once as a package
// variable; it is built per isolate on demand.
type Class struct {
	// Name is the interface name (the global, constructor.name and the
	// Symbol.toStringTag value).
	Name string
	// Extends is the parent interface, if any.
	Extends *Class
	// Length is the constructor's length (its required argument count).
	Length int
	// Construct returns the Go value backing a new instance. Nil makes the
	// constructor throw "Illegal constructor" (interfaces only the host can
	// create, such as ReadableStreamDefaultReader's controller). To throw,
	// panic with a goja value (see Throw).
	Construct func(iso *runtime.Isolate, call goja.ConstructorCall) any
	// Members are the prototype's methods, accessors and constants.
	Members []Member
	// Statics are the constructor's own methods, accessors and constants.
	Statics []Member
	// Global controls whether Install exposes the class as a global.
	NoGlobal bool
	// Init, if set, runs after the constructor and prototype are built, for
	// anything the declarative form cannot say.
	Init func(iso *runtime.Isolate, b *Built)
	// TagName overrides the Symbol.toStringTag value (e.g. "Headers Iterator").
	TagName string
	// Dynamic makes direct instances (created by the host, or by `new X()`
	// for this class itself) goja DynamicObject shells: about ten times
	// cheaper to create than an ordinary object with an internal slot, which
	// matters for classes made on every request (Request, Response). Such an
	// instance can hold string-keyed data properties only — no symbol-keyed
	// or accessor own properties, no freezing — so classes whose instances
	// need those (Event's unforgeable isTrusted, DOMException's stack) leave
	// it false. Subclass instances are always ordinary objects.
	Dynamic bool
}

// Built is a class materialised in one isolate.
type Built struct {
	Class *Class
	Ctor  *goja.Object
	Proto *goja.Object
}

type builtKey struct{ c *Class }

// Get returns the class built in iso, building it (and its parents) on first use.
func Get(iso *runtime.Isolate, c *Class) *Built {
	if b, ok := iso.Value(builtKey{c}).(*Built); ok {
		return b
	}
	b := build(iso, c)
	iso.SetValue(builtKey{c}, b)
	if c.Init != nil {
		c.Init(iso, b)
	}
	return b
}

// Install exposes the class as a lazily built global (unless NoGlobal).
func Install(iso *runtime.Isolate, classes ...*Class) {
	for _, c := range classes {
		if c.NoGlobal {
			continue
		}
		c := c
		iso.DefineLazyGlobal(c.Name, func() goja.Value { return Get(iso, c).Ctor })
	}
}

// New creates an instance of c backed by v, as the host does (no JS
// constructor runs).
func New(iso *runtime.Isolate, c *Class, v any) *goja.Object {
	b := Get(iso, c)
	if c.Dynamic {
		return newInstance(iso.VM(), b.Proto, v)
	}
	obj := iso.VM().NewObject()
	_ = obj.SetPrototype(b.Proto)
	Brand(iso, obj, v)
	return obj
}

// Is reports whether v is an instance of c (or a subclass) by prototype chain.
func Is(iso *runtime.Isolate, c *Class, v goja.Value) bool {
	obj, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	proto := Get(iso, c).Proto
	for p := obj.Prototype(); p != nil; p = p.Prototype() {
		if p == proto {
			return true
		}
	}
	return false
}

func build(iso *runtime.Isolate, c *Class) *Built {
	vm := iso.VM()
	var parent *Built
	if c.Extends != nil {
		parent = Get(iso, c.Extends)
	}
	name := c.Name
	var proto *goja.Object
	impl := func(call goja.FunctionCall) goja.Value {
		this, ok := call.This.(*goja.Object)
		if !ok {
			// `new X()` for the class itself: the instance is a dynamic
			// object, which the wrapper returns in place of `this`.
			// Construct may keep `this`, so the object must exist before
			// the Go value does: a box receives the value afterwards.
			b := &box{}
			obj := vm.NewDynamicObject(b)
			_ = obj.SetPrototype(proto)
			b.v = c.Construct(iso, goja.ConstructorCall{This: obj, Arguments: call.Arguments})
			return obj
		}
		// A subclass instance: an ordinary object with an internal slot.
		v := c.Construct(iso, goja.ConstructorCall{This: this, Arguments: call.Arguments})
		Brand(iso, this, v)
		return goja.Undefined()
	}
	ctor := constructorFor(iso, name, c.Construct != nil, c.Dynamic, impl)
	setNameLength(vm, ctor, name, c.Length)

	proto = vm.NewObject()
	if parent != nil {
		_ = proto.SetPrototype(parent.Proto)
		_ = ctor.SetPrototype(parent.Ctor)
	}
	_ = proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = ctor.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	tag := c.TagName
	if tag == "" {
		tag = name
	}
	_ = proto.DefineDataPropertySymbol(goja.SymToStringTag, vm.ToValue(tag), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)

	b := &Built{Class: c, Ctor: ctor, Proto: proto}
	for _, m := range c.Members {
		m.define(iso, proto, c)
	}
	for _, m := range c.Statics {
		m.define(iso, ctor, c)
	}
	// WebIDL constants live on both the interface object and the prototype.
	for _, m := range c.Members {
		if m.kind == kindConstant {
			m.define(iso, ctor, c)
		}
	}
	return b
}

func setNameLength(vm *goja.Runtime, fn *goja.Object, name string, length int) {
	// Argument order is (writable, configurable, enumerable).
	_ = fn.DefineDataProperty("length", vm.ToValue(length), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = fn.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// Throw panics with a new JS error of the given constructor name (TypeError,
// RangeError, SyntaxError, Error...). goja turns the panic into a JS throw.
func Throw(vm *goja.Runtime, ctorName, msg string) {
	switch ctorName {
	case "TypeError":
		panic(vm.NewTypeError("%s", msg))
	case "Error":
		panic(vm.NewGoError(fmt.Errorf("%s", msg)))
	}
	ctor, ok := goja.AssertConstructor(vm.Get(ctorName))
	if !ok {
		panic(vm.NewTypeError("%s", msg))
	}
	obj, err := ctor(nil, vm.ToValue(msg))
	if err != nil {
		panic(err)
	}
	panic(obj)
}

// Function creates a native function with the given name and length.
func Function(vm *goja.Runtime, name string, length int, fn func(goja.FunctionCall) goja.Value) *goja.Object {
	f := vm.ToValue(fn).(*goja.Object)
	setNameLength(vm, f, name, length)
	return f
}

// goja cannot tell `new X()` from `X()` for native constructors (NewTarget is
// nil in both), and WebIDL requires the latter to throw. So the interface
// object is a small JS function that checks new.target and forwards to the
// native implementation with the freshly created `this` (whose prototype
// comes from new.target, so user subclasses work). The program is compiled
// once per class name and shared by all isolates.
var ctorPrograms sync.Map // name → *goja.Program

var identifierRE = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)

func constructorFor(iso *runtime.Isolate, name string, constructible, dynamic bool, impl func(goja.FunctionCall) goja.Value) *goja.Object {
	vm := iso.VM()
	key := fmt.Sprintf("%s/%v/%v", name, constructible, dynamic)
	prg, ok := ctorPrograms.Load(key)
	if !ok {
		fnName := name
		if !identifierRE.MatchString(fnName) {
			fnName = ""
		}
		// Rest parameters rather than `arguments`: a strict-mode arguments
		// object costs a thrower-property function per call.
		body := `if (new.target === undefined) throw new TypeError(newMsg); impl.apply(this, args);`
		if dynamic {
			body = `if (new.target === undefined) throw new TypeError(newMsg); if (new.target === C) return impl.apply(undefined, args); impl.apply(this, args);`
		}
		if !constructible {
			body = `throw new TypeError("Illegal constructor");`
		}
		params := "...args"
		if !constructible {
			params = ""
		}
		src := fmt.Sprintf("(function (impl, newMsg) { const C = function %s(%s) { %s }; return C; })", fnName, params, body)
		p, err := goja.Compile("jsclass:"+name, src, true)
		if err != nil {
			panic(err)
		}
		prg, _ = ctorPrograms.LoadOrStore(key, p)
	}
	factoryV, err := vm.RunProgram(prg.(*goja.Program))
	if err != nil {
		panic(err)
	}
	factory, _ := goja.AssertFunction(factoryV)
	msg := fmt.Sprintf("Failed to construct '%s': Please use the 'new' operator, this DOM object constructor cannot be called as a function.", name)
	ctorV, err := factory(goja.Undefined(), vm.ToValue(impl), vm.ToValue(msg))
	if err != nil {
		panic(err)
	}
	return ctorV.(*goja.Object)
}
