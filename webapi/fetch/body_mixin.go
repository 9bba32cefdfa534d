package fetch

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/encoding"
)

// bodyOwner is implemented by Request and Response, the classes that
// include the Body mixin (https://fetch.spec.whatwg.org/#body-mixin).
type bodyOwner interface {
	bodyOf() *body // nil: null body
	headerList() *headerList
}

// bodyMembers returns the Body mixin's members for the interface iface.
func bodyMembers[T bodyOwner](iface string) []jsclass.Member {
	return []jsclass.Member{
		// The body getter steps are to return null if this's body is null;
		// otherwise this's body's stream.
		jsclass.Getter("body", func(o T, iso *runtime.Isolate) goja.Value {
			b := o.bodyOf()
			if b == nil {
				return goja.Null()
			}
			return b.jsStream(iso)
		}),
		// The bodyUsed getter steps are to return true if this's body is
		// non-null and this's body's stream is disturbed; otherwise false.
		jsclass.Getter("bodyUsed", func(o T, iso *runtime.Isolate) goja.Value {
			b := o.bodyOf()
			return iso.VM().ToValue(b != nil && b.disturbed(iso))
		}),
		promiseMethod[T]("arrayBuffer", func(o T, iso *runtime.Isolate) goja.Value {
			return consumeBody(iso, o, iface, "arrayBuffer", true, func(data []byte) goja.Value {
				return webidl.ArrayBuffer(iso.VM(), data)
			})
		}),
		promiseMethod[T]("blob", func(o T, iso *runtime.Isolate) goja.Value {
			return consumeBody(iso, o, iface, "blob", true, func(data []byte) goja.Value {
				// A Blob whose type is the result of get the MIME type with this.
				typ := ""
				if m, ok := o.headerList().extractMIMEType(); ok {
					typ = m.String()
				}
				return newBlob(iso, data, typ)
			})
		}),
		promiseMethod[T]("bytes", func(o T, iso *runtime.Isolate) goja.Value {
			return consumeBody(iso, o, iface, "bytes", true, func(data []byte) goja.Value {
				return webidl.Uint8Array(iso.VM(), data)
			})
		}),
		promiseMethod[T]("formData", func(o T, iso *runtime.Isolate) goja.Value {
			return consumeBody(iso, o, iface, "formData", false, func(data []byte) goja.Value {
				// 1. Let mimeType be the result of get the MIME type with this.
				m, ok := o.headerList().extractMIMEType()
				// 2. If mimeType is non-null, then switch on its essence.
				if ok {
					switch m.Essence() {
					case "multipart/form-data", "application/x-www-form-urlencoded":
						return parseFormData(iso, data, m)
					}
				}
				// 3. Throw a TypeError.
				panic(newTypeError(iso, "Failed to execute 'formData' on '"+iface+"': Invalid MIME type", nil))
			})
		}),
		promiseMethod[T]("json", func(o T, iso *runtime.Isolate) goja.Value {
			return consumeBody(iso, o, iface, "json", false, func(data []byte) goja.Value {
				return parseJSONBytes(iso, data)
			})
		}),
		promiseMethod[T]("text", func(o T, iso *runtime.Isolate) goja.Value {
			return consumeBody(iso, o, iface, "text", false, func(data []byte) goja.Value {
				return iso.VM().ToValue(encoding.UTF8Decode(data))
			})
		}),
	}
}

// promiseMethod declares a promise-returning operation: as WebIDL requires,
// a receiver that fails the brand check gives a rejected promise rather
// than a thrown TypeError.
func promiseMethod[T bodyOwner](name string, fn func(o T, iso *runtime.Isolate) goja.Value) jsclass.Member {
	return jsclass.Static(name, 0, func(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
		o, ok := jsclass.Unwrap[T](iso, call.This)
		if !ok {
			vm := iso.VM()
			p, _, reject := vm.NewPromise()
			_ = reject(newTypeError(iso, "Illegal invocation", nil))
			return vm.ToValue(p)
		}
		return fn(o, iso)
	})
}

// consumeBody implements "consume body"
// (https://fetch.spec.whatwg.org/#concept-body-consume-body). owned says
// whether convert hands the bytes to JS (and so needs its own copy of shared
// bytes). convert may throw; the promise is then rejected with the exception.
func consumeBody(iso *runtime.Isolate, o bodyOwner, iface, method string, owned bool, convert func(data []byte) goja.Value) goja.Value {
	vm := iso.VM()
	p, resolve, reject := vm.NewPromise()
	b := o.bodyOf()
	// 1. If object is unusable, then return a promise rejected with a TypeError.
	if b != nil && b.unusable(iso) {
		msg := "body stream already read"
		if !b.disturbed(iso) {
			msg = "body stream is locked"
		}
		_ = reject(newTypeError(iso, "Failed to execute '"+method+"' on '"+iface+"': "+msg, nil))
		return vm.ToValue(p)
	}
	// 4. Let successSteps given a byte sequence data be to resolve promise with
	//    the result of running convertBytesToJSValue with data. If that threw an
	//    exception, then run errorSteps with that exception.
	success := func(data []byte) {
		var v goja.Value
		if ex := vm.Try(func() { v = convert(data) }); ex != nil {
			_ = reject(ex.Value())
			return
		}
		_ = resolve(v)
	}
	switch {
	case b == nil:
		// 5. If object's body is null, then run successSteps with an empty byte sequence.
		success(nil)
	case !owned:
		if data, ok := b.peekBytes(); ok {
			b.used = true
			success(data)
			break
		}
		fallthrough
	default:
		// 6. Otherwise, fully read object's body given successSteps, errorSteps.
		b.readAll(iso, func(data []byte, err goja.Value) {
			if err != nil {
				_ = reject(err)
				return
			}
			success(data)
		})
	}
	return vm.ToValue(p)
}

// parseJSONBytes implements "parse JSON from bytes"
// (https://infra.spec.whatwg.org/#parse-json-bytes-to-a-javascript-value):
// UTF-8 decode, then the initial JSON.parse, which runtime.ParseJSON is
// (it does not read the global either).
func parseJSONBytes(iso *runtime.Isolate, data []byte) goja.Value {
	v, err := runtime.ParseJSON(iso.VM(), encoding.UTF8Decode(data))
	if err != nil {
		panic(err)
	}
	return v
}
