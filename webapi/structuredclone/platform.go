package structuredclone

import (
	"sync"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/webapi/events"
)

// A Platform describes how one platform interface takes part in structured
// serialization. Instances are recognised by the Go value in their
// internal slot (see jsclass), so subclass instances match their closest
// registered superclass and are received as that class.
//
// An interface is serializable when Serialize and Deserialize are set, and
// transferable when Transfer and Receive are set (both is allowed).
type Platform struct {
	// Name is the interface name used in error messages ("Blob").
	Name string
	// Match reports whether a slot value belongs to this interface.
	Match func(slot any) bool

	// Serialize returns the object's data. The data must not hold goja
	// objects: it may be deserialized in another isolate.
	Serialize func(iso *runtime.Isolate, obj *goja.Object, slot any) any
	// Deserialize creates a new object in iso from the data.
	Deserialize func(iso *runtime.Isolate, data any) *goja.Object

	// Detached reports the object's [[Detached]] slot.
	Detached func(slot any) bool
	// Untransferable, when set, says why the object cannot be transferred
	// now ("" when it can): the first step of its transfer steps, such as
	// a ReadableStream's "if locked, throw a DataCloneError".
	Untransferable func(slot any) string
	// Transfer runs the transfer steps: it returns the data holder and
	// marks the object detached.
	Transfer func(iso *runtime.Isolate, obj *goja.Object, slot any) any
	// Receive runs the transfer-receiving steps, creating the object in iso.
	Receive func(iso *runtime.Isolate, data any) *goja.Object
}

var (
	platformsMu sync.RWMutex
	platforms   []*Platform
)

// Register adds a platform interface. Call it from an init function.
func Register(p *Platform) {
	platformsMu.Lock()
	defer platformsMu.Unlock()
	platforms = append(platforms, p)
}

func platformFor(slot any) *Platform {
	platformsMu.RLock()
	defer platformsMu.RUnlock()
	for _, p := range platforms {
		if p.Match(slot) {
			return p
		}
	}
	return nil
}

// DOMException is [Serializable]
// (https://webidl.spec.whatwg.org/#idl-DOMException): its serialization
// steps keep name and message; edgerun also keeps the stack, as V8 does.
type domExceptionData struct {
	name, message string
	stack         goja.Value // a primitive string, or nil
}

func init() {
	Register(&Platform{
		Name:  "DOMException",
		Match: func(slot any) bool { _, ok := slot.(*events.DOMException); return ok },
		Serialize: func(iso *runtime.Isolate, obj *goja.Object, slot any) any {
			e := slot.(*events.DOMException)
			d := domExceptionData{name: e.Name(), message: e.Message()}
			if st := obj.Get("stack"); st != nil && goja.IsString(st) {
				d.stack = st
			}
			return d
		},
		Deserialize: func(iso *runtime.Isolate, data any) *goja.Object {
			d := data.(domExceptionData)
			obj := events.NewDOMException(iso, d.message, d.name)
			if d.stack != nil {
				_ = obj.DefineDataProperty("stack", d.stack, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
			}
			return obj
		},
	})
}

// interfaceName names a platform object for error messages.
func interfaceName(iso *runtime.Isolate, obj *goja.Object) string {
	if t := obj.GetSymbol(goja.SymToStringTag); t != nil && goja.IsString(t) {
		return t.String()
	}
	return "platform"
}

// isPlatformObject reports whether obj is backed by a Go value.
func isPlatformObject(iso *runtime.Isolate, obj *goja.Object) (any, bool) {
	s := jsclass.Slot(iso, obj)
	return s, s != nil
}
