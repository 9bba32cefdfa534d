package crypto_test

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/crypto"
)

// Expensive operations leave the isolate goroutine: while they run they
// count as a pending host operation of the request, and the task that
// started them returns at once.
var offloadTests = []struct {
	name    string
	src     string
	pending int
}{
	{"RSA key generation", `crypto.subtle.generateKey({name: "RSA-PSS", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256"}, true, ["sign"])`, 1},
	{"PBKDF2 with many iterations", `crypto.subtle.importKey("raw", new Uint8Array(8), "PBKDF2", false, ["deriveBits"]).then(k => { globalThis.k = k })`, 0},
	{"HMAC runs inline", `crypto.subtle.importKey("raw", new Uint8Array(8), {name: "HMAC", hash: "SHA-256"}, false, ["sign"])`, 0},
}

func TestHeavyOperationsLeaveTheIsolate(t *testing.T) {
	iso := newIsolate(t)
	for _, tt := range offloadTests {
		t.Run(tt.name, func(t *testing.T) {
			inv, err := iso.NewInvocation(nil)
			if err != nil {
				t.Fatal(err)
			}
			pending := make(chan int, 1)
			_ = iso.Run(inv, func() {
				if _, err := iso.VM().RunString(tt.src); err != nil {
					t.Error(err)
				}
				pending <- inv.Pending()
			})
			if got := <-pending; got != tt.pending {
				t.Fatalf("pending ops after the call = %d, want %d", got, tt.pending)
			}
			_ = iso.Do(func() error { inv.End(); return nil })
		})
	}
	// The PBKDF2 key imported above derives off the loop too.
	inv, _ := iso.NewInvocation(nil)
	pending := make(chan int, 1)
	_ = iso.Run(inv, func() {
		_, err := iso.VM().RunString(`crypto.subtle.deriveBits({name: "PBKDF2", hash: "SHA-256", salt: new Uint8Array(8), iterations: 100000}, k, 256)`)
		if err != nil {
			t.Error(err)
		}
		pending <- inv.Pending()
	})
	if got := <-pending; got != 1 {
		t.Fatalf("PBKDF2 deriveBits pending = %d, want 1", got)
	}
}

func TestCryptoIsTheGlobal(t *testing.T) {
	iso := newIsolate(t)
	var same bool
	_ = iso.Do(func() error {
		same = crypto.Crypto(iso) == iso.VM().Get("crypto").(*goja.Object)
		return nil
	})
	if !same {
		t.Fatal("Crypto(iso) is not the crypto global")
	}
	// Crypto works before the global was ever touched, in an isolate whose
	// global was never installed (Node's shim calls it directly).
	iso2, err := runtime.New(runtime.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer iso2.Close()
	var uuid string
	_ = iso2.Do(func() error {
		v, err := iso2.VM().RunString(`(c) => c.randomUUID()`)
		if err != nil {
			return err
		}
		fn, _ := goja.AssertFunction(v)
		r, err := fn(goja.Undefined(), crypto.Crypto(iso2))
		if err != nil {
			return err
		}
		uuid = r.String()
		return nil
	})
	if len(uuid) != 36 {
		t.Fatalf("randomUUID through Crypto(iso) = %q", uuid)
	}
}
