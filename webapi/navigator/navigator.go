// Package navigator implements the `navigator` object of a worker global
// scope (https://html.spec.whatwg.org/multipage/workers.html#the-workernavigator-object):
// WorkerNavigator with NavigatorID, NavigatorLanguage, NavigatorOnLine and
// NavigatorConcurrentHardware. Next.js's edge runtime has no navigator;
// the WPT profile and embedders that want one install it.
package navigator

import (
	goruntime "runtime"
	"strings"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// DefaultUserAgent is navigator.userAgent when Options.UserAgent is empty.
const DefaultUserAgent = "edgerun"

// Options configure the navigator object.
type Options struct {
	// UserAgent is navigator.userAgent; use the value fetch() sends.
	UserAgent string
	// Language is navigator.language (default "en-US").
	Language string
}

// Navigator is the Go value behind the navigator object.
type Navigator struct {
	jsclass.Shell
	opts      Options
	languages *goja.Object // [SameObject]-like frozen array
}

func str(s string) func(n *Navigator, iso *runtime.Isolate) goja.Value {
	return func(n *Navigator, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(s) }
}

// WorkerNavigatorClass is the WorkerNavigator interface.
var WorkerNavigatorClass = &jsclass.Class{
	Name: "WorkerNavigator",
	Members: []jsclass.Member{
		// NavigatorID (https://html.spec.whatwg.org/multipage/system-state.html#navigatorid)
		jsclass.Getter("appCodeName", str("Mozilla")),
		jsclass.Getter("appName", str("Netscape")),
		jsclass.Getter("appVersion", func(n *Navigator, iso *runtime.Isolate) goja.Value {
			// The trail of the user agent after "Mozilla/", as browsers do.
			return iso.VM().ToValue(strings.TrimPrefix(n.opts.UserAgent, "Mozilla/"))
		}),
		jsclass.Getter("platform", str(platform())),
		jsclass.Getter("product", str("Gecko")),
		jsclass.Getter("userAgent", func(n *Navigator, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(n.opts.UserAgent) }),
		// NavigatorLanguage
		jsclass.Getter("language", func(n *Navigator, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(n.opts.Language) }),
		jsclass.Getter("languages", func(n *Navigator, iso *runtime.Isolate) goja.Value {
			if n.languages == nil {
				arr := iso.VM().NewArray(n.opts.Language)
				freeze, _ := goja.AssertFunction(iso.VM().Get("Object").(*goja.Object).Get("freeze"))
				_, _ = freeze(goja.Undefined(), arr)
				n.languages = arr
			}
			return n.languages
		}),
		// NavigatorOnLine
		jsclass.Getter("onLine", func(n *Navigator, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(true) }),
		// NavigatorConcurrentHardware
		jsclass.Getter("hardwareConcurrency", func(n *Navigator, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue(goruntime.GOMAXPROCS(0))
		}),
	},
}

// platform is navigator.platform in the style of browsers ("Linux x86_64").
func platform() string {
	arch := map[string]string{"amd64": "x86_64", "arm64": "aarch64", "386": "i686"}[goruntime.GOARCH]
	if arch == "" {
		arch = goruntime.GOARCH
	}
	switch goruntime.GOOS {
	case "linux":
		return "Linux " + arch
	case "darwin":
		return "MacIntel"
	case "windows":
		return "Win32"
	}
	return goruntime.GOOS + " " + arch
}

// Install exposes WorkerNavigator and the global's navigator attribute.
func Install(iso *runtime.Isolate, opts Options) {
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.Language == "" {
		opts.Language = "en-US"
	}
	jsclass.Install(iso, WorkerNavigatorClass)
	vm := iso.VM()
	var obj *goja.Object
	get := jsclass.Function(vm, "get navigator", 0, func(goja.FunctionCall) goja.Value {
		if obj == nil {
			obj = jsclass.New(iso, WorkerNavigatorClass, &Navigator{opts: opts})
		}
		return obj
	})
	_ = vm.GlobalObject().DefineAccessorProperty("navigator", get, nil, goja.FLAG_TRUE, goja.FLAG_TRUE)
}
