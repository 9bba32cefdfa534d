package navigator_test

import (
	"testing"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events/eventstest"
	"github.com/edgerun/edgerun/webapi/navigator"
)

var navigatorTests = []eventstest.Case{
	{"userAgent", `return navigator.userAgent`, "edgerun-test/1.0"},
	{"NavigatorID", `return [navigator.appCodeName, navigator.appName, navigator.product, typeof navigator.platform, navigator.appVersion].join()`, "Mozilla,Netscape,Gecko,string,edgerun-test/1.0"},
	{"languages", `return [navigator.language, navigator.languages.join(), navigator.languages === navigator.languages, Object.isFrozen(navigator.languages)].join()`, "en-US,en-US,true,true"},
	{"same object", `return navigator === navigator && navigator instanceof WorkerNavigator`, "true"},
	{"no window-only members", `return ["productSub", "vendor", "vendorSub", "taintEnabled", "oscpu"].some(k => k in navigator)`, "false"},
	{"hardware", `return navigator.onLine && navigator.hardwareConcurrency > 0`, "true"},
	{"not constructible", `try { new WorkerNavigator() } catch (e) { return e.message }`, "Illegal constructor"},
}

func TestNavigator(t *testing.T) {
	eventstest.Run(t, navigatorTests, func(iso *runtime.Isolate) {
		navigator.Install(iso, navigator.Options{UserAgent: "edgerun-test/1.0"})
	})
}
