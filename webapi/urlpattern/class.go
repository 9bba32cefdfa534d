package urlpattern

import (
	"errors"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// patternObject backs a URLPattern object: its associated URL pattern.
type patternObject struct {
	jsclass.Shell
	p *Pattern
}

// PatternOf returns the pattern behind a URLPattern object.
func PatternOf(iso *runtime.Isolate, v goja.Value) (*Pattern, bool) {
	o, ok := jsclass.Unwrap[*patternObject](iso, v)
	if !ok {
		return nil, false
	}
	return o.p, true
}

// NewURLPattern creates a URLPattern object for p.
func NewURLPattern(iso *runtime.Isolate, p *Pattern) *goja.Object {
	return jsclass.New(iso, URLPatternClass, &patternObject{p: p})
}

// URLPatternClass is the URLPattern interface
// (https://urlpattern.spec.whatwg.org/#urlpattern-class), with Chrome's
// tentative generate() and compareComponent().
var URLPatternClass = &jsclass.Class{
	Name:      "URLPattern",
	Length:    0,
	Construct: constructPattern,
	Members: []jsclass.Member{
		jsclass.Method("test", 0, (*patternObject).jsTest),
		jsclass.Method("exec", 0, (*patternObject).jsExec),
		jsclass.Method("generate", 2, (*patternObject).jsGenerate),
		componentGetter(Protocol),
		componentGetter(Username),
		componentGetter(Password),
		componentGetter(Hostname),
		componentGetter(Port),
		componentGetter(Pathname),
		componentGetter(Search),
		componentGetter(Hash),
		jsclass.Getter("hasRegExpGroups", func(o *patternObject, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue(o.p.HasRegExpGroups())
		}),
	},
	Statics: []jsclass.Member{
		jsclass.Static("compareComponent", 3, compareComponent),
	},
}

// componentGetter declares the protocol... hash getters: each returns the
// component's pattern string.
func componentGetter(c Component) jsclass.Member {
	return jsclass.Getter(c.String(), func(o *patternObject, iso *runtime.Isolate) goja.Value {
		return iso.VM().ToValue(o.p.PatternString(c))
	})
}

var patternCtor = webidl.Construct("URLPattern")

// constructPattern runs the two constructors' overload resolution:
// (input, baseURL, options) when a second argument is given that is not
// undefined, null or an object, or when there are three or more
// arguments; (input, options) otherwise.
func constructPattern(iso *runtime.Isolate, call goja.ConstructorCall) any {
	vm := iso.VM()
	args := call.Arguments
	arg := func(i int) goja.Value {
		if i < len(args) {
			return args[i]
		}
		return goja.Undefined()
	}
	withBase := len(args) >= 3
	if len(args) == 2 {
		_, isObject := args[1].(*goja.Object)
		withBase = !webidl.IsNullish(args[1]) && !isObject
	}
	str, init := convertInput(vm, patternCtor, arg(0))
	var baseURL *string
	optionsArg := arg(1)
	if withBase {
		b := patternCtor.USVString(vm, arg(1))
		baseURL = &b
		optionsArg = arg(2)
	}
	opts := convertOptions(vm, patternCtor, optionsArg)
	var (
		p   *Pattern
		err error
	)
	if init != nil {
		p, err = create(nil, baseURL, init, opts)
	} else {
		p, err = create(&str, baseURL, nil, opts)
	}
	if err != nil {
		throw(vm, patternCtor, err)
	}
	return &patternObject{p: p}
}

// throw turns a Go error into the TypeError Chrome throws.
func throw(vm *goja.Runtime, ctx webidl.Context, err error) {
	var e *Error
	if errors.As(err, &e) {
		typeError(vm, ctx, e.Message)
	}
	var pe *patternError
	if errors.As(err, &pe) {
		typeError(vm, ctx, pe.msg)
	}
	typeError(vm, ctx, err.Error())
}

// typeError throws "<ctx>: <msg>". Messages quote patterns and URLs, which
// can hold "%", so they must not pass through a format string (goja's
// NewTypeError formats its first argument).
func typeError(vm *goja.Runtime, ctx webidl.Context, msg string) {
	panic(vm.NewTypeError("%s", string(ctx)+": "+msg))
}

// convertInput converts a (USVString or URLPatternInit) union: undefined,
// null and objects are dictionaries, anything else a string.
func convertInput(vm *goja.Runtime, ctx webidl.Context, v goja.Value) (string, *Init) {
	if _, isObject := v.(*goja.Object); isObject || webidl.IsNullish(v) {
		return "", convertInit(vm, ctx, v)
	}
	return ctx.USVString(vm, v), nil
}

// initMembers are URLPatternInit's members in the order WebIDL reads
// them (lexicographic), with where each is stored.
var initMembers = []struct {
	name  string
	field func(*Init) **string
}{
	{"baseURL", func(in *Init) **string { return &in.BaseURL }},
	{"hash", func(in *Init) **string { return &in.Hash }},
	{"hostname", func(in *Init) **string { return &in.Hostname }},
	{"password", func(in *Init) **string { return &in.Password }},
	{"pathname", func(in *Init) **string { return &in.Pathname }},
	{"port", func(in *Init) **string { return &in.Port }},
	{"protocol", func(in *Init) **string { return &in.Protocol }},
	{"search", func(in *Init) **string { return &in.Search }},
	{"username", func(in *Init) **string { return &in.Username }},
}

// convertInit converts a value to a URLPatternInit dictionary.
func convertInit(vm *goja.Runtime, ctx webidl.Context, v goja.Value) *Init {
	dict := ctx.Dictionary(vm, v, "URLPatternInit")
	in := &Init{}
	if dict == nil {
		return in
	}
	for _, m := range initMembers {
		if mv := webidl.Member(dict, m.name); mv != nil {
			s := ctx.USVString(vm, mv)
			*m.field(in) = &s
		}
	}
	return in
}

// convertOptions converts a URLPatternOptions dictionary.
func convertOptions(vm *goja.Runtime, ctx webidl.Context, v goja.Value) Options {
	dict := ctx.Dictionary(vm, v, "URLPatternOptions")
	if mv := webidl.Member(dict, "ignoreCase"); mv != nil {
		return Options{IgnoreCase: mv.ToBoolean()}
	}
	return Options{}
}

// matchArgs converts test()'s and exec()'s (input, baseURL) and runs the
// match; inputs is the result's inputs list.
func (o *patternObject) matchArgs(vm *goja.Runtime, ctx webidl.Context, call goja.FunctionCall, result *Result) (ok bool, inputs []goja.Value) {
	str, init := convertInput(vm, ctx, call.Argument(0))
	var baseURL *string
	if b := call.Argument(1); !goja.IsUndefined(b) {
		s := ctx.USVString(vm, b)
		baseURL = &s
	}
	var err error
	if init != nil {
		// match step 12.1: If baseURLString was given, throw a TypeError.
		if baseURL != nil {
			typeError(vm, ctx, "Invalid second argument baseURL '"+*baseURL+"' provided with a URLPatternInit input. Use the URLPatternInit.baseURL property instead.")
		}
		ok, err = o.p.match(nil, nil, init, result)
		if result != nil {
			inputs = []goja.Value{initToJS(vm, init)}
		}
	} else {
		ok, err = o.p.match(&str, baseURL, nil, result)
		if result != nil {
			inputs = []goja.Value{vm.ToValue(str)}
			if baseURL != nil {
				inputs = append(inputs, vm.ToValue(*baseURL))
			}
		}
	}
	if err != nil {
		typeError(vm, ctx, err.Error())
	}
	return ok, inputs
}

var (
	testCtx     = webidl.Method("URLPattern", "test")
	execCtx     = webidl.Method("URLPattern", "exec")
	generateCtx = webidl.Method("URLPattern", "generate")
	compareCtx  = webidl.Method("URLPattern", "compareComponent")
)

// jsTest is https://urlpattern.spec.whatwg.org/#dom-urlpattern-test.
func (o *patternObject) jsTest(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ok, _ := o.matchArgs(vm, testCtx, call, nil)
	return vm.ToValue(ok)
}

// jsExec is https://urlpattern.spec.whatwg.org/#dom-urlpattern-exec.
func (o *patternObject) jsExec(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	var r Result
	ok, inputs := o.matchArgs(vm, execCtx, call, &r)
	if !ok {
		return goja.Null()
	}
	return resultToJS(vm, &r, inputs)
}

// resultToJS converts a URLPatternResult dictionary; members are created
// in WebIDL's (lexicographic) order.
func resultToJS(vm *goja.Runtime, r *Result, inputs []goja.Value) *goja.Object {
	obj := vm.NewObject()
	for _, name := range [...]string{"hash", "hostname", "inputs", "password", "pathname", "port", "protocol", "search", "username"} {
		if name == "inputs" {
			_ = obj.Set("inputs", vm.NewArray(toAny(inputs)...))
			continue
		}
		c, _ := ParseComponent(name)
		cr := r.Get(c)
		groups := vm.NewObject()
		for _, g := range cr.Groups {
			if g.Matched {
				_ = groups.Set(g.Name, g.Value)
			} else {
				_ = groups.Set(g.Name, goja.Undefined())
			}
		}
		comp := vm.NewObject()
		_ = comp.Set("groups", groups)
		_ = comp.Set("input", cr.Input)
		_ = obj.Set(name, comp)
	}
	return obj
}

func toAny(vs []goja.Value) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

// initToJS converts a URLPatternInit back to a JS dictionary object.
func initToJS(vm *goja.Runtime, in *Init) *goja.Object {
	obj := vm.NewObject()
	for _, m := range initMembers {
		if v := *m.field(in); v != nil {
			_ = obj.Set(m.name, *v)
		}
	}
	return obj
}

// convertComponent converts a URLPatternComponent enum value.
func convertComponent(vm *goja.Runtime, ctx webidl.Context, v goja.Value) Component {
	s := ctx.DOMString(vm, v)
	c, ok := ParseComponent(s)
	if !ok {
		typeError(vm, ctx, "The provided value '"+s+"' is not a valid enum value of type URLPatternComponent.")
	}
	return c
}

// jsGenerate is generate(component, groups) (tentative, see Generate).
func (o *patternObject) jsGenerate(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	generateCtx.RequireArgs(vm, call, 2)
	c := convertComponent(vm, generateCtx, call.Argument(0))
	// record<USVString, USVString>
	rec, ok := call.Argument(1).(*goja.Object)
	if !ok {
		generateCtx.TypeError(vm, "The provided value is not of type 'record<USVString, USVString>'.")
	}
	groups := map[string]string{}
	for _, k := range webidl.RecordKeys(rec) {
		groups[k] = generateCtx.USVString(vm, rec.Get(k))
	}
	s, err := o.p.Generate(c, groups)
	if err != nil {
		throw(vm, generateCtx, err)
	}
	return vm.ToValue(s)
}

// compareComponent is URLPattern.compareComponent(component, left, right)
// (tentative, see CompareComponent). left and right are URLPatterns, or
// inputs to construct one from.
func compareComponent(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	compareCtx.RequireArgs(vm, call, 3)
	c := convertComponent(vm, compareCtx, call.Argument(0))
	left := patternArg(iso, call.Argument(1))
	right := patternArg(iso, call.Argument(2))
	return vm.ToValue(CompareComponent(c, left, right))
}

func patternArg(iso *runtime.Isolate, v goja.Value) *Pattern {
	if p, ok := PatternOf(iso, v); ok {
		return p
	}
	vm := iso.VM()
	str, init := convertInput(vm, compareCtx, v)
	var (
		p   *Pattern
		err error
	)
	if init != nil {
		p, err = create(nil, nil, init, Options{})
	} else {
		p, err = create(&str, nil, nil, Options{})
	}
	if err != nil {
		throw(vm, compareCtx, err)
	}
	return p
}
