package formdata

import (
	"slices"
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/file"
)

// An Entry is one entry of a FormData's entry list: a name and either a
// string value or a File.
type Entry struct {
	Name  string
	Value string       // the value when File is nil
	File  *goja.Object // the File object, or nil for a string entry
	Blob  *file.Blob   // File's Go value
}

// FormData backs a FormData object (https://xhr.spec.whatwg.org/#interface-formdata).
type FormData struct {
	jsclass.Shell
	entries []Entry
}

// Entries returns the entry list (do not modify).
func (fd *FormData) Entries() []Entry { return fd.entries }

// AppendString appends a string entry (name and value must be valid UTF-8).
func (fd *FormData) AppendString(name, value string) {
	fd.entries = append(fd.entries, Entry{Name: name, Value: value})
}

// FormDataOf returns the FormData behind a FormData object.
func FormDataOf(iso *runtime.Isolate, v goja.Value) (*FormData, bool) {
	return jsclass.Unwrap[*FormData](iso, v)
}

// New returns a FormData object with the given entries.
func New(iso *runtime.Isolate, entries []Entry) *goja.Object {
	return jsclass.New(iso, FormDataClass, &FormData{entries: entries})
}

// FormDataClass is the FormData interface.
var FormDataClass = &jsclass.Class{
	Name:   "FormData",
	Length: 0,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		// constructor(optional HTMLFormElement form, optional HTMLElement? submitter = null):
		// there are no form elements here, so any form argument fails conversion.
		if len(call.Arguments) > 0 && !goja.IsUndefined(call.Argument(0)) {
			webidl.Construct("FormData").TypeError(iso.VM(), "parameter 1 is not of type 'HTMLFormElement'.")
		}
		return &FormData{}
	},
	Members: append([]jsclass.Member{
		jsclass.Method("append", 2, func(fd *FormData, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			// Append the result of creating an entry with name, value and
			// filename, if given, to this's entry list.
			fd.entries = append(fd.entries, createEntry(iso, "append", call))
			return goja.Undefined()
		}),
		jsclass.Method("delete", 1, func(fd *FormData, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			name := nameArg(iso, "delete", call)
			// Remove all entries whose name is name from this's entry list.
			fd.entries = slices.DeleteFunc(fd.entries, func(e Entry) bool { return e.Name == name })
			return goja.Undefined()
		}),
		jsclass.Method("get", 1, func(fd *FormData, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			name := nameArg(iso, "get", call)
			// The value of the first entry whose name is name, or null.
			for _, e := range fd.entries {
				if e.Name == name {
					return entryValue(iso, e)
				}
			}
			return goja.Null()
		}),
		jsclass.Method("getAll", 1, func(fd *FormData, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			name := nameArg(iso, "getAll", call)
			var out []any
			for _, e := range fd.entries {
				if e.Name == name {
					out = append(out, entryValue(iso, e))
				}
			}
			return iso.VM().NewArray(out...)
		}),
		jsclass.Method("has", 1, func(fd *FormData, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			name := nameArg(iso, "has", call)
			return iso.VM().ToValue(slices.ContainsFunc(fd.entries, func(e Entry) bool { return e.Name == name }))
		}),
		jsclass.Method("set", 2, func(fd *FormData, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			// 1. Let entry be the result of creating an entry with name, value,
			//    and filename if given.
			entry := createEntry(iso, "set", call)
			// 2. If there are entries in this's entry list whose name is name, then
			//    replace the first such entry with entry and remove the others.
			// 3. Otherwise, append entry to this's entry list.
			found := false
			out := fd.entries[:0]
			for _, e := range fd.entries {
				if e.Name == entry.Name {
					if found {
						continue
					}
					found = true
					e = entry
				}
				out = append(out, e)
			}
			clear(fd.entries[len(out):])
			fd.entries = out
			if !found {
				fd.entries = append(fd.entries, entry)
			}
			return goja.Undefined()
		}),
	}, jsclass.PairIterable("FormData", func(fd *FormData, iso *runtime.Isolate, i int) (goja.Value, goja.Value, bool) {
		if i >= len(fd.entries) {
			return nil, nil, false
		}
		e := fd.entries[i]
		return iso.VM().ToValue(e.Name), entryValue(iso, e), true
	})...),
}

func entryValue(iso *runtime.Isolate, e Entry) goja.Value {
	if e.File != nil {
		return e.File
	}
	return iso.VM().ToValue(e.Value)
}

func nameArg(iso *runtime.Isolate, method string, call goja.FunctionCall) string {
	vm := iso.VM()
	ctx := webidl.Method("FormData", method)
	ctx.RequireArgs(vm, call, 1)
	return ctx.USVString(vm, call.Argument(0))
}

// createEntry resolves the (name, value) / (name, blobValue, filename)
// overloads of append and set and runs https://xhr.spec.whatwg.org/#create-an-entry.
func createEntry(iso *runtime.Isolate, method string, call goja.FunctionCall) Entry {
	vm := iso.VM()
	ctx := webidl.Method("FormData", method)
	ctx.RequireArgs(vm, call, 2)
	// 1. Set name to the result of converting name into a scalar value string.
	name := ctx.USVString(vm, call.Argument(0))
	blob, isBlob := file.BlobOf(iso, call.Argument(1))
	if len(call.Arguments) < 3 && !isBlob {
		// 2. If value is a string, set value to the result of converting value
		//    into a scalar value string.
		return Entry{Name: name, Value: ctx.USVString(vm, call.Argument(1))}
	}
	if !isBlob {
		ctx.TypeError(vm, "parameter 2 is not of type 'Blob'.")
	}
	obj := call.Argument(1).(*goja.Object)
	hasFilename := len(call.Arguments) >= 3 && !goja.IsUndefined(call.Argument(2))
	var filename string
	if hasFilename {
		filename = ctx.USVString(vm, call.Argument(2))
	}
	// 3.1. If value is not a File object, then set value to a new File object,
	//      representing the same bytes, whose name attribute value is "blob".
	// 3.2. If filename is given, then set value to a new File object,
	//      representing the same bytes, whose name attribute is filename.
	if !blob.IsFile() || hasFilename {
		if !hasFilename {
			filename = "blob"
		}
		lastModified := time.Now().UnixMilli()
		if blob.IsFile() {
			lastModified = blob.LastModified()
		}
		obj = file.NewFile(iso, blob.Bytes(), filename, blob.Type(), lastModified)
		blob, _ = file.BlobOf(iso, obj)
	}
	// 4. Return an entry whose name is name and whose value is value.
	return Entry{Name: name, File: obj, Blob: blob}
}
