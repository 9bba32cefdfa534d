package fetch_test

import (
	"fmt"
	"net/http"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/fetch"
	"github.com/edgerun/edgerun/webapi/streams"
)

// A host hands a request to a script and sends back the Response it
// returns; a byte body comes back as bytes, without a JS stream.
func Example() {
	iso, err := runtime.New(runtime.Options{Setup: func(iso *runtime.Isolate) error {
		events.Install(iso)
		streams.Install(iso)
		fetch.Install(iso, fetch.Options{
			// Scripts may only fetch from this host.
			AllowHost: func(host string) bool { return host == "api.example.com" },
		})
		return nil
	}})
	if err != nil {
		panic(err)
	}
	defer iso.Close()

	err = iso.Do(func() error {
		vm := iso.VM()
		v, err := vm.RunString(`(req) => new Response("hello " + req.headers.get("x-name"), {status: 201})`)
		if err != nil {
			return err
		}
		handler, _ := goja.AssertFunction(v)
		req := fetch.NewRequest(iso, "GET", "http://localhost/api/hello", http.Header{"X-Name": {"gopher"}}, nil, nil)
		res, err := handler(goja.Undefined(), req)
		if err != nil {
			return err
		}
		r, ok := fetch.ResponseOf(iso, res)
		if !ok {
			return fmt.Errorf("not a Response")
		}
		stream, body := r.Body()
		fmt.Println(r.Status(), stream == nil, string(body), r.HeaderList())
		return nil
	})
	if err != nil {
		panic(err)
	}
	// Output: 201 true hello gopher [[content-type text/plain;charset=UTF-8]]
}
