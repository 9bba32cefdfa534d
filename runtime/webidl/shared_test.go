package webidl

import (
	"testing"

	"github.com/edgerun/edgerun/runtime"
)

var sharedBufferSourceTests = []struct {
	name                  string
	src                   string
	allowOK               bool
	unsharedOK, sharedErr bool
	want                  string
}{
	{"array buffer", `new Uint8Array([1,2]).buffer`, true, true, false, "\x01\x02"},
	{"view", `new Uint8Array([1,2,3]).subarray(1)`, true, true, false, "\x02\x03"},
	{"data view", `new DataView(new Uint8Array([1,2,3]).buffer, 2)`, true, true, false, "\x03"},
	{"shared buffer", `const s = new SharedArrayBuffer(2); new Uint8Array(s)[1] = 5; s`, true, false, false, "\x00\x05"},
	{"shared view", `new Int16Array(new SharedArrayBuffer(4), 2)`, true, false, true, "\x00\x00"},
	{"shared data view", `new DataView(new SharedArrayBuffer(4), 1, 1)`, true, false, true, "\x00"},
	{"detached view", `const b = new ArrayBuffer(8); const u = new Uint8Array(b, 4); b.transfer(); u`, true, true, false, ""},
	{"detached data view", `const b = new ArrayBuffer(8); const d = new DataView(b, 2); b.transfer(); d`, true, true, false, ""},
	{"string", `'ab'`, false, false, false, ""},
	{"array", `[1, 2]`, false, false, false, ""},
}

func TestSharedBufferSources(t *testing.T) {
	iso, err := runtime.New(runtime.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	for _, tt := range sharedBufferSourceTests {
		t.Run(tt.name, func(t *testing.T) {
			err := iso.Do(func() error {
				v, err := iso.VM().RunString("(() => {" + tt.src[:lastStatement(tt.src)] + "return " + tt.src[lastStatement(tt.src):] + "})()")
				if err != nil {
					return err
				}
				b, ok := AllowSharedBufferSource(iso, v)
				if ok != tt.allowOK || (ok && string(b) != tt.want) {
					t.Errorf("AllowSharedBufferSource = %q, %v", b, ok)
				}
				b, shared, ok := UnsharedBufferSource(iso, v)
				if ok != tt.unsharedOK || shared != tt.sharedErr || (ok && string(b) != tt.want) {
					t.Errorf("UnsharedBufferSource = %q, shared %v, %v", b, shared, ok)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

// lastStatement finds where the snippet's final expression starts.
func lastStatement(src string) int {
	for i := len(src) - 1; i >= 0; i-- {
		if src[i] == ';' {
			return i + 1
		}
	}
	return 0
}
