package bcrypt

import (
	"fmt"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// Flavor is the library whose JavaScript API and exact behaviour a module
// reproduces.
type Flavor int

const (
	// BcryptJS is bcryptjs 3.x: genSalt makes $2b$ salts, truncates()
	// exists, lone surrogates are encoded as 3-byte sequences.
	BcryptJS Flavor = iota + 1
	// BcryptJS2 is bcryptjs 2.x: $2a$ salts, no truncates(), utfx's UTF-8.
	BcryptJS2
	// Native is the bcrypt package (node.bcrypt.js 5 and 6, a C addon):
	// Buffer passwords, minor "a"/"b", its own messages, and the C code's
	// treatment of salts and long $2a$ passwords.
	Native
)

// Module ids under which the bundler leaves bcrypt imports for the
// runtime's require (bundler.BcryptJSModule and friends name the same).
const (
	BcryptJSModuleID  = "edgerun:bcryptjs"
	BcryptJS2ModuleID = "edgerun:bcryptjs@2"
	NativeModuleID    = "edgerun:bcrypt"
)

// ModuleID returns the require id the flavour is served under.
func (f Flavor) ModuleID() string {
	switch f {
	case BcryptJS:
		return BcryptJSModuleID
	case BcryptJS2:
		return BcryptJS2ModuleID
	case Native:
		return NativeModuleID
	}
	return ""
}

// String names the library.
func (f Flavor) String() string {
	switch f {
	case BcryptJS:
		return "bcryptjs@3"
	case BcryptJS2:
		return "bcryptjs@2"
	case Native:
		return "bcrypt"
	}
	return fmt.Sprintf("Flavor(%d)", int(f))
}

// FlavorOf returns the flavour a require id names.
func FlavorOf(id string) (Flavor, bool) {
	switch id {
	case BcryptJSModuleID:
		return BcryptJS, true
	case BcryptJS2ModuleID:
		return BcryptJS2, true
	case NativeModuleID:
		return Native, true
	}
	return 0, false
}

// IsModule reports whether id is one of the bcrypt module ids.
func IsModule(id string) bool {
	_, ok := FlavorOf(id)
	return ok
}

type moduleKey struct{ f Flavor }

// Require returns the exports of the module id names, built once per
// isolate (like a CommonJS module cache) and plain objects of functions,
// as the libraries' own exports are. An id that is not a bcrypt module
// gives an error. Call on the isolate's goroutine.
func Require(iso *runtime.Isolate, id string) (goja.Value, error) {
	f, ok := FlavorOf(id)
	if !ok {
		return nil, fmt.Errorf("bcrypt: %q is not a bcrypt module id", id)
	}
	if v, ok := iso.Value(moduleKey{f}).(goja.Value); ok {
		return v, nil
	}
	var exports *goja.Object
	if f == Native {
		exports = nativeExports(iso)
	} else {
		exports = bcryptjsExports(iso, f)
	}
	iso.SetValue(moduleKey{f}, goja.Value(exports))
	return exports, nil
}
