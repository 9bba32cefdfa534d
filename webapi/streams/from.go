package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// ReadableStream.from (https://streams.spec.whatwg.org/#rs-from) over
// WebIDL's async_sequence (https://webidl.spec.whatwg.org/#js-async-sequence).

// asyncIterator is an opened async sequence: next and return are the
// spec's "get the next value" and "close" operations. For a sync iterable
// they implement CreateAsyncFromSyncIterator's semantics.
type asyncIterator struct {
	next  func() *goja.Object                  // fulfills with a value or r.endOfIteration
	close func(reason goja.Value) *goja.Object // fulfills with undefined
}

func readableStreamFrom(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	r := realmOf(iso)
	ctx := "Failed to execute 'from' on 'ReadableStream': "
	if len(call.Arguments) < 1 {
		throw(r.newTypeError(ctx + "1 argument required, but only 0 present."))
	}
	it := openAsyncSequence(r, ctx, call.Argument(0))
	// 1. Return ? ReadableStreamFromIterable(asyncIterable).
	return readableStreamFromIterable(r, it).object()
}

// openAsyncSequence converts v to async_sequence<any> and opens it; it
// throws the TypeErrors of the conversion.
func openAsyncSequence(r *realm, ctx string, v goja.Value) asyncIterator {
	vm := r.vm
	// 1. If V is not an Object, throw a TypeError. Browsers accept strings
	// (iterated by code point), as ReadableStream.from did when it took
	// "any"; WPT checks that, so primitives other than null and undefined
	// are boxed for the method lookup.
	obj, ok := v.(*goja.Object)
	if !ok {
		if webidl.IsNullish(v) {
			throw(r.newTypeError(ctx + "The provided value is not an async iterable."))
		}
		obj = v.ToObject(vm)
	}
	// 2. Let method be ? GetMethod(obj, %Symbol.asyncIterator%).
	method := getMethod(r, ctx, obj.GetSymbol(r.asyncIterator))
	sync := false
	// 3. If method is undefined: let syncMethod be ? GetMethod(obj, %Symbol.iterator%);
	//    if undefined, throw a TypeError.
	if method == nil {
		method = getMethod(r, ctx, obj.GetSymbol(goja.SymIterator))
		if method == nil {
			throw(r.newTypeError(ctx + "The provided value is not an async iterable."))
		}
		sync = true
	}
	// Open: iterator = ? Call(method, obj); it must be an object; nextMethod = ? Get(iterator, "next").
	itv, thrown := r.call(method, obj)
	if thrown != nil {
		throw(thrown)
	}
	iter, ok := itv.(*goja.Object)
	if !ok {
		throw(r.newTypeError(ctx + "The iterator is not an object."))
	}
	nextMethod := iter.Get("next")

	// iteratorNext is IteratorNext: Call(next, iterator) and require an object.
	iteratorNext := func() (*goja.Object, goja.Value) {
		fn, ok := goja.AssertFunction(nextMethod)
		if !ok {
			return nil, r.newTypeError("The iterator's next method is not callable.")
		}
		res, thrown := r.call(fn, iter)
		if thrown != nil {
			return nil, thrown
		}
		ro, ok := res.(*goja.Object)
		if !ok {
			return nil, r.newTypeError("The iterator result is not an object.")
		}
		return ro, nil
	}
	// iterResultParts reads done then value (IteratorComplete, IteratorValue).
	iterResultParts := func(res *goja.Object) (done bool, value goja.Value, thrown goja.Value) {
		thrown = r.try(func() {
			done = res.Get("done").ToBoolean()
			if !done {
				value = res.Get("value")
			}
		})
		return
	}
	if !sync {
		return asyncIterator{
			// Get the next value of an async iterator.
			next: func() *goja.Object {
				// 1. Let nextResult be IteratorNext(iteratorRecord).
				res, thrown := iteratorNext()
				// 2. If nextResult is an abrupt completion, return a promise rejected with it.
				if thrown != nil {
					return r.rejectedWith(thrown)
				}
				// 3. Let nextPromise be a promise resolved with nextResult.[[Value]].
				nextPromise := r.resolvedWith(res)
				// 4. React to nextPromise:
				return r.react(nextPromise, func(v goja.Value) goja.Value {
					// 1. If iterResult is not an Object, throw a TypeError.
					ro, ok := v.(*goja.Object)
					if !ok {
						throw(r.newTypeError("The iterator result is not an object."))
					}
					done, value, thrown := iterResultParts(ro)
					if thrown != nil {
						throw(thrown)
					}
					// 3. If done is true, return end of iteration.
					if done {
						return r.endOfIteration
					}
					// 4. Return ? IteratorValue(iterResult).
					if value == nil {
						return goja.Undefined()
					}
					return value
				}, nil)
			},
			close: func(reason goja.Value) *goja.Object {
				return closeIterator(r, iter, reason)
			},
		}
	}
	// CreateAsyncFromSyncIterator(syncIteratorRecord).
	continuation := func(res *goja.Object, closeOnRejection bool) *goja.Object {
		// AsyncFromSyncIteratorContinuation(result, promiseCapability, syncIteratorRecord, closeOnRejection)
		done, value, thrown := iterResultParts(res)
		if thrown != nil {
			return r.rejectedWith(thrown)
		}
		if value == nil {
			value = goja.Undefined()
		}
		// 6. Let valueWrapper be Completion(PromiseResolve(%Promise%, value)).
		wrapper := r.resolvedWith(value)
		// 9. onFulfilled: CreateIterResultObject(v, done); here: the value or end of iteration.
		// 11. onRejected (when not done and closeOnRejection): close the sync iterator, then rethrow.
		var onRejected func(goja.Value) goja.Value
		if !done && closeOnRejection {
			onRejected = func(e goja.Value) goja.Value {
				closeSyncIterator(r, iter)
				throw(e)
				return nil
			}
		}
		return r.react(wrapper, func(v goja.Value) goja.Value {
			if done {
				return r.endOfIteration
			}
			return v
		}, onRejected)
	}
	return asyncIterator{
		next: func() *goja.Object {
			res, thrown := iteratorNext()
			if thrown != nil {
				return r.rejectedWith(thrown)
			}
			return continuation(res, true)
		},
		close: func(reason goja.Value) *goja.Object {
			// %AsyncFromSyncIteratorPrototype%.return(value), then the async close's
			// check that the result is an object (it is: CreateIterResultObject).
			var ret goja.Value
			if thrown := r.try(func() { ret = iter.Get("return") }); thrown != nil {
				return r.rejectedWith(thrown)
			}
			if ret == nil || goja.IsUndefined(ret) || goja.IsNull(ret) {
				return r.fulfilled()
			}
			fn, ok := goja.AssertFunction(ret)
			if !ok {
				return r.rejectedWith(r.newTypeError("The iterator's return method is not callable."))
			}
			res, thrown := r.call(fn, iter, reason)
			if thrown != nil {
				return r.rejectedWith(thrown)
			}
			ro, ok := res.(*goja.Object)
			if !ok {
				return r.rejectedWith(r.newTypeError("The iterator's return method returned a non-object."))
			}
			return r.transformUndefined(continuation(ro, false))
		},
	}
}

