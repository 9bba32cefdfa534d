package crypto_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/crypto"
	"github.com/edgerun/edgerun/webapi/events"
)

// newIsolate returns an isolate with DOMException and the crypto globals.
func newIsolate(t testing.TB) *runtime.Isolate {
	t.Helper()
	iso, err := runtime.New(runtime.Options{Setup: func(iso *runtime.Isolate) error {
		events.Install(iso)
		crypto.Install(iso)
		_, err := iso.VM().RunString(jsHelpers)
		return err
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(iso.Close)
	return iso
}

// jsHelpers are small functions the test sources use.
const jsHelpers = `
globalThis.hex = (b) => Array.from(new Uint8Array(b instanceof ArrayBuffer || ArrayBuffer.isView(b) ? (b.buffer ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : b) : b)).map(x => x.toString(16).padStart(2, "0")).join("");
globalThis.unhex = (s) => new Uint8Array((s.match(/../g) || []).map(h => parseInt(h, 16)));
globalThis.utf8 = (s) => new Uint8Array(Array.from(unescape(encodeURIComponent(s))).map(c => c.charCodeAt(0)));
globalThis.b64u = (b) => { let s = ""; for (const x of new Uint8Array(b)) s += String.fromCharCode(x); return btoaShim(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""); };
globalThis.btoaShim = (s) => { const c = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"; let o = ""; for (let i = 0; i < s.length; i += 3) { const a = s.charCodeAt(i), b = s.charCodeAt(i + 1), d = s.charCodeAt(i + 2); o += c[a >> 2] + c[((a & 3) << 4) | (b >> 4 || 0)] + (i + 1 < s.length ? c[((b & 15) << 2) | (d >> 6 || 0)] : "=") + (i + 2 < s.length ? c[d & 63] : "="); } return o; };
globalThis.TextDecoderShim = class { decode(b) { return decodeURIComponent(escape(String.fromCharCode(...new Uint8Array(b)))); } };
globalThis.errName = async (p) => { try { await p; return "ok"; } catch (e) { return e.name; } };
`

// runJS runs src as the body of an async function and returns the string
// its promise settles with ("ERR <name>: <message>" on rejection).
func runJS(t testing.TB, iso *runtime.Isolate, src string) string {
	t.Helper()
	done := make(chan string, 1)
	err := iso.Do(func() error {
		vm := iso.VM()
		_ = vm.Set("__done", func(call goja.FunctionCall) goja.Value {
			done <- call.Argument(0).String()
			return goja.Undefined()
		})
		_, err := vm.RunString("(async () => {" + src + "\n})()" + `.then(v => __done(String(v)), e => __done("ERR " + (e && e.name) + ": " + (e && e.message)))`)
		return err
	})
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	select {
	case s := <-done:
		return s
	case <-time.After(60 * time.Second):
		t.Fatal("timed out")
	}
	return ""
}

type jsCase struct {
	name string
	src  string
	want string
}

func runCases(t *testing.T, cases []jsCase) {
	t.Helper()
	iso := newIsolate(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := runJS(t, iso, tc.src)
			if strings.HasSuffix(tc.want, "…") {
				if !strings.HasPrefix(got, strings.TrimSuffix(tc.want, "…")) {
					t.Fatalf("got %q, want prefix %q", got, tc.want)
				}
				return
			}
			if got != tc.want {
				t.Fatalf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}
