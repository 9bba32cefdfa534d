package events_test

import (
	"fmt"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
)

// A host-controlled signal, as the server gives request.signal: JS code
// sees an ordinary AbortSignal, Go code aborts it and hears about it.
func ExampleNewAbortSignal() {
	iso, err := runtime.New(runtime.Options{Setup: func(iso *runtime.Isolate) error {
		events.Install(iso)
		return nil
	}})
	if err != nil {
		panic(err)
	}
	defer iso.Close()
	_ = iso.Do(func() error {
		signal, abort := events.NewAbortSignal(iso)
		_ = iso.VM().Set("signal", signal.Object())
		_, _ = iso.VM().RunString(`signal.addEventListener("abort", () => globalThis.seen = signal.reason.name)`)
		signal.OnAbort(func() { fmt.Println("Go saw the abort first") })
		abort(goja.Undefined()) // the client went away
		fmt.Println("JS saw", iso.VM().Get("seen"))
		return nil
	})
	// Output:
	// Go saw the abort first
	// JS saw AbortError
}

// Firing a trusted event from Go at a JS EventTarget.
func ExampleDispatch() {
	iso, _ := runtime.New(runtime.Options{Setup: func(iso *runtime.Isolate) error {
		events.Install(iso)
		return nil
	}})
	defer iso.Close()
	_ = iso.Do(func() error {
		v, _ := iso.VM().RunString(`const t = new EventTarget(); t.addEventListener("ping", e => e.preventDefault()); t`)
		ev := events.NewEvent(iso, "ping", map[string]any{"cancelable": true})
		notCanceled := events.Dispatch(iso, v.(*goja.Object), ev)
		fmt.Println("canceled:", !notCanceled)
		return nil
	})
	// Output: canceled: true
}
