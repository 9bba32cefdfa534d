package crypto

import (
	"github.com/dop251/goja"
)

// throw aborts argument conversion or a synchronous step with a spec error;
// catch turns it back into an error.
func throw(e *opError) { panic(e) }

// catch runs fn on the isolate's goroutine and returns the error it raised:
// an *opError it threw, or a *jsError for a JS exception (from WebIDL
// conversions or user getters). goja's Runtime.Try restores the VM's state
// after a JS exception, which a bare recover would not.
func catch(vm *goja.Runtime, fn func()) (err error) {
	ex := vm.Try(func() {
		defer func() {
			if r := recover(); r != nil {
				if e, ok := r.(*opError); ok {
					err = e
					return
				}
				panic(r)
			}
		}()
		fn()
	})
	if ex != nil {
		return &jsError{v: ex.Value()}
	}
	return err
}