// getMethod is GetMethod: undefined and null mean absent; other
// non-callables throw.
func getMethod(r *realm, ctx string, v goja.Value) goja.Callable {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		throw(r.newTypeError(ctx + "The iterator method is not callable."))
	}
	return fn
}

// closeIterator is WebIDL's "close an async iterator" with reason.
func closeIterator(r *realm, iter *goja.Object, reason goja.Value) *goja.Object {
	// 2. Let returnMethod be GetMethod(iterator, "return"); abrupt → rejected promise.
	var ret goja.Value
	if thrown := r.try(func() { ret = iter.Get("return") }); thrown != nil {
		return r.rejectedWith(thrown)
	}
	// 3. If returnMethod is undefined, return a promise resolved with undefined.
	if ret == nil || goja.IsUndefined(ret) || goja.IsNull(ret) {
		return r.fulfilled()
	}
	fn, ok := goja.AssertFunction(ret)
	if !ok {
		return r.rejectedWith(r.newTypeError("The iterator's return method is not callable."))
	}
	// 4. Let returnResult be Call(returnMethod.[[Value]], iterator, « reason »).
	res, thrown := r.call(fn, iter, reason)
	// 5. If returnResult is an abrupt completion, return a promise rejected with it.
	if thrown != nil {
		return r.rejectedWith(thrown)
	}
	// 6. Let returnPromise be a promise resolved with returnResult.[[Value]].
	// 7. React: if the result is not an Object, throw a TypeError; otherwise return undefined.
	return r.react(r.resolvedWith(res), func(v goja.Value) goja.Value {
		if _, ok := v.(*goja.Object); !ok {
			throw(r.newTypeError("The iterator's return method did not resolve to an object."))
		}
		return goja.Undefined()
	}, nil)
}

// closeSyncIterator is IteratorClose(syncIteratorRecord, completion) for a
// throw completion: the return method's own errors are ignored.
func closeSyncIterator(r *realm, iter *goja.Object) {
	_ = r.try(func() {
		ret := iter.Get("return")
		if fn, ok := goja.AssertFunction(ret); ok {
			_, _ = fn(iter)
		}
	})
}

// readableStreamFromIterable is ReadableStreamFromIterable(asyncIterable).
func readableStreamFromIterable(r *realm, it asyncIterator) *ReadableStream {
	// 1. Let stream be undefined.
	var s *ReadableStream
	// 3. Let startAlgorithm be an algorithm that returns undefined.
	start := func() goja.Value { return goja.Undefined() }
	// 4. Let pullAlgorithm be the following steps:
	pull := func() *goja.Object {
		// 1. Let nextPromise be the result of getting the next value of iterator.
		nextPromise := it.next()
		// 2. Return the result of reacting to nextPromise:
		return r.react(nextPromise, func(v goja.Value) goja.Value {
			c := s.controller.(*DefaultController)
			// 1. If v is end of iteration, perform ! ReadableStreamDefaultControllerClose(stream.[[controller]]).
			if v == r.endOfIteration {
				c.close()
				return goja.Undefined()
			}
			// 2. Otherwise, perform ! ReadableStreamDefaultControllerEnqueue(stream.[[controller]], v).
			c.enqueue(v)
			return goja.Undefined()
		}, func(e goja.Value) goja.Value {
			// If nextPromise was rejected with reason r, perform ! ReadableStreamDefaultControllerError(stream.[[controller]], r).
			s.controller.(*DefaultController).error(e)
			return goja.Undefined()
		})
	}
	// 5. Let cancelAlgorithm be the following steps, given reason:
	cancel := func(reason goja.Value) *goja.Object {
		// 1. Return the result of closing iterator with reason.
		return it.close(reason)
	}
	// 6. Set stream to ! CreateReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, 0).
	s = createReadableStream(r, start, pull, cancel, 0, nil)
	// 7. Return stream.
	return s
}
