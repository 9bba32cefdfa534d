package runtime

// Reaching the goja internals that ES2024 resizable buffers need and
// goja's API does not expose: a buffer's data slice, a view's length and
// offset, and a built-in function's [[Call]] and [[Construct]].
//
// Why not a fork: goja does not implement resizable buffers (its
// tc39_test.go skips the "resizable-arraybuffer" feature), and a fork would
// mean carrying all of goja in this module under another import path,
// since replace directives do not reach the programs that embed edgerun.
// The surface here is small and checked: every field is looked up by name
// through reflect once, its type is compared with what this code writes, and
// only then is it written through unsafe. If a goja upgrade renames or
// retypes one, gojaLayout reports the mismatch, resizable buffers throw a
// TypeError saying so, and TestGojaLayout fails; nothing is written to the
// wrong place.

import (
	"fmt"
	"reflect"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
)

// constructFunc is the type of goja's nativeFuncObject.construct field.
type constructFunc = func(args []goja.Value, newTarget *goja.Object) *goja.Object

// gojaLayoutInfo locates the fields. Offsets are from the start of the
// concrete struct that an Object's self field points to.
type gojaLayoutInfo struct {
	selfIndex int // goja.Object.self, an interface

	arrayBuffer   reflect.Type // *arrayBufferObject
	bufferDataOff uintptr      // arrayBufferObject.data []byte
	typedArray    reflect.Type // *typedArrayObject
	typedLength   uintptr      // typedArrayObject.length int (elements)
	typedOffset   uintptr      // typedArrayObject.offset int (elements)
	typedElemSize uintptr      // typedArrayObject.elemSize int
	dataView      reflect.Type // *dataViewObject
	viewByteLen   uintptr      // dataViewObject.byteLen int
	viewOffset    uintptr      // dataViewObject.byteOffset int
	nativeFunc    reflect.Type // *nativeFuncObject
	constructOff  uintptr      // nativeFuncObject.construct constructFunc
	callOff       uintptr      // nativeFuncObject.f nativeFunc
}

// gojaLayout probes goja once. The error says which field did not match.
var gojaLayout = sync.OnceValues(probeGojaLayout)

func probeGojaLayout() (*gojaLayoutInfo, error) {
	l := &gojaLayoutInfo{}
	self, ok := reflect.TypeFor[goja.Object]().FieldByName("self")
	if !ok || self.Type.Kind() != reflect.Interface || len(self.Index) != 1 {
		return nil, fmt.Errorf("runtime: goja layout: Object.self is not an interface field")
	}
	l.selfIndex = self.Index[0]

	vm := goja.New()
	v, err := vm.RunString(`[new ArrayBuffer(8), new Uint16Array(4), new DataView(new ArrayBuffer(8), 2, 4), Uint8Array]`)
	if err != nil {
		return nil, fmt.Errorf("runtime: goja layout: %w", err)
	}
	arr := v.(*goja.Object)
	implType := func(i string) reflect.Type {
		return reflect.ValueOf(arr.Get(i).(*goja.Object)).Elem().Field(l.selfIndex).Elem().Type()
	}
	intType, bytesT, ctorT := reflect.TypeFor[int](), reflect.TypeFor[[]byte](), reflect.TypeFor[constructFunc]()
	field := func(t reflect.Type, name string, want reflect.Type) (uintptr, error) {
		if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
			return 0, fmt.Errorf("runtime: goja layout: %s is not a pointer to a struct", t)
		}
		f, ok := t.Elem().FieldByName(name)
		if !ok || len(f.Index) != 1 || f.Type != want {
			return 0, fmt.Errorf("runtime: goja layout: %s has no field %s of type %s", t.Elem(), name, want)
		}
		return f.Offset, nil
	}
	for _, f := range []struct {
		t    *reflect.Type
		i    string
		name string
		want reflect.Type
		off  *uintptr
	}{
		{&l.arrayBuffer, "0", "data", bytesT, &l.bufferDataOff},
		{&l.typedArray, "1", "length", intType, &l.typedLength},
		{&l.typedArray, "1", "offset", intType, &l.typedOffset},
		{&l.typedArray, "1", "elemSize", intType, &l.typedElemSize},
		{&l.dataView, "2", "byteLen", intType, &l.viewByteLen},
		{&l.dataView, "2", "byteOffset", intType, &l.viewOffset},
		{&l.nativeFunc, "3", "construct", ctorT, &l.constructOff},
		{&l.nativeFunc, "3", "f", reflect.TypeFor[nativeFunc](), &l.callOff},
	} {
		*f.t = implType(f.i)
		if *f.off, err = field(*f.t, f.name, f.want); err != nil {
			return nil, err
		}
	}
	// The values read back must be the ones the script asked for.
	u16, dv := arr.Get("1").(*goja.Object), arr.Get("2").(*goja.Object)
	if p := l.impl(u16, l.typedArray); *l.intAt(p, l.typedLength) != 4 || *l.intAt(p, l.typedElemSize) != 2 {
		return nil, fmt.Errorf("runtime: goja layout: typed array length or element size reads wrong")
	}
	if p := l.impl(dv, l.dataView); *l.intAt(p, l.viewByteLen) != 4 || *l.intAt(p, l.viewOffset) != 2 {
		return nil, fmt.Errorf("runtime: goja layout: DataView byte length or offset reads wrong")
	}
	return l, nil
}

