package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"syscall"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// Go-side causes of network errors (the cause of TypeError("fetch failed")).
var (
	errStreamErrored  = errors.New("fetch: the request body stream errored")
	errRedirectLimit  = errors.New("redirect count exceeded")
	errRedirectMode   = errors.New("unexpected redirect")
	errBadPort        = errors.New("bad port")
	errNotReplayable  = errors.New("cannot follow a redirect with a streamed request body")
	errRedirectScheme = errors.New("URL scheme must be \"http\" or \"https\"")
	errBadLocation    = errors.New("invalid Location header")
	errIntegrity      = errors.New("the response does not match the request's integrity metadata")
)

// HostNotAllowedError is the cause of a fetch refused by Options.AllowHost.
type HostNotAllowedError struct{ Host string }

func (e *HostNotAllowedError) Error() string {
	return fmt.Sprintf("fetch: host %q is not allowed", e.Host)
}

// newTypeError creates a TypeError, with a cause when cause is non-nil.
func newTypeError(iso *runtime.Isolate, msg string, cause goja.Value) *goja.Object {
	vm := iso.VM()
	e := vm.NewTypeError("%s", msg)
	if cause != nil {
		_ = e.DefineDataProperty("cause", cause, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	return e
}

// fetchFailed is undici's network error: TypeError("fetch failed") whose
// cause describes what went wrong.
func fetchFailed(iso *runtime.Isolate, err error) *goja.Object {
	return newTypeError(iso, "fetch failed", causeFromError(iso, err))
}

// causeFromError converts a Go network error into the Error object undici
// would give as cause: a message and, for system errors, Node's code
// (ECONNREFUSED, ENOTFOUND, ECONNRESET, ETIMEDOUT...).
func causeFromError(iso *runtime.Isolate, err error) goja.Value {
	vm := iso.VM()
	code, msg := describeNetError(err)
	ctor, _ := goja.AssertConstructor(vm.Get("Error"))
	e, cerr := ctor(nil, vm.ToValue(msg))
	if cerr != nil {
		return vm.ToValue(msg)
	}
	if code != "" {
		_ = e.Set("code", code)
	}
	return e
}

// describeNetError returns a Node-style error code (or "") and a message.
func describeNetError(err error) (code, msg string) {
	var hostErr *HostNotAllowedError
	if errors.As(err, &hostErr) {
		return "ERR_HOST_NOT_ALLOWED", hostErr.Error()
	}
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		if dnsErr.IsNotFound {
			return "ENOTFOUND", "getaddrinfo ENOTFOUND " + dnsErr.Name
		}
		if dnsErr.IsTimeout {
			return "EAI_AGAIN", "getaddrinfo EAI_AGAIN " + dnsErr.Name
		}
		return "ENOTFOUND", "getaddrinfo ENOTFOUND " + dnsErr.Name
	}
	var opErr *net.OpError
	addr := ""
	if errors.As(err, &opErr) && opErr.Addr != nil {
		addr = opErr.Addr.String()
	}
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return "ECONNREFUSED", "connect ECONNREFUSED " + addr
	case errors.Is(err, syscall.ECONNRESET):
		return "ECONNRESET", "read ECONNRESET"
	case errors.Is(err, syscall.EPIPE):
		return "EPIPE", "write EPIPE"
	case errors.Is(err, syscall.EHOSTUNREACH):
		return "EHOSTUNREACH", "connect EHOSTUNREACH " + addr
	case errors.Is(err, syscall.ENETUNREACH):
		return "ENETUNREACH", "connect ENETUNREACH " + addr
	case errors.Is(err, os.ErrDeadlineExceeded), errors.Is(err, context.DeadlineExceeded):
		return "ETIMEDOUT", "connect ETIMEDOUT " + addr
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return "ETIMEDOUT", err.Error()
	}
	return "", err.Error()
}
