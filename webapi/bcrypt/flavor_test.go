package bcrypt

import (
	"testing"

	"github.com/edgerun/edgerun/bundler"
)

var flavorTests = []struct {
	id     string
	bundle string // the bundler's name for the same id
	want   Flavor
}{
	{BcryptJSModuleID, bundler.BcryptJSModule, BcryptJS},
	{BcryptJS2ModuleID, bundler.BcryptJS2Module, BcryptJS2},
	{NativeModuleID, bundler.BcryptModule, Native},
}

func TestModuleIDs(t *testing.T) {
	for _, tt := range flavorTests {
		if tt.id != tt.bundle {
			t.Errorf("webapi/bcrypt serves %q, the bundler emits %q", tt.id, tt.bundle)
		}
		if f, ok := FlavorOf(tt.id); !ok || f != tt.want || f.ModuleID() != tt.id {
			t.Errorf("FlavorOf(%q) = %v, %v", tt.id, f, ok)
		}
	}
	for _, id := range []string{"bcryptjs", "bcrypt", "edgerun:bcryptjs@3", ""} {
		if IsModule(id) {
			t.Errorf("IsModule(%q)", id)
		}
	}
	iso := newTestIsolate(t)
	if err := iso.Do(func() error {
		a, err := Require(iso, BcryptJSModuleID)
		if err != nil {
			return err
		}
		b, _ := Require(iso, BcryptJSModuleID)
		if a != b {
			t.Error("Require does not cache the module per isolate")
		}
		if _, err := Require(iso, "bcryptjs"); err == nil {
			t.Error("Require(bcryptjs) succeeded")
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}