// impl returns a pointer to obj's concrete goja object when its type is
// want, nil otherwise.
func (l *gojaLayoutInfo) impl(obj *goja.Object, want reflect.Type) unsafe.Pointer {
	self := reflect.ValueOf(obj).Elem().Field(l.selfIndex)
	if self.IsNil() {
		return nil
	}
	p := self.Elem()
	if p.Type() != want {
		return nil
	}
	return p.UnsafePointer()
}

func (l *gojaLayoutInfo) intAt(p unsafe.Pointer, off uintptr) *int {
	return (*int)(unsafe.Add(p, off))
}

// bufferData is a pointer to an ArrayBuffer object's data slice: what
// its typed arrays and DataViews read through, so replacing the slice
// resizes the buffer for all of them.
func (l *gojaLayoutInfo) bufferData(buf *goja.Object) *[]byte {
	p := l.impl(buf, l.arrayBuffer)
	if p == nil {
		return nil
	}
	return (*[]byte)(unsafe.Add(p, l.bufferDataOff))
}

// viewFields are a typed array's or DataView's position fields.
type viewFields struct {
	// length is the typed array's element count or the DataView's byte
	// length: what bounds every element access.
	length *int
	// offset is the typed array's offset in elements, or the DataView's
	// in bytes.
	offset   *int
	elemSize int
}

// byteOffset is the view's offset in bytes.
func (f viewFields) byteOffset() int { return *f.offset * f.elemSize }

// setByteOffset sets the view's offset from a byte offset.
func (f viewFields) setByteOffset(n int) { *f.offset = n / f.elemSize }

func (l *gojaLayoutInfo) view(obj *goja.Object) (viewFields, bool) {
	if p := l.impl(obj, l.typedArray); p != nil {
		return viewFields{length: l.intAt(p, l.typedLength), offset: l.intAt(p, l.typedOffset), elemSize: *l.intAt(p, l.typedElemSize)}, true
	}
	if p := l.impl(obj, l.dataView); p != nil {
		return viewFields{length: l.intAt(p, l.viewByteLen), offset: l.intAt(p, l.viewOffset), elemSize: 1}, true
	}
	return viewFields{}, false
}

// construct is a pointer to a built-in constructor's [[Construct]], nil for
// anything that is not a goja native constructor.
func (l *gojaLayoutInfo) construct(ctor *goja.Object) *constructFunc {
	p := l.impl(ctor, l.nativeFunc)
	if p == nil {
		return nil
	}
	return (*constructFunc)(unsafe.Add(p, l.constructOff))
}

// call is a pointer to a built-in function's [[Call]], nil for anything
// that is not a goja native function.
func (l *gojaLayoutInfo) call(fn *goja.Object) *nativeFunc {
	p := l.impl(fn, l.nativeFunc)
	if p == nil {
		return nil
	}
	return (*nativeFunc)(unsafe.Add(p, l.callOff))
}
