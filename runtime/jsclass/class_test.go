package jsclass_test

import (
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

type counter struct {
	jsclass.Shell
	n     int
	pairs [][2]string
}

var counterClass = &jsclass.Class{
	Name:    "Counter",
	Dynamic: true,
	Length:  1,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		return &counter{n: int(call.Argument(0).ToInteger()), pairs: [][2]string{{"a", "1"}, {"b", "2"}}}
	},
	Members: append([]jsclass.Member{
		jsclass.Method("inc", 0, func(c *counter, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			c.n++
			return iso.VM().ToValue(c.n)
		}),
		jsclass.Accessor("value",
			func(c *counter, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(c.n) },
			func(c *counter, iso *runtime.Isolate, v goja.Value) { c.n = int(v.ToInteger()) }),
		jsclass.Constant("MAX", 10),
	}, jsclass.PairIterable("Counter", func(c *counter, iso *runtime.Isolate, i int) (goja.Value, goja.Value, bool) {
		if i >= len(c.pairs) {
			return nil, nil, false
		}
		return iso.VM().ToValue(c.pairs[i][0]), iso.VM().ToValue(c.pairs[i][1]), true
	})...),
}

var subClass = &jsclass.Class{
	Name: "SubCounter", Extends: counterClass, Length: 0,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any { return &counter{n: 100} },
}

var classTests = []struct {
	name, src, want string
}{
	{"construct and method", `const c = new Counter(5); c.inc(); c.inc()`, "7"},
	{"accessor", `const c = new Counter(1); c.value = 9; c.value`, "9"},
	{"name and length", `Counter.name + Counter.length`, "Counter1"},
	{"toStringTag", `Object.prototype.toString.call(new Counter(1))`, "[object Counter]"},
	{"prototype descriptor", `const d = Object.getOwnPropertyDescriptor(Counter, "prototype"); [d.writable, d.enumerable, d.configurable].join()`, "false,false,false"},
	{"method descriptor", `const d = Object.getOwnPropertyDescriptor(Counter.prototype, "inc"); [d.writable, d.enumerable, d.configurable].join()`, "true,true,true"},
	{"accessor on prototype", `const d = Object.getOwnPropertyDescriptor(Counter.prototype, "value"); typeof d.get + d.get.name + d.enumerable`, "functionget valuetrue"},
	{"constant on both", `Counter.MAX + Counter.prototype.MAX`, "20"},
	{"call without new", `try { Counter(1) } catch (e) { return e.constructor.name + ": " + e.message }`, "TypeError: Failed to construct 'Counter': Please use the 'new' operator, this DOM object constructor cannot be called as a function."},
	{"brand check", `try { Counter.prototype.inc.call({}) } catch (e) { return e.message }`, "Illegal invocation"},
	{"brand check getter", `try { Object.getOwnPropertyDescriptor(Counter.prototype, "value").get.call(1) } catch (e) { return e.message }`, "Illegal invocation"},
	{"user subclass with private field", `class My extends Counter { #x = 3; get x() { return this.#x } } const m = new My(2); "" + m.inc() + m.x + (m instanceof Counter)`, "33true"},
	{"user subclass symbol props and freeze", `class My extends Counter {} const s = Symbol(); const m = new My(2); m[s] = 1; Object.freeze(m); "" + m[s] + Object.isFrozen(m)`, "1true"},
	{"extends", `const s = new SubCounter(); s.inc() + ":" + (s instanceof Counter) + ":" + (Object.getPrototypeOf(SubCounter) === Counter)`, "101:true:true"},
	{"iterable", `[...new Counter(0)].map(p => p.join("=")).join("&")`, "a=1&b=2"},
	{"keys values", `const c = new Counter(0); [...c.keys()].join() + "|" + [...c.values()].join()`, "a,b|1,2"},
	{"iterator tag", `Object.prototype.toString.call(new Counter(0).entries())`, "[object Counter Iterator]"},
	{"iterator proto", `const it = new Counter(0)[Symbol.iterator](); typeof it[Symbol.iterator] + (Counter.prototype[Symbol.iterator] === Counter.prototype.entries)`, "functiontrue"},
	{"forEach", `let s = ""; new Counter(0).forEach((v, k) => s += k + v); s`, "a1b2"},
}

func TestClass(t *testing.T) {
	iso, err := runtime.New(runtime.Options{Setup: func(iso *runtime.Isolate) error {
		jsclass.Install(iso, counterClass, subClass)
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	for _, tt := range classTests {
		t.Run(tt.name, func(t *testing.T) {
			var got string
			err := iso.Do(func() error {
				v, err := iso.VM().RunString("(() => { " + lastExprReturn(tt.src) + " })()")
				if err != nil {
					return err
				}
				got = v.String()
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// lastExprReturn turns "a; b; expr" into "a; b; return expr" (sources that
// contain their own return are left alone).
func lastExprReturn(src string) string {
	if strings.HasPrefix(src, "try") {
		return src
	}
	depth := 0
	last := -1
	for i, r := range src {
		switch r {
		case '{', '(', '[':
			depth++
		case '}', ')', ']':
			depth--
		case ';':
			if depth == 0 {
				last = i
			}
		}
	}
	return src[:last+1] + " return " + src[last+1:]
}

var instanceTests = []struct{ name, src, want string }{
	{"expando string props", `const c = new Counter(1); c.note = "x"; c.note + Object.keys(c).join()`, "xnote"},
	{"delete expando", `const c = new Counter(1); c.a = 1; delete c.a; "a" in c`, "false"},
	{"JSON of instance", `const c = new Counter(1); c.z = 2; JSON.stringify(c)`, `{"z":2}`},
	{"instanceof and tag", `const c = new Counter(1); (c instanceof Counter) + Object.prototype.toString.call(c)`, "true[object Counter]"},
	{"accessor on prototype still works", `const c = new Counter(1); c.value = 5; c.value`, "5"},
}

func TestDirectInstances(t *testing.T) {
	iso, err := runtime.New(runtime.Options{Setup: func(iso *runtime.Isolate) error {
		jsclass.Install(iso, counterClass, subClass)
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	for _, tt := range instanceTests {
		var got string
		err := iso.Do(func() error {
			v, err := iso.VM().RunString("(() => { " + lastExprReturn(tt.src) + " })()")
			if err != nil {
				return err
			}
			got = v.String()
			return nil
		})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func BenchmarkConstruct(b *testing.B) {
	iso, _ := runtime.New(runtime.Options{Setup: func(iso *runtime.Isolate) error {
		jsclass.Install(iso, counterClass)
		return nil
	}})
	defer iso.Close()
	_ = iso.Do(func() error {
		fn, _ := iso.VM().RunString(`(function () { return new Counter(1).inc() })`)
		call, _ := goja.AssertFunction(fn)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			_, _ = call(goja.Undefined())
		}
		return nil
	})
}
