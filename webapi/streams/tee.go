package streams

import (
	"github.com/dop251/goja"
)

// defaultTee is ReadableStreamDefaultTee(stream, cloneForBranch2).
func defaultTee(s *ReadableStream, cloneForBranch2 bool) (*ReadableStream, *ReadableStream, goja.Value) {
	r := s.r
	// 3. Let reader be ? AcquireReadableStreamDefaultReader(stream).
	reader, msg := acquireDefaultReader(s)
	if msg != "" {
		return nil, nil, r.newTypeError(msg)
	}
	// 4-12.
	var (
		reading, readAgain   bool
		canceled1, canceled2 bool
		reason1, reason2     goja.Value = goja.Undefined(), goja.Undefined()
		branch1, branch2     *ReadableStream
	)
	// 13. Let cancelPromise be a new promise.
	cancelPromise := r.newPromise()
	// 14. Let pullAlgorithm be the following steps:
	var pullAlgorithm func() *goja.Object
	pullAlgorithm = func() *goja.Object {
		// 1. If reading is true, set readAgain to true and return a promise resolved with undefined.
		if reading {
			readAgain = true
			return r.fulfilled()
		}
		// 2. Set reading to true.
		reading = true
		// 3. Let readRequest be a read request with the following items:
		rr := &readRequest{
			chunk: func(chunk goja.Value) {
				// 1. Queue a microtask to perform the following steps:
				r.queueMicrotask(func() {
					// 1. Set readAgain to false.
					readAgain = false
					// 2. Let chunk1 and chunk2 be chunk.
					chunk1, chunk2 := chunk, chunk
					// 3. If canceled2 is false and cloneForBranch2 is true,
					if !canceled2 && cloneForBranch2 {
						// 1. Let cloneResult be StructuredClone(chunk2).
						clone, thrown := r.structuredClone(chunk2)
						// 2. If cloneResult is an abrupt completion,
						if thrown != nil {
							branch1.controller.(*DefaultController).error(thrown)
							branch2.controller.(*DefaultController).error(thrown)
							cancelPromise.resolve(s.cancel(thrown))
							return
						}
						// 3. Otherwise, set chunk2 to cloneResult.[[Value]].
						chunk2 = clone
					}
					// 4. If canceled1 is false, perform ! ReadableStreamDefaultControllerEnqueue(branch1.[[controller]], chunk1).
					if !canceled1 {
						branch1.controller.(*DefaultController).enqueue(chunk1)
					}
					// 5. If canceled2 is false, perform ! ReadableStreamDefaultControllerEnqueue(branch2.[[controller]], chunk2).
					if !canceled2 {
						branch2.controller.(*DefaultController).enqueue(chunk2)
					}
					// 6. Set reading to false.
					reading = false
					// 7. If readAgain is true, perform pullAlgorithm.
					if readAgain {
						pullAlgorithm()
					}
				})
			},
			close: func() {
				// 1. Set reading to false.
				reading = false
				// 2. If canceled1 is false, perform ! ReadableStreamDefaultControllerClose(branch1.[[controller]]).
				if !canceled1 {
					branch1.controller.(*DefaultController).close()
				}
				// 3. If canceled2 is false, perform ! ReadableStreamDefaultControllerClose(branch2.[[controller]]).
				if !canceled2 {
					branch2.controller.(*DefaultController).close()
				}
				// 4. If canceled1 is false or canceled2 is false, resolve cancelPromise with undefined.
				if !canceled1 || !canceled2 {
					cancelPromise.resolve(goja.Undefined())
				}
			},
			fail: func(goja.Value) {
				// 1. Set reading to false.
				reading = false
			},
		}
		// 4. Perform ! ReadableStreamDefaultReaderRead(reader, readRequest).
		reader.read(rr)
		// 5. Return a promise resolved with undefined.
		return r.fulfilled()
	}
	// 15. Let cancel1Algorithm be the following steps, taking a reason argument:
	cancel1 := func(reason goja.Value) *goja.Object {
		// 1. Set canceled1 to true.
		canceled1 = true
		// 2. Set reason1 to reason.
		reason1 = reason
		// 3. If canceled2 is true,
		if canceled2 {
			// 1. Let compositeReason be ! CreateArrayFromList(« reason1, reason2 »).
			composite := r.vm.NewArray(reason1, reason2)
			// 2. Let cancelResult be ! ReadableStreamCancel(stream, compositeReason).
			// 3. Resolve cancelPromise with cancelResult.
			cancelPromise.resolve(s.cancel(composite))
		}
		// 4. Return cancelPromise.
		return cancelPromise.obj
	}
	// 16. Let cancel2Algorithm be the following steps, taking a reason argument:
	cancel2 := func(reason goja.Value) *goja.Object {
		canceled2 = true
		reason2 = reason
		if canceled1 {
			composite := r.vm.NewArray(reason1, reason2)
			cancelPromise.resolve(s.cancel(composite))
		}
		return cancelPromise.obj
	}
	// 17. Let startAlgorithm be an algorithm that returns undefined.
	start := func() goja.Value { return goja.Undefined() }
	// 18. Set branch1 to ! CreateReadableStream(startAlgorithm, pullAlgorithm, cancel1Algorithm).
	branch1 = createReadableStream(r, start, pullAlgorithm, cancel1, 1, nil)
	// 19. Set branch2 to ! CreateReadableStream(startAlgorithm, pullAlgorithm, cancel2Algorithm).
	branch2 = createReadableStream(r, start, pullAlgorithm, cancel2, 1, nil)
	// 20. Upon rejection of reader.[[closedPromise]] with reason r,
	r.upon(reader.closed.get(), nil, func(e goja.Value) {
		// 1. Perform ! ReadableStreamDefaultControllerError(branch1.[[controller]], r).
		branch1.controller.(*DefaultController).error(e)
		// 2. Perform ! ReadableStreamDefaultControllerError(branch2.[[controller]], r).
		branch2.controller.(*DefaultController).error(e)
		// 3. If canceled1 is false or canceled2 is false, resolve cancelPromise with undefined.
		if !canceled1 || !canceled2 {
			cancelPromise.resolve(goja.Undefined())
		}
	})
	// 21. Return « branch1, branch2 ».
	return branch1, branch2, nil
}

