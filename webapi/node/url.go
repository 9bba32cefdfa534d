package node

import (
	"github.com/dop251/goja"
	"golang.org/x/net/idna"

	"github.com/edgerun/edgerun/runtime/jsclass"
)

// domainProfile is the UTS #46 processing the WHATWG URL Standard's
// "domain to ASCII" uses (non-transitional, no strict STD3 rules).
var domainProfile = idna.New(idna.MapForLookup(), idna.Transitional(false), idna.StrictDomainName(false), idna.CheckHyphens(false))

// urlBinding gives url.js domainToASCII/domainToUnicode; they return ""
// for invalid domains, as Node's do.
func urlBinding(e *env) *goja.Object {
	vm := e.vm
	b := vm.NewObject()
	_ = b.Set("domainToASCII", jsclass.Function(vm, "domainToASCII", 1, func(call goja.FunctionCall) goja.Value {
		s, err := domainProfile.ToASCII(call.Argument(0).String())
		if err != nil {
			return vm.ToValue("")
		}
		return vm.ToValue(s)
	}))
	_ = b.Set("domainToUnicode", jsclass.Function(vm, "domainToUnicode", 1, func(call goja.FunctionCall) goja.Value {
		s, err := domainProfile.ToUnicode(call.Argument(0).String())
		if err != nil {
			return vm.ToValue("")
		}
		return vm.ToValue(s)
	}))
	return b
}
