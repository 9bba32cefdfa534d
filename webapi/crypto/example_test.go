package crypto_test

import (
	"fmt"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/crypto"
	"github.com/edgerun/edgerun/webapi/events"
)

// Install the crypto global in an isolate's Setup, then use it from JS.
func ExampleInstall() {
	iso, err := runtime.New(runtime.Options{Setup: func(iso *runtime.Isolate) error {
		events.Install(iso) // DOMException, which crypto's errors are
		crypto.Install(iso)
		return nil
	}})
	if err != nil {
		panic(err)
	}
	defer iso.Close()
	done := make(chan string, 1)
	_ = iso.Do(func() error {
		_ = iso.VM().Set("report", func(call goja.FunctionCall) goja.Value {
			done <- call.Argument(0).String()
			return goja.Undefined()
		})
		_, err := iso.VM().RunString(`
			crypto.subtle.digest("SHA-256", new Uint8Array([97, 98, 99])).then(d =>
				report(Array.from(new Uint8Array(d), b => b.toString(16).padStart(2, "0")).join("")))`)
		return err
	})
	fmt.Println(<-done)
	// Output: ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
}
