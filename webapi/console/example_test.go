package console_test

import (
	"fmt"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/console"
)

// console.log output reaches the host's Sink formatted as Node prints it.
func ExampleInstall() {
	iso, err := runtime.New(runtime.Options{Setup: func(iso *runtime.Isolate) error {
		console.Install(iso, console.SinkFunc(func(level, msg string) { fmt.Printf("[%s] %s\n", level, msg) }))
		return nil
	}})
	if err != nil {
		panic(err)
	}
	defer iso.Close()
	_ = iso.Do(func() error {
		_, err := iso.VM().RunString(`
			console.log("user %s has %d items", "ada", 3, {tags: ["a", "b"], nested: {deep: {deeper: {}}}});
			console.warn(new Map([["k", 1]]));
		`)
		return err
	})
	// Output:
	// [log] user ada has 3 items { tags: [ 'a', 'b' ], nested: { deep: { deeper: {} } } }
	// [warn] Map(1) { 'k' => 1 }
}
