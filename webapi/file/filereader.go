package file

import (
	"encoding/base64"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/encoding"
	"github.com/edgerun/edgerun/webapi/events"
)

// FileReader states (https://w3c.github.io/FileAPI/#dom-filereader-readystate).
const (
	readerEmpty   = 0
	readerLoading = 1
	readerDone    = 2
)

// readKind is the kind of a read operation.
type readKind int

const (
	readArrayBuffer readKind = iota
	readBinaryString
	readText
	readDataURL
)

// FileReader backs a FileReader object (https://w3c.github.io/FileAPI/#APIASynch).
type FileReader struct {
	events.EventTarget
	state  int
	result goja.Value // null, a string or an ArrayBuffer
	err    goja.Value // null or a DOMException
	// gen identifies the current read; tasks queued for an earlier read
	// (before abort() or a new read) see a different gen and do nothing,
	// which is how "remove those tasks from that task queue" is done.
	gen int
}

// FileReaderClass is the FileReader interface.
var FileReaderClass = &jsclass.Class{
	Name:    "FileReader",
	Extends: events.EventTargetClass,
	Length:  0,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		return &FileReader{result: goja.Null(), err: goja.Null()}
	},
	Members: []jsclass.Member{
		readMethod("readAsArrayBuffer", readArrayBuffer),
		readMethod("readAsBinaryString", readBinaryString),
		readMethod("readAsText", readText),
		readMethod("readAsDataURL", readDataURL),
		jsclass.Method("abort", 0, (*FileReader).jsAbort),
		jsclass.Constant("EMPTY", readerEmpty),
		jsclass.Constant("LOADING", readerLoading),
		jsclass.Constant("DONE", readerDone),
		jsclass.Getter("readyState", func(r *FileReader, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue(r.state)
		}),
		jsclass.Getter("result", func(r *FileReader, iso *runtime.Isolate) goja.Value { return r.result }),
		jsclass.Getter("error", func(r *FileReader, iso *runtime.Isolate) goja.Value { return r.err }),
		events.HandlerAttribute("onloadstart", "loadstart"),
		events.HandlerAttribute("onprogress", "progress"),
		events.HandlerAttribute("onload", "load"),
		events.HandlerAttribute("onabort", "abort"),
		events.HandlerAttribute("onerror", "error"),
		events.HandlerAttribute("onloadend", "loadend"),
	},
}

func readMethod(name string, kind readKind) jsclass.Member {
	ctx := webidl.Method("FileReader", name)
	return jsclass.Method(name, 1, func(r *FileReader, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
		blob, encodingName, hasEncoding := readArgs(ctx, iso, call, kind)
		r.read(iso, ctx, call.This.(*goja.Object), blob, kind, encodingName, hasEncoding)
		return goja.Undefined()
	})
}

// readArgs converts the arguments of a FileReader or FileReaderSync read
// method: the Blob to read and, for readAsText, the optional encoding
// label (hasEncoding is false when it is undefined).
func readArgs(ctx webidl.Context, iso *runtime.Isolate, call goja.FunctionCall, kind readKind) (blob *Blob, encodingName string, hasEncoding bool) {
	vm := iso.VM()
	ctx.RequireArgs(vm, call, 1)
	blob, ok := BlobOf(iso, call.Argument(0))
	if !ok {
		ctx.TypeError(vm, "parameter 1 is not of type 'Blob'.")
	}
	if kind == readText {
		if v := call.Argument(1); !goja.IsUndefined(v) {
			encodingName, hasEncoding = ctx.DOMString(vm, v), true
		}
	}
	return blob, encodingName, hasEncoding
}

// read implements https://w3c.github.io/FileAPI/#readOperation. The blob's
// bytes are already in memory, so its stream yields one chunk: a task fires
// loadstart (and progress for a non-empty blob), a later task finishes.
func (r *FileReader) read(iso *runtime.Isolate, ctx webidl.Context, this *goja.Object, blob *Blob, kind readKind, encodingName string, hasEncoding bool) {
	// 1. If fr's state is "loading", throw an InvalidStateError DOMException.
	if r.state == readerLoading {
		events.ThrowDOMException(iso, string(ctx)+": The object is already busy reading Blobs.", "InvalidStateError")
	}
	// 2-4. Set fr's state to "loading", its result and error to null.
	r.state = readerLoading
	r.result = goja.Null()
	r.err = goja.Null()
	r.gen++
	gen := r.gen
	data, mimeType := blob.data, blob.typ
	queueTask(iso, func() {
		if r.gen != gen {
			return
		}
		// 10.2. If chunkPromise is fulfilled, and isFirstChunk is true, queue a
		//       task to fire a progress event called loadstart at fr.
		r.fire(iso, this, "loadstart", 0, int64(len(data)))
		if len(data) == 0 || r.gen != gen {
			r.finishLater(iso, this, gen, data, kind, mimeType, encodingName, hasEncoding)
			return
		}
		// 10.4. A chunk was read: append it and fire progress.
		queueTask(iso, func() {
			if r.gen != gen {
				return
			}
			r.fire(iso, this, "progress", int64(len(data)), int64(len(data)))
			r.finishLater(iso, this, gen, data, kind, mimeType, encodingName, hasEncoding)
		})
	})
}

