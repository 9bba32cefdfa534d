// Package jsclass declares JavaScript classes backed by Go values, in one
// place per class, the way workerd's JSG_RESOURCE_TYPE blocks do:
//
//	var HeadersClass = &jsclass.Class{
//		Name:      "Headers",
//		Length:    0,
//		Construct: newHeaders,
//		Members: []jsclass.Member{
//			jsclass.Method("append", 2, (*Headers).jsAppend),
//			jsclass.Getter("size", (*Headers).jsSize),
//		},
//	}
//
// The builder produces WebIDL-shaped interface objects: the constructor's
// name and length, a non-writable prototype property, methods and accessors
// that are enumerable and configurable, Symbol.toStringTag, constants on both
// constructor and prototype, and inheritance (Extends). Calling a
// constructor without new, or a method on a foreign object, throws the
// TypeError Chrome throws.
//
// # Instances and brand checks
//
// An instance is an ordinary JS object with the class's prototype. Its Go
// value lives in an internal slot: a non-enumerable property keyed by a
// per-isolate symbol, whose value is a goja DynamicObject shell wrapping the
// Go value (so reading it back is a field read, not reflection). Instances
// are not themselves DynamicObjects because goja's dynamic objects cannot
// hold private fields, symbol keys, accessors or be frozen, and user classes
// that extend Request or Response need all four.
//
// Classes are built lazily, once per isolate, on first use of the global.
package jsclass
