package node

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	webcrypto "github.com/edgerun/edgerun/webapi/crypto"
	"github.com/edgerun/edgerun/webapi/encoding"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/streams"
	"github.com/edgerun/edgerun/webapi/url"
)

// newTestIsolate starts an isolate with Node's globals and a global
// require backed by Require.
func newTestIsolate(t testing.TB, opts Options) *runtime.Isolate {
	t.Helper()
	return newTestIsolateWith(t, opts, runtime.Options{})
}

// newTestIsolateWith is newTestIsolate with runtime options (e.g. a CPU
// deadline for slow interpreted libraries).
func newTestIsolateWith(t testing.TB, opts Options, rtOpts runtime.Options) *runtime.Isolate {
	t.Helper()
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	rtOpts.Setup = func(iso *runtime.Isolate) error {
		events.Install(iso)
		url.Install(iso)
		encoding.Install(iso)
		streams.Install(iso)
		webcrypto.Install(iso)
		Install(iso, opts)
		vm := iso.VM()
		return vm.Set("require", func(call goja.FunctionCall) goja.Value {
			v, err := Require(iso, call.Argument(0).String())
			if err != nil {
				ThrowRequireError(vm, err)
			}
			return v
		})
	}
	iso, err := runtime.New(rtOpts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(iso.Close)
	return iso
}

// run evaluates src (a function body; its return value is the result) and
// returns the result as a string. Errors are returned as "throw: <String(e)>".
func run(t testing.TB, iso *runtime.Isolate, src string) string {
	t.Helper()
	var got string
	err := iso.Do(func() error {
		v, err := iso.VM().RunString("(function () {\n" + src + "\n})()")
		if err != nil {
			if ex, ok := err.(*goja.Exception); ok {
				got = "throw: " + ex.Value().String()
				return nil
			}
			return err
		}
		got = v.String()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// runAsync evaluates src with a `done(value)` function in scope and waits
// for it to be called (or for an uncaught rejection of the returned promise).
func runAsync(t testing.TB, iso *runtime.Isolate, src string) string {
	t.Helper()
	out := make(chan string, 1)
	err := iso.Do(func() error {
		vm := iso.VM()
		done := func(call goja.FunctionCall) goja.Value {
			select {
			case out <- call.Argument(0).String():
			default:
			}
			return goja.Undefined()
		}
		fail := func(call goja.FunctionCall) goja.Value {
			v := call.Argument(0)
			s := v.String()
			if o, ok := v.(*goja.Object); ok && o.Get("stack") != nil {
				s = o.Get("stack").String()
			}
			select {
			case out <- "reject: " + s:
			default:
			}
			return goja.Undefined()
		}
		f, err := vm.RunString("(async function (done) {\n" + src + "\n})")
		if err != nil {
			return err
		}
		fn, _ := goja.AssertFunction(f)
		p, err := fn(goja.Undefined(), vm.ToValue(done))
		if err != nil {
			out <- "throw: " + err.Error()
			return nil
		}
		then, _ := goja.AssertFunction(p.(*goja.Object).Get("then"))
		_, err = then(p, goja.Undefined(), vm.ToValue(fail))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-out:
		return s
	case <-time.After(10 * time.Second):
		t.Fatal("async test never called done")
	}
	return ""
}

type jsTest struct {
	name string
	src  string // function body; `return` the value to compare
	want string
}

func runTable(t *testing.T, iso *runtime.Isolate, tests []jsTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(t, iso, tt.src)
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func runAsyncTable(t *testing.T, iso *runtime.Isolate, tests []jsTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runAsync(t, iso, tt.src)
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

var _ = fmt.Sprint
var _ = strings.Join
