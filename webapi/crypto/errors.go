package crypto

import (
	"fmt"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// Exception names the WebCrypto specification uses
// (https://w3c.github.io/webcrypto/#SubtleCrypto-Exceptions). "TypeError"
// is not a DOMException: it becomes an ECMAScript TypeError.
const (
	errNotSupported  = "NotSupportedError"
	errSyntax        = "SyntaxError"
	errInvalidAccess = "InvalidAccessError"
	errData          = "DataError"
	errOperation     = "OperationError"
	errType          = "TypeError"
)

// opError is a failed WebCrypto step: the exception the specification says
// to throw and the message Chrome gives. It is a plain Go value so that the
// steps that run "in parallel" (possibly on another goroutine) can fail
// without touching the JS runtime; it becomes a JS exception only when the
// promise is rejected on the isolate's goroutine.
type opError struct {
	name string
	msg  string
}

func (e *opError) Error() string { return "crypto: " + e.name + ": " + e.msg }

func errorf(name, format string, args ...any) *opError {
	if len(args) == 0 {
		return &opError{name: name, msg: format}
	}
	return &opError{name: name, msg: fmt.Sprintf(format, args...)}
}

// jsError carries an exception thrown by user code (a getter, valueOf)
// while arguments were converted; the promise is rejected with it as is.
type jsError struct{ v goja.Value }

func (e *jsError) Error() string { return "crypto: JS exception: " + e.v.String() }

// toJS turns an error from an operation into the value the promise is
// rejected with.
func toJS(iso *runtime.Isolate, err error) goja.Value {
	switch e := err.(type) {
	case *opError:
		if e.name == errType {
			return iso.VM().NewTypeError(e.msg)
		}
		return domException(iso, e.msg, e.name)
	case *jsError:
		return e.v
	}
	return domException(iso, err.Error(), errOperation)
}

// Errors shared by several algorithms, worded as Chrome words them.
var (
	errUsages        = errorf(errSyntax, "Cannot create a key using the specified key usages.")
	errEmptyUsages   = errorf(errSyntax, "Usages cannot be empty when creating a key.")
	errNotExtract    = errorf(errInvalidAccess, "key is not extractable")
	errKeyType       = errorf(errInvalidAccess, "The key is not of the expected type")
	errImportFormat  = errorf(errNotSupported, "Unsupported import key format for algorithm")
	errExportFormat  = errorf(errNotSupported, "Unsupported export key format for algorithm")
	errOperationFail = errorf(errOperation, "The operation failed for an operation-specific reason")
)
