package nextserver

import (
	"testing"

	"github.com/dop251/goja"
)

// userAgentTests are ua-parser-js's results (the copy Next 16.4.6 bundles
// as next/dist/compiled/ua-parser-js) for common agents, as JSON.
var userAgentTests = []struct{ ua, want string }{
	{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
		`{"browser":{"name":"Chrome","version":"120.0.0.0","major":"120"},"engine":{"name":"Blink","version":"120.0.0.0"},"os":{"name":"Windows","version":"10"},"device":{},"cpu":{"architecture":"amd64"}}`},
	{"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
		`{"browser":{"name":"Safari","version":"17.1","major":"17"},"engine":{"name":"WebKit","version":"605.1.15"},"os":{"name":"Mac OS","version":"10.15.7"},"device":{"vendor":"Apple","model":"Macintosh"},"cpu":{}}`},
	{"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1.2 Mobile/15E148 Safari/604.1",
		`{"browser":{"name":"Mobile Safari","version":"17.1.2","major":"17"},"engine":{"name":"WebKit","version":"605.1.15"},"os":{"name":"iOS","version":"17.1.2"},"device":{"vendor":"Apple","model":"iPhone","type":"mobile"},"cpu":{}}`},
	{"Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
		`{"browser":{"name":"Firefox","version":"121.0","major":"121"},"engine":{"name":"Gecko","version":"121.0"},"os":{"name":"Linux","version":"x86_64"},"device":{},"cpu":{"architecture":"amd64"}}`},
	{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91",
		`{"browser":{"name":"Edge","version":"120.0.2210.91","major":"120"},"engine":{"name":"Blink","version":"120.0.0.0"},"os":{"name":"Windows","version":"10"},"device":{},"cpu":{"architecture":"amd64"}}`},
	{"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36",
		`{"browser":{"name":"Chrome","version":"120.0.6099.144","major":"120"},"engine":{"name":"Blink","version":"120.0.6099.144"},"os":{"name":"Android","version":"14"},"device":{"vendor":"Google","model":"Pixel 8","type":"mobile"},"cpu":{}}`},
	{"Mozilla/5.0 (iPad; CPU OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
		`{"browser":{"name":"Mobile Safari","version":"17.1","major":"17"},"engine":{"name":"WebKit","version":"605.1.15"},"os":{"name":"iOS","version":"17.1"},"device":{"vendor":"Apple","model":"iPad","type":"tablet"},"cpu":{}}`},
	{"curl/8.4.0", `{"browser":{},"engine":{},"os":{},"device":{},"cpu":{}}`},
	{"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", `{"browser":{},"engine":{},"os":{},"device":{},"cpu":{}}`},
	{"Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36 OPR/95.0.0.0",
		`{"browser":{"name":"Opera","version":"95.0.0.0","major":"95"},"engine":{"name":"Blink","version":"109.0.0.0"},"os":{"name":"Windows","version":"7"},"device":{},"cpu":{"architecture":"amd64"}}`},
	{"", `{"browser":{},"engine":{},"os":{},"device":{},"cpu":{}}`},
}

func TestParseUserAgent(t *testing.T) {
	vm := goja.New()
	stringify, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("stringify"))
	keys := vm.ToValue([]any{"browser", "engine", "os", "device", "cpu", "name", "version", "major", "vendor", "model", "type", "architecture"})
	for _, tt := range userAgentTests {
		res := parseUserAgent(vm, tt.ua)
		if ua := res.ToObject(vm).Get("ua").String(); ua != tt.ua {
			t.Errorf("ua = %q", ua)
		}
		got, err := stringify(goja.Undefined(), res, keys)
		if err != nil {
			t.Fatal(err)
		}
		if got.String() != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.ua, got, tt.want)
		}
	}
}