// byteStreamTee is ReadableByteStreamTee(stream).
func byteStreamTee(s *ReadableStream) (*ReadableStream, *ReadableStream, goja.Value) {
	r := s.r
	// 3. Let reader be ? AcquireReadableStreamDefaultReader(stream).
	defReader, msg := acquireDefaultReader(s)
	if msg != "" {
		return nil, nil, r.newTypeError(msg)
	}
	var reader streamReader = defReader
	var (
		reading                                  bool
		readAgainForBranch1, readAgainForBranch2 bool
		canceled1, canceled2                     bool
		reason1, reason2                         goja.Value = goja.Undefined(), goja.Undefined()
		branch1, branch2                         *ReadableStream
	)
	ctrl := func(b *ReadableStream) *ByteController { return b.controller.(*ByteController) }
	// 13. Let cancelPromise be a new promise.
	cancelPromise := r.newPromise()
	// 14. Let forwardReaderError be the following steps, taking a thisReader argument:
	forwardReaderError := func(thisReader streamReader) {
		// 1. Upon rejection of thisReader.[[closedPromise]] with reason r,
		r.upon(thisReader.generic().closed.get(), nil, func(e goja.Value) {
			// 1. If thisReader is not reader, return.
			if thisReader != reader {
				return
			}
			// 2. Perform ! ReadableByteStreamControllerError(branch1.[[controller]], r).
			ctrl(branch1).error(e)
			// 3. Perform ! ReadableByteStreamControllerError(branch2.[[controller]], r).
			ctrl(branch2).error(e)
			// 4. If canceled1 is false or canceled2 is false, resolve cancelPromise with undefined.
			if !canceled1 || !canceled2 {
				cancelPromise.resolve(goja.Undefined())
			}
		})
	}
	var pull1Algorithm, pull2Algorithm func() *goja.Object
	// 15. Let pullWithDefaultReader be the following steps:
	pullWithDefaultReader := func() {
		// 1. If reader implements ReadableStreamBYOBReader,
		if br, ok := reader.(*BYOBReader); ok {
			// 2. Perform ! ReadableStreamBYOBReaderRelease(reader).
			br.releaseReader()
			// 3. Set reader to ! AcquireReadableStreamDefaultReader(stream).
			dr, _ := acquireDefaultReader(s)
			reader = dr
			// 4. Perform forwardReaderError, given reader.
			forwardReaderError(reader)
		}
		// 2. Let readRequest be a read request with the following items:
		rr := &readRequest{
			chunk: func(chunk goja.Value) {
				// 1. Queue a microtask to perform the following steps:
				r.queueMicrotask(func() {
					// 1. Set readAgainForBranch1 to false.
					// 2. Set readAgainForBranch2 to false.
					readAgainForBranch1, readAgainForBranch2 = false, false
					// 3. Let chunk1 and chunk2 be chunk.
					chunk1, chunk2 := chunk, chunk
					// 4. If canceled1 is false and canceled2 is false,
					if !canceled1 && !canceled2 {
						// 1. Let cloneResult be CloneAsUint8Array(chunk).
						v, _ := r.view(chunk)
						clone, thrown := r.cloneAsUint8Array(v)
						// 2. If cloneResult is an abrupt completion,
						if thrown != nil {
							ctrl(branch1).error(thrown)
							ctrl(branch2).error(thrown)
							cancelPromise.resolve(s.cancel(thrown))
							return
						}
						// 3. Otherwise, set chunk2 to cloneResult.[[Value]].
						chunk2 = clone
					}
					// 5. If canceled1 is false, perform ! ReadableByteStreamControllerEnqueue(branch1.[[controller]], chunk1).
					if !canceled1 {
						v, _ := r.view(chunk1)
						ctrl(branch1).enqueue(v)
					}
					// 6. If canceled2 is false, perform ! ReadableByteStreamControllerEnqueue(branch2.[[controller]], chunk2).
					if !canceled2 {
						v, _ := r.view(chunk2)
						ctrl(branch2).enqueue(v)
					}
					// 7. Set reading to false.
					reading = false
					// 8. If readAgainForBranch1 is true, perform pull1Algorithm.
					// 9. Otherwise, if readAgainForBranch2 is true, perform pull2Algorithm.
					if readAgainForBranch1 {
						pull1Algorithm()
					} else if readAgainForBranch2 {
						pull2Algorithm()
					}
				})
			},
			close: func() {
				// 1. Set reading to false.
				reading = false
				// 2. If canceled1 is false, perform ! ReadableByteStreamControllerClose(branch1.[[controller]]).
				if !canceled1 {
					ctrl(branch1).close()
				}
				// 3. If canceled2 is false, perform ! ReadableByteStreamControllerClose(branch2.[[controller]]).
				if !canceled2 {
					ctrl(branch2).close()
				}
				// 4. If branch1.[[controller]].[[pendingPullIntos]] is not empty, perform ! ReadableByteStreamControllerRespond(branch1.[[controller]], 0).
				if len(ctrl(branch1).pendingPullIntos) > 0 {
					ctrl(branch1).respond(0)
				}
				// 5. Same for branch2.
				if len(ctrl(branch2).pendingPullIntos) > 0 {
					ctrl(branch2).respond(0)
				}
				// 6. If canceled1 is false or canceled2 is false, resolve cancelPromise with undefined.
				if !canceled1 || !canceled2 {
					cancelPromise.resolve(goja.Undefined())
				}
			},
			fail: func(goja.Value) {
				reading = false
			},
		}
		// 3. Perform ! ReadableStreamDefaultReaderRead(reader, readRequest).
		reader.(*DefaultReader).read(rr)
	}
	// 16. Let pullWithBYOBReader be the following steps, given view and forBranch2:
	pullWithBYOBReader := func(view *goja.Object, forBranch2 bool) {
		// 1. If reader implements ReadableStreamDefaultReader,
		if dr, ok := reader.(*DefaultReader); ok {
			// 2. Perform ! ReadableStreamDefaultReaderRelease(reader).
			dr.releaseReader()
			// 3. Set reader to ! AcquireReadableStreamBYOBReader(stream).
			br, _ := acquireBYOBReader(s)
			reader = br
			// 4. Perform forwardReaderError, given reader.
			forwardReaderError(reader)
		}
		// 2. Let byobBranch be branch2 if forBranch2 is true, and branch1 otherwise.
		// 3. Let otherBranch be branch2 if forBranch2 is false, and branch1 otherwise.
		byobBranch, otherBranch := branch1, branch2
		if forBranch2 {
			byobBranch, otherBranch = branch2, branch1
		}
		canceled := func() (byobCanceled, otherCanceled bool) {
			if forBranch2 {
				return canceled2, canceled1
			}
			return canceled1, canceled2
		}
		// 4. Let readIntoRequest be a read-into request with the following items:
		rr := &readIntoRequest{
			chunk: func(chunk goja.Value) {
				// 1. Queue a microtask to perform the following steps:
				r.queueMicrotask(func() {
					readAgainForBranch1, readAgainForBranch2 = false, false
					// 3. Let byobCanceled be ...; 4. Let otherCanceled be ...
					byobCanceled, otherCanceled := canceled()
					chunkView, _ := r.view(chunk)
					// 5. If otherCanceled is false,
					if !otherCanceled {
						// 1. Let cloneResult be CloneAsUint8Array(chunk).
						clone, thrown := r.cloneAsUint8Array(chunkView)
						// 2. If cloneResult is an abrupt completion,
						if thrown != nil {
							ctrl(byobBranch).error(thrown)
							ctrl(otherBranch).error(thrown)
							cancelPromise.resolve(s.cancel(thrown))
							return
						}
						// 4. If byobCanceled is false, perform ! ReadableByteStreamControllerRespondWithNewView(byobBranch.[[controller]], chunk).
						if !byobCanceled {
							ctrl(byobBranch).respondWithNewView(chunkView)
						}
						// 5. Perform ! ReadableByteStreamControllerEnqueue(otherBranch.[[controller]], clonedChunk).
						cv, _ := r.view(clone)
						ctrl(otherBranch).enqueue(cv)
					} else if !byobCanceled {
						// 6. Otherwise, if byobCanceled is false, perform ! ReadableByteStreamControllerRespondWithNewView(byobBranch.[[controller]], chunk).
						ctrl(byobBranch).respondWithNewView(chunkView)
					}
					// 7. Set reading to false.
					reading = false
					// 8. If readAgainForBranch1 is true, perform pull1Algorithm.
					// 9. Otherwise, if readAgainForBranch2 is true, perform pull2Algorithm.
					if readAgainForBranch1 {
						pull1Algorithm()
					} else if readAgainForBranch2 {
						pull2Algorithm()
					}
				})
			},
			close: func(chunk goja.Value) {
				// 1. Set reading to false.
				reading = false
				byobCanceled, otherCanceled := canceled()
				// 4. If byobCanceled is false, perform ! ReadableByteStreamControllerClose(byobBranch.[[controller]]).
				if !byobCanceled {
					ctrl(byobBranch).close()
				}
				// 5. If otherCanceled is false, perform ! ReadableByteStreamControllerClose(otherBranch.[[controller]]).
				if !otherCanceled {
					ctrl(otherBranch).close()
				}
				// 6. If chunk is not undefined,
				if !goja.IsUndefined(chunk) {
					// 2. If byobCanceled is false, perform ! ReadableByteStreamControllerRespondWithNewView(byobBranch.[[controller]], chunk).
					if !byobCanceled {
						v, _ := r.view(chunk)
						ctrl(byobBranch).respondWithNewView(v)
					}
					// 3. If otherCanceled is false and otherBranch.[[controller]].[[pendingPullIntos]] is not empty,
					//    perform ! ReadableByteStreamControllerRespond(otherBranch.[[controller]], 0).
					if !otherCanceled && len(ctrl(otherBranch).pendingPullIntos) > 0 {
						ctrl(otherBranch).respond(0)
					}
				}
				// 7. If byobCanceled is false or otherCanceled is false, resolve cancelPromise with undefined.
				if !byobCanceled || !otherCanceled {
					cancelPromise.resolve(goja.Undefined())
				}
			},
			fail: func(goja.Value) {
				reading = false
			},
		}
		// 5. Perform ! ReadableStreamBYOBReaderRead(reader, view, 1, readIntoRequest).
		v, _ := r.view(view)
		reader.(*BYOBReader).read(v, 1, rr)
	}
	pullFor := func(branch func() *ReadableStream, readAgain *bool, forBranch2 bool) func() *goja.Object {
		return func() *goja.Object {
			// 1. If reading is true, set readAgainForBranchN to true and return a promise resolved with undefined.
			if reading {
				*readAgain = true
				return r.fulfilled()
			}
			// 2. Set reading to true.
			reading = true
			// 3. Let byobRequest be ! ReadableByteStreamControllerGetBYOBRequest(branchN.[[controller]]).
			byobRequest := ctrl(branch()).getBYOBRequest()
			if byobRequest == nil {
				// 4. If byobRequest is null, perform pullWithDefaultReader.
				pullWithDefaultReader()
			} else {
				// 5. Otherwise, perform pullWithBYOBReader, given byobRequest.[[view]] and forBranch2.
				pullWithBYOBReader(byobRequest.view, forBranch2)
			}
			// 6. Return a promise resolved with undefined.
			return r.fulfilled()
		}
	}
	// 17. Let pull1Algorithm be the following steps:
	pull1Algorithm = pullFor(func() *ReadableStream { return branch1 }, &readAgainForBranch1, false)
	// 18. Let pull2Algorithm be the following steps:
	pull2Algorithm = pullFor(func() *ReadableStream { return branch2 }, &readAgainForBranch2, true)
	// 19. Let cancel1Algorithm be the following steps, taking a reason argument:
	cancel1 := func(reason goja.Value) *goja.Object {
		canceled1 = true
		reason1 = reason
		if canceled2 {
			cancelPromise.resolve(s.cancel(r.vm.NewArray(reason1, reason2)))
		}
		return cancelPromise.obj
	}
	// 20. Let cancel2Algorithm be the following steps, taking a reason argument:
	cancel2 := func(reason goja.Value) *goja.Object {
		canceled2 = true
		reason2 = reason
		if canceled1 {
			cancelPromise.resolve(s.cancel(r.vm.NewArray(reason1, reason2)))
		}
		return cancelPromise.obj
	}
	// 21. Let startAlgorithm be an algorithm that returns undefined.
	start := func() goja.Value { return goja.Undefined() }
	// 22. Set branch1 to ! CreateReadableByteStream(startAlgorithm, pull1Algorithm, cancel1Algorithm).
	branch1 = createReadableByteStream(r, start, pull1Algorithm, cancel1)
	// 23. Set branch2 to ! CreateReadableByteStream(startAlgorithm, pull2Algorithm, cancel2Algorithm).
	branch2 = createReadableByteStream(r, start, pull2Algorithm, cancel2)
	// 24. Perform forwardReaderError, given reader.
	forwardReaderError(reader)
	// 25. Return « branch1, branch2 ».
	return branch1, branch2, nil
}

// structuredClone is StructuredClone(v) for the second branch of a tee.
// It calls the structuredClone global (webapi/structuredclone, which
// cannot be imported here: it depends on file, which depends on streams).
// Without that global, ArrayBufferViews are copied and primitives returned
// as they are; anything else fails with a DataCloneError-like TypeError.
func (r *realm) structuredClone(v goja.Value) (goja.Value, goja.Value) {
	if fn, ok := goja.AssertFunction(r.vm.GlobalObject().Get("structuredClone")); ok {
		return r.call(fn, goja.Undefined(), v)
	}
	obj, isObj := v.(*goja.Object)
	if !isObj {
		return v, nil
	}
	if view, ok := r.view(obj); ok {
		buf, thrown := r.cloneArrayBuffer(view.buffer, view.byteOffset, view.byteLength)
		if thrown != nil {
			return nil, thrown
		}
		return r.construct(view.ctor, buf, 0, view.length), nil
	}
	return nil, r.newTypeError("Failed to clone the chunk: structuredClone is not available")
}