// finishLater queues the task of step 10.5 (the stream is done).
func (r *FileReader) finishLater(iso *runtime.Isolate, this *goja.Object, gen int, data []byte, kind readKind, mimeType, encodingName string, hasEncoding bool) {
	queueTask(iso, func() {
		if r.gen != gen {
			return
		}
		// 10.5.1. Set fr's state to "done".
		r.state = readerDone
		// 10.5.2. Let result be the result of package data given bytes, type,
		//         blob's type, and encodingName.
		// 10.5.4. Set fr's result to result. Fire a progress event called load at the fr.
		r.result = packageData(iso, data, kind, mimeType, encodingName, hasEncoding)
		r.fire(iso, this, "load", int64(len(data)), int64(len(data)))
		// 10.5.5. If fr's state is not "loading", fire a progress event called loadend at the fr.
		if r.state != readerLoading {
			r.fire(iso, this, "loadend", int64(len(data)), int64(len(data)))
		}
	})
}

// jsAbort implements https://w3c.github.io/FileAPI/#dfn-abort.
func (r *FileReader) jsAbort(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	// 1. If this's state is "empty" or "done", set this's result to null and terminate.
	if r.state == readerEmpty || r.state == readerDone {
		r.result = goja.Null()
		return goja.Undefined()
	}
	// 2. If this's state is "loading" set this's state to "done" and set this's result to null.
	r.state = readerDone
	r.result = goja.Null()
	// 3-4. Remove the read's queued tasks and terminate it.
	r.gen++
	this := call.This.(*goja.Object)
	// 5. Fire a progress event called abort at this.
	r.fire(iso, this, "abort", 0, 0)
	// 6. If this's state is not "loading", fire a progress event called loadend at this.
	if r.state != readerLoading {
		r.fire(iso, this, "loadend", 0, 0)
	}
	return goja.Undefined()
}

func (r *FileReader) fire(iso *runtime.Isolate, this *goja.Object, typ string, loaded, total int64) {
	events.Dispatch(iso, this, newProgressEvent(iso, typ, loaded, total))
}

// packageData implements https://w3c.github.io/FileAPI/#blob-package-data.
func packageData(iso *runtime.Isolate, data []byte, kind readKind, mimeType, encodingName string, hasEncoding bool) goja.Value {
	vm := iso.VM()
	switch kind {
	case readDataURL:
		// Return bytes as a DataURL, with mimeType as its media type
		// (browsers use application/octet-stream when the blob has none).
		if mimeType == "" {
			mimeType = "application/octet-stream"
		}
		return vm.ToValue("data:" + mimeType + ";base64," + base64.StdEncoding.EncodeToString(data))
	case readText:
		// 1. Let encoding be failure.
		var enc *encoding.Encoding
		// 2. If the encodingName is present, set encoding to the result of getting an encoding from encodingName.
		if hasEncoding {
			enc, _ = encoding.Lookup(encodingName)
		}
		// 3. If encoding is failure, and mimeType is present: let type be the
		//    result of parse a MIME type given mimeType; if type is not failure,
		//    set encoding to the result of getting an encoding from type's
		//    parameters["charset"].
		if enc == nil && mimeType != "" {
			if charset, ok := mimeCharset(mimeType); ok {
				enc, _ = encoding.Lookup(charset)
			}
		}
		// 4. If encoding is failure, then set encoding to UTF-8.
		if enc == nil {
			enc = encoding.UTF8()
		}
		// 5. Decode bytes using fallback encoding encoding, and return the result.
		return vm.ToValue(encoding.DecodeWithBOMSniff(enc, data))
	case readArrayBuffer:
		return webidl.ArrayBuffer(vm, append([]byte(nil), data...))
	default: // readBinaryString: each byte becomes the code unit of the same value.
		return webidl.FromByteString(vm, string(data))
	}
}

// queueTask queues fn as a task on the isolate's event loop (the file
// reading task source), keeping the invocation alive until it runs.
func queueTask(iso *runtime.Isolate, fn func()) {
	_ = iso.StartOp().Complete(fn)
}
