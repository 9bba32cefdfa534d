package events

// https://webidl.spec.whatwg.org/#idl-DOMException

import (
	"strings"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// DOMException is the Go value behind a DOMException instance.
type DOMException struct {
	jsclass.Shell
	name    string
	message string
	// quota and requested belong to QuotaExceededError instances.
	quota, requested *float64
}

// Name returns the exception's name (e.g. "AbortError").
func (e *DOMException) Name() string { return e.name }

// Message returns the exception's message.
func (e *DOMException) Message() string { return e.message }

// Code returns the legacy code of the exception's name, 0 for names without one.
func (e *DOMException) Code() int { return legacyCodes[e.name] }

// errorNames lists the DOMException error names table with the legacy code
// constants (https://webidl.spec.whatwg.org/#dfn-error-names-table).
var errorNames = []struct {
	name     string
	constant string
	code     int
}{
	{"IndexSizeError", "INDEX_SIZE_ERR", 1},
	{"", "DOMSTRING_SIZE_ERR", 2},
	{"HierarchyRequestError", "HIERARCHY_REQUEST_ERR", 3},
	{"WrongDocumentError", "WRONG_DOCUMENT_ERR", 4},
	{"InvalidCharacterError", "INVALID_CHARACTER_ERR", 5},
	{"", "NO_DATA_ALLOWED_ERR", 6},
	{"NoModificationAllowedError", "NO_MODIFICATION_ALLOWED_ERR", 7},
	{"NotFoundError", "NOT_FOUND_ERR", 8},
	{"NotSupportedError", "NOT_SUPPORTED_ERR", 9},
	{"InUseAttributeError", "INUSE_ATTRIBUTE_ERR", 10},
	{"InvalidStateError", "INVALID_STATE_ERR", 11},
	{"SyntaxError", "SYNTAX_ERR", 12},
	{"InvalidModificationError", "INVALID_MODIFICATION_ERR", 13},
	{"NamespaceError", "NAMESPACE_ERR", 14},
	{"InvalidAccessError", "INVALID_ACCESS_ERR", 15},
	{"", "VALIDATION_ERR", 16},
	{"TypeMismatchError", "TYPE_MISMATCH_ERR", 17},
	{"SecurityError", "SECURITY_ERR", 18},
	{"NetworkError", "NETWORK_ERR", 19},
	{"AbortError", "ABORT_ERR", 20},
	{"URLMismatchError", "URL_MISMATCH_ERR", 21},
	{"QuotaExceededError", "QUOTA_EXCEEDED_ERR", 22},
	{"TimeoutError", "TIMEOUT_ERR", 23},
	{"InvalidNodeTypeError", "INVALID_NODE_TYPE_ERR", 24},
	{"DataCloneError", "DATA_CLONE_ERR", 25},
}

var legacyCodes = func() map[string]int {
	m := make(map[string]int)
	for _, e := range errorNames {
		if e.name != "" {
			m[e.name] = e.code
		}
	}
	return m
}()

func domExceptionMembers() []jsclass.Member {
	ms := []jsclass.Member{
		jsclass.Getter("name", func(e *DOMException, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(e.name) }),
		jsclass.Getter("message", func(e *DOMException, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(e.message) }),
		jsclass.Getter("code", func(e *DOMException, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(e.Code()) }),
	}
	for _, e := range errorNames {
		ms = append(ms, jsclass.Constant(e.constant, e.code))
	}
	return ms
}

// DOMExceptionClass is the DOMException interface. Its prototype inherits
// Error.prototype, and every instance gets an own "stack" string as V8 gives
// DOMExceptions.
var DOMExceptionClass = &jsclass.Class{
	Name:   "DOMException",
	Length: 0,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		ctx := webidl.Construct("DOMException")
		vm := iso.VM()
		// constructor(optional DOMString message = "", optional DOMString name = "Error")
		e := &DOMException{name: "Error"}
		if m := call.Argument(0); !goja.IsUndefined(m) {
			e.message = ctx.DOMString(vm, m)
		}
		if n := call.Argument(1); !goja.IsUndefined(n) {
			e.name = ctx.DOMString(vm, n)
		}
		setStack(iso, call.This, e)
		return e
	},
	Members: domExceptionMembers(),
	Init: func(iso *runtime.Isolate, b *jsclass.Built) {
		// https://webidl.spec.whatwg.org/#es-DOMException-specialness:
		// the interface prototype object's [[Prototype]] is %Error.prototype%.
		errProto := iso.VM().Get("Error").(*goja.Object).Get("prototype").(*goja.Object)
		_ = b.Proto.SetPrototype(errProto)
	},
}

// NewDOMException creates a DOMException with the given message and name
// (e.g. "AbortError", "InvalidStateError").
func NewDOMException(iso *runtime.Isolate, message, name string) *goja.Object {
	e := &DOMException{name: name, message: message}
	obj := jsclass.New(iso, DOMExceptionClass, e)
	setStack(iso, obj, e)
	return obj
}

// ThrowDOMException panics with a new DOMException, which goja throws into
// the running script. Call it only from code running on the isolate's
// goroutine inside a JS call (a native method).
func ThrowDOMException(iso *runtime.Isolate, message, name string) {
	panic(NewDOMException(iso, message, name))
}

// DOMExceptionOf returns the Go value of a DOMException instance.
func DOMExceptionOf(iso *runtime.Isolate, v goja.Value) (*DOMException, bool) {
	return jsclass.Unwrap[*DOMException](iso, v)
}

// setStack gives obj an own, writable, non-enumerable "stack" like the one
// goja gives Error instances: "Name: message" and the JS frames of the
// caller (native frames and the class's constructor shim are skipped).
func setStack(iso *runtime.Isolate, obj *goja.Object, e *DOMException) {
	var b strings.Builder
	b.WriteString(e.name)
	if e.message != "" {
		b.WriteString(": ")
		b.WriteString(e.message)
	}
	b.WriteString(StackTrace(iso))
	_ = obj.DefineDataProperty("stack", iso.VM().ToValue(b.String()), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}
