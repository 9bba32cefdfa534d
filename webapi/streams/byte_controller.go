package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/jsclass"
)

// https://streams.spec.whatwg.org/#rbs-controller-class

type readerType uint8

const (
	readerDefault readerType = iota
	readerBYOB
	readerNone
)

// byteQueueEntry is a readable byte stream queue entry.
type byteQueueEntry struct {
	buffer     *goja.Object
	byteOffset int
	byteLength int
}

// pullIntoDescriptor is a pending BYOB (or auto-allocated) pull.
type pullIntoDescriptor struct {
	buffer           *goja.Object
	bufferByteLength int
	byteOffset       int
	byteLength       int
	bytesFilled      int
	minimumFill      int
	elementSize      int
	viewCtor         goja.Constructor
	readerType       readerType
}

// A ByteController is a ReadableByteStreamController.
type ByteController struct {
	jsclass.Shell
	obj    *goja.Object
	stream *ReadableStream

	autoAllocateChunkSize int // 0: undefined
	byobRequest           *BYOBRequest
	queue                 []byteQueueEntry
	queueTotalSize        float64
	started               bool
	closeRequested        bool
	pullAgain             bool
	pulling               bool
	strategyHWM           float64
	pullAlgorithm         func() *goja.Object
	cancelAlgorithm       func(reason goja.Value) *goja.Object
	pendingPullIntos      []*pullIntoDescriptor
}

func (c *ByteController) object() *goja.Object {
	if c.obj == nil {
		c.obj = jsclass.New(c.stream.r.iso, ReadableByteStreamControllerClass, c)
	}
	return c.obj
}

func (c *ByteController) resetQueue() {
	c.queue = nil
	c.queueTotalSize = 0
}

// cancelSteps is [[CancelSteps]](reason).
func (c *ByteController) cancelSteps(reason goja.Value) *goja.Object {
	// 1. Perform ! ReadableByteStreamControllerClearPendingPullIntos(this).
	c.clearPendingPullIntos()
	// 2. Perform ! ResetQueue(this).
	c.resetQueue()
	// 3. Let result be the result of performing this.[[cancelAlgorithm]], passing in reason.
	result := c.cancelAlgorithm(reason)
	// 4. Perform ! ReadableByteStreamControllerClearAlgorithms(this).
	c.clearAlgorithms()
	// 5. Return result.
	return result
}

// pullSteps is [[PullSteps]](readRequest).
func (c *ByteController) pullSteps(rr *readRequest) {
	r := c.stream.r
	s := c.stream
	// 3. If this.[[queueTotalSize]] > 0,
	if c.queueTotalSize > 0 {
		// 2. Perform ! ReadableByteStreamControllerFillReadRequestFromQueue(this, readRequest).
		c.fillReadRequestFromQueue(rr)
		// 3. Return.
		return
	}
	// 4. Let autoAllocateChunkSize be this.[[autoAllocateChunkSize]].
	// 5. If autoAllocateChunkSize is not undefined,
	if n := c.autoAllocateChunkSize; n > 0 {
		// 1. Let buffer be Construct(%ArrayBuffer%, « autoAllocateChunkSize »).
		buffer := r.newArrayBuffer(n)
		// 3. Let pullIntoDescriptor be a new pull-into descriptor with ...
		pid := &pullIntoDescriptor{
			buffer: buffer, bufferByteLength: n, byteOffset: 0, byteLength: n,
			bytesFilled: 0, minimumFill: 1, elementSize: 1, viewCtor: r.uint8Array, readerType: readerDefault,
		}
		// 4. Append pullIntoDescriptor to this.[[pendingPullIntos]].
		c.pendingPullIntos = append(c.pendingPullIntos, pid)
	}
	// 6. Perform ! ReadableStreamAddReadRequest(stream, readRequest).
	s.addReadRequest(rr)
	// 7. Perform ! ReadableByteStreamControllerCallPullIfNeeded(this).
	c.callPullIfNeeded()
}

// releaseSteps is [[ReleaseSteps]]().
func (c *ByteController) releaseSteps() {
	// 1. If this.[[pendingPullIntos]] is not empty,
	if len(c.pendingPullIntos) > 0 {
		// 1. Let firstPendingPullInto be this.[[pendingPullIntos]][0].
		first := c.pendingPullIntos[0]
		// 2. Set firstPendingPullInto's reader type to "none".
		first.readerType = readerNone
		// 3. Set this.[[pendingPullIntos]] to the list « firstPendingPullInto ».
		c.pendingPullIntos = []*pullIntoDescriptor{first}
	}
}

// callPullIfNeeded is ReadableByteStreamControllerCallPullIfNeeded(controller).
func (c *ByteController) callPullIfNeeded() {
	// 1. Let shouldPull be ! ReadableByteStreamControllerShouldCallPull(controller).
	// 2. If shouldPull is false, return.
	if !c.shouldCallPull() {
		return
	}
	// 3. If controller.[[pulling]] is true, set controller.[[pullAgain]] to true and return.
	if c.pulling {
		c.pullAgain = true
		return
	}
	// 5. Set controller.[[pulling]] to true.
	c.pulling = true
	// 6. Let pullPromise be the result of performing controller.[[pullAlgorithm]].
	pullPromise := c.pullAlgorithm()
	c.stream.r.upon(pullPromise, func(goja.Value) {
		// 7. Upon fulfillment of pullPromise,
		// 1. Set controller.[[pulling]] to false.
		c.pulling = false
		// 2. If controller.[[pullAgain]] is true,
		if c.pullAgain {
			// 1. Set controller.[[pullAgain]] to false.
			c.pullAgain = false
			// 2. Perform ! ReadableByteStreamControllerCallPullIfNeeded(controller).
			c.callPullIfNeeded()
		}
	}, func(e goja.Value) {
		// 8. Upon rejection of pullPromise with reason e,
		// 1. Perform ! ReadableByteStreamControllerError(controller, e).
		c.error(e)
	})
}

// clearAlgorithms is ReadableByteStreamControllerClearAlgorithms(controller).
func (c *ByteController) clearAlgorithms() {
	c.pullAlgorithm = nil
	c.cancelAlgorithm = nil
}

// clearPendingPullIntos is ReadableByteStreamControllerClearPendingPullIntos(controller).
func (c *ByteController) clearPendingPullIntos() {
	// 1. Perform ! ReadableByteStreamControllerInvalidateBYOBRequest(controller).
	c.invalidateBYOBRequest()
	// 2. Set controller.[[pendingPullIntos]] to a new empty list.
	c.pendingPullIntos = nil
}

// close is ReadableByteStreamControllerClose(controller); it returns the
// exception of an abrupt completion.
func (c *ByteController) close() goja.Value {
	r := c.stream.r
	// 1. Let stream be controller.[[stream]].
	s := c.stream
	// 2. If controller.[[closeRequested]] is true or stream.[[state]] is not "readable", return.
	if c.closeRequested || s.state != stateReadable {
		return nil
	}
	// 3. If controller.[[queueTotalSize]] > 0,
	if c.queueTotalSize > 0 {
		// 1. Set controller.[[closeRequested]] to true.
		c.closeRequested = true
		// 2. Return.
		return nil
	}
	// 4. If controller.[[pendingPullIntos]] is not empty,
	if len(c.pendingPullIntos) > 0 {
		// 1. Let firstPendingPullInto be controller.[[pendingPullIntos]][0].
		first := c.pendingPullIntos[0]
		// 2. If the remainder after dividing firstPendingPullInto's bytes filled by its element size is not 0,
		if first.bytesFilled%first.elementSize != 0 {
			// 1. Let e be a new TypeError exception.
			e := r.newTypeError("Insufficient bytes to fill elements in the given buffer")
			// 2. Perform ! ReadableByteStreamControllerError(controller, e).
			c.error(e)
			// 3. Throw e.
			return e
		}
	}
	// 5. Perform ! ReadableByteStreamControllerClearAlgorithms(controller).
	c.clearAlgorithms()
	// 6. Perform ! ReadableStreamClose(stream).
	s.close()
	return nil
}

// commitPullIntoDescriptor is ReadableByteStreamControllerCommitPullIntoDescriptor(stream, pullIntoDescriptor).
func commitPullIntoDescriptor(s *ReadableStream, pid *pullIntoDescriptor) {
	// 3. Let done be false.
	done := false
	// 4. If stream.[[state]] is "closed", set done to true.
	if s.state == stateClosed {
		done = true
	}
	// 5. Let filledView be ! ReadableByteStreamControllerConvertPullIntoDescriptor(pullIntoDescriptor).
	filledView := convertPullIntoDescriptor(s.r, pid)
	// 6. If pullIntoDescriptor's reader type is "default",
	if pid.readerType == readerDefault {
		// 1. Perform ! ReadableStreamFulfillReadRequest(stream, filledView, done).
		s.fulfillReadRequest(filledView, done)
		return
	}
	// 7. Otherwise, perform ! ReadableStreamFulfillReadIntoRequest(stream, filledView, done).
	s.fulfillReadIntoRequest(filledView, done)
}

// convertPullIntoDescriptor is ReadableByteStreamControllerConvertPullIntoDescriptor(pullIntoDescriptor).
func convertPullIntoDescriptor(r *realm, pid *pullIntoDescriptor) *goja.Object {
	// 1. Let bytesFilled be pullIntoDescriptor's bytes filled.
	// 2. Let elementSize be pullIntoDescriptor's element size.
	// 5. Let buffer be ! TransferArrayBuffer(pullIntoDescriptor's buffer).
	buffer, thrown := r.transferArrayBuffer(pid.buffer)
	if thrown != nil {
		throw(thrown)
	}
	// 6. Return ! Construct(pullIntoDescriptor's view constructor, « buffer, byte offset, bytesFilled ÷ elementSize »).
	return r.construct(pid.viewCtor, buffer, pid.byteOffset, pid.bytesFilled/pid.elementSize)
}

// enqueue is ReadableByteStreamControllerEnqueue(controller, chunk).
func (c *ByteController) enqueue(chunk arrayBufferView) goja.Value {
	r := c.stream.r
	// 1. Let stream be controller.[[stream]].
	s := c.stream
	// 2. If controller.[[closeRequested]] is true or stream.[[state]] is not "readable", return.
	if c.closeRequested || s.state != stateReadable {
		return nil
	}
	// 3. Let buffer be chunk.[[ViewedArrayBuffer]].
	// 4. Let byteOffset be chunk.[[ByteOffset]].
	// 5. Let byteLength be chunk.[[ByteLength]].
	byteOffset, byteLength := chunk.byteOffset, chunk.byteLength
	// 6. If ! IsDetachedBuffer(buffer) is true, throw a TypeError exception.
	if isDetached(chunk.buffer) {
		return r.newTypeError("Cannot enqueue a chunk with a detached buffer")
	}
	// 7. Let transferredBuffer be ? TransferArrayBuffer(buffer).
	transferred, thrown := r.transferArrayBuffer(chunk.buffer)
	if thrown != nil {
		return thrown
	}
	// 8. If controller.[[pendingPullIntos]] is not empty,
	if len(c.pendingPullIntos) > 0 {
		// 1. Let firstPendingPullInto be controller.[[pendingPullIntos]][0].
		first := c.pendingPullIntos[0]
		// 2. If ! IsDetachedBuffer(firstPendingPullInto's buffer) is true, throw a TypeError exception.
		if isDetached(first.buffer) {
			return r.newTypeError("The BYOB request's buffer has been detached and so cannot be filled with an enqueued chunk")
		}
		// 3. Perform ! ReadableByteStreamControllerInvalidateBYOBRequest(controller).
		c.invalidateBYOBRequest()
		// 4. Set firstPendingPullInto's buffer to ! TransferArrayBuffer(firstPendingPullInto's buffer).
		first.buffer, _ = r.transferArrayBuffer(first.buffer)
		// 5. If firstPendingPullInto's reader type is "none", perform ?
		//    ReadableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller, firstPendingPullInto).
		if first.readerType == readerNone {
			if thrown := c.enqueueDetachedPullIntoToQueue(first); thrown != nil {
				return thrown
			}
		}
	}
	switch {
	case s.hasDefaultReader():
		// 9. If ! ReadableStreamHasDefaultReader(stream) is true,
		// 1. Perform ! ReadableByteStreamControllerProcessReadRequestsUsingQueue(controller).
		c.processReadRequestsUsingQueue()
		// 2. If ! ReadableStreamGetNumReadRequests(stream) is 0,
		if s.numReadRequests() == 0 {
			// 2. Perform ! ReadableByteStreamControllerEnqueueChunkToQueue(controller, transferredBuffer, byteOffset, byteLength).
			c.enqueueChunkToQueue(transferred, byteOffset, byteLength)
		} else {
			// 3. Otherwise,
			// 2. If controller.[[pendingPullIntos]] is not empty,
			if len(c.pendingPullIntos) > 0 {
				// 2. Perform ! ReadableByteStreamControllerShiftPendingPullInto(controller).
				c.shiftPendingPullInto()
			}
			// 3. Let transferredView be ! Construct(%Uint8Array%, « transferredBuffer, byteOffset, byteLength »).
			view := r.newUint8Array(transferred, byteOffset, byteLength)
			// 4. Perform ! ReadableStreamFulfillReadRequest(stream, transferredView, false).
			s.fulfillReadRequest(view, false)
		}
	case s.hasBYOBReader():
		// 10. Otherwise, if ! ReadableStreamHasBYOBReader(stream) is true,
		// 1. Perform ! ReadableByteStreamControllerEnqueueChunkToQueue(controller, transferredBuffer, byteOffset, byteLength).
		c.enqueueChunkToQueue(transferred, byteOffset, byteLength)
		// 2. Let filledPullIntos be the result of performing ! ReadableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller).
		filled := c.processPullIntoDescriptorsUsingQueue()
		// 3. For each filledPullInto of filledPullIntos, perform ! ReadableByteStreamControllerCommitPullIntoDescriptor(stream, filledPullInto).
		for _, pid := range filled {
			commitPullIntoDescriptor(s, pid)
		}
	default:
		// 11. Otherwise,
		// 2. Perform ! ReadableByteStreamControllerEnqueueChunkToQueue(controller, transferredBuffer, byteOffset, byteLength).
		c.enqueueChunkToQueue(transferred, byteOffset, byteLength)
	}
	// 12. Perform ! ReadableByteStreamControllerCallPullIfNeeded(controller).
	c.callPullIfNeeded()
	return nil
}

// enqueueChunkToQueue is ReadableByteStreamControllerEnqueueChunkToQueue.
func (c *ByteController) enqueueChunkToQueue(buffer *goja.Object, byteOffset, byteLength int) {
	c.queue = append(c.queue, byteQueueEntry{buffer: buffer, byteOffset: byteOffset, byteLength: byteLength})
	c.queueTotalSize += float64(byteLength)
}

// enqueueClonedChunkToQueue is ReadableByteStreamControllerEnqueueClonedChunkToQueue.
func (c *ByteController) enqueueClonedChunkToQueue(buffer *goja.Object, byteOffset, byteLength int) goja.Value {
	// 1. Let cloneResult be CloneArrayBuffer(buffer, byteOffset, byteLength, %ArrayBuffer%).
	clone, thrown := c.stream.r.cloneArrayBuffer(buffer, byteOffset, byteLength)
	// 2. If cloneResult is an abrupt completion,
	if thrown != nil {
		// 1. Perform ! ReadableByteStreamControllerError(controller, cloneResult.[[Value]]).
		c.error(thrown)
		// 2. Return cloneResult.
		return thrown
	}
	// 3. Perform ! ReadableByteStreamControllerEnqueueChunkToQueue(controller, cloneResult.[[Value]], 0, byteLength).
	c.enqueueChunkToQueue(clone, 0, byteLength)
	return nil
}

// enqueueDetachedPullIntoToQueue is ReadableByteStreamControllerEnqueueDetachedPullIntoToQueue.
func (c *ByteController) enqueueDetachedPullIntoToQueue(pid *pullIntoDescriptor) goja.Value {
	// 2. If pullIntoDescriptor's bytes filled > 0, perform ? ReadableByteStreamControllerEnqueueClonedChunkToQueue(...).
	if pid.bytesFilled > 0 {
		if thrown := c.enqueueClonedChunkToQueue(pid.buffer, pid.byteOffset, pid.bytesFilled); thrown != nil {
			return thrown
		}
	}
	// 3. Perform ! ReadableByteStreamControllerShiftPendingPullInto(controller).
	c.shiftPendingPullInto()
	return nil
}

// error is ReadableByteStreamControllerError(controller, e).
func (c *ByteController) error(e goja.Value) {
	s := c.stream
	// 2. If stream.[[state]] is not "readable", return.
	if s.state != stateReadable {
		return
	}
	// 3. Perform ! ReadableByteStreamControllerClearPendingPullIntos(controller).
	c.clearPendingPullIntos()
	// 4. Perform ! ResetQueue(controller).
	c.resetQueue()
	// 5. Perform ! ReadableByteStreamControllerClearAlgorithms(controller).
	c.clearAlgorithms()
	// 6. Perform ! ReadableStreamError(stream, e).
	s.error(e)
}

// fillHeadPullIntoDescriptor is ReadableByteStreamControllerFillHeadPullIntoDescriptor.
func (c *ByteController) fillHeadPullIntoDescriptor(size int, pid *pullIntoDescriptor) {
	// 3. Set pullIntoDescriptor's bytes filled to bytes filled + size.
	pid.bytesFilled += size
}

// fillPullIntoDescriptorFromQueue is ReadableByteStreamControllerFillPullIntoDescriptorFromQueue.
func (c *ByteController) fillPullIntoDescriptorFromQueue(pid *pullIntoDescriptor) bool {
	// 1. Let maxBytesToCopy be min(controller.[[queueTotalSize]], byte length − bytes filled).
	maxBytesToCopy := pid.byteLength - pid.bytesFilled
	if int(c.queueTotalSize) < maxBytesToCopy {
		maxBytesToCopy = int(c.queueTotalSize)
	}
	// 2. Let maxBytesFilled be bytes filled + maxBytesToCopy.
	maxBytesFilled := pid.bytesFilled + maxBytesToCopy
	// 3. Let totalBytesToCopyRemaining be maxBytesToCopy.
	remaining := maxBytesToCopy
	// 4. Let ready be false.
	ready := false
	// 7. Let remainderBytes be the remainder after dividing maxBytesFilled by element size.
	remainderBytes := maxBytesFilled % pid.elementSize
	// 8. Let maxAlignedBytes be maxBytesFilled − remainderBytes.
	maxAlignedBytes := maxBytesFilled - remainderBytes
	// 9. If maxAlignedBytes ≥ minimum fill,
	if maxAlignedBytes >= pid.minimumFill {
		// 1. Set totalBytesToCopyRemaining to maxAlignedBytes − bytes filled.
		remaining = maxAlignedBytes - pid.bytesFilled
		// 2. Set ready to true.
		ready = true
	}
	// 11. While totalBytesToCopyRemaining > 0,
	for remaining > 0 {
		// 1. Let headOfQueue be queue[0].
		head := &c.queue[0]
		// 2. Let bytesToCopy be min(totalBytesToCopyRemaining, headOfQueue's byte length).
		bytesToCopy := min(remaining, head.byteLength)
		// 3. Let destStart be byte offset + bytes filled.
		destStart := pid.byteOffset + pid.bytesFilled
		// 8. Perform ! CopyDataBlockBytes(descriptorBuffer.[[ArrayBufferData]], destStart,
		//    queueBuffer.[[ArrayBufferData]], queueByteOffset, bytesToCopy).
		dst := arrayBufferOf(pid.buffer).Bytes()
		src := arrayBufferOf(head.buffer).Bytes()
		copy(dst[destStart:destStart+bytesToCopy], src[head.byteOffset:head.byteOffset+bytesToCopy])
		// 9. If headOfQueue's byte length is bytesToCopy, remove queue[0].
		if head.byteLength == bytesToCopy {
			c.queue[0] = byteQueueEntry{}
			c.queue = c.queue[1:]
		} else {
			// 10. Otherwise, advance headOfQueue's byte offset and shrink its byte length.
			head.byteOffset += bytesToCopy
			head.byteLength -= bytesToCopy
		}
		// 11. Set controller.[[queueTotalSize]] to controller.[[queueTotalSize]] − bytesToCopy.
		c.queueTotalSize -= float64(bytesToCopy)
		// 12. Perform ! ReadableByteStreamControllerFillHeadPullIntoDescriptor(controller, bytesToCopy, pullIntoDescriptor).
		c.fillHeadPullIntoDescriptor(bytesToCopy, pid)
		// 13. Set totalBytesToCopyRemaining to totalBytesToCopyRemaining − bytesToCopy.
		remaining -= bytesToCopy
	}
	// 13. Return ready.
	return ready
}

// fillReadRequestFromQueue is ReadableByteStreamControllerFillReadRequestFromQueue.
func (c *ByteController) fillReadRequestFromQueue(rr *readRequest) {
	r := c.stream.r
	// 2. Let entry be controller.[[queue]][0].
	// 3. Remove entry from controller.[[queue]].
	entry := c.queue[0]
	c.queue[0] = byteQueueEntry{}
	c.queue = c.queue[1:]
	// 4. Set controller.[[queueTotalSize]] to controller.[[queueTotalSize]] − entry's byte length.
	c.queueTotalSize -= float64(entry.byteLength)
	// 5. Perform ! ReadableByteStreamControllerHandleQueueDrain(controller).
	c.handleQueueDrain()
	// 6. Let view be ! Construct(%Uint8Array%, « entry's buffer, byte offset, byte length »).
	view := r.newUint8Array(entry.buffer, entry.byteOffset, entry.byteLength)
	// 7. Perform readRequest's chunk steps, given view.
	rr.chunk(view)
}

// getBYOBRequest is ReadableByteStreamControllerGetBYOBRequest(controller); nil for null.
func (c *ByteController) getBYOBRequest() *BYOBRequest {
	r := c.stream.r
	// 1. If controller.[[byobRequest]] is null and controller.[[pendingPullIntos]] is not empty,
	if c.byobRequest == nil && len(c.pendingPullIntos) > 0 {
		// 1. Let firstDescriptor be controller.[[pendingPullIntos]][0].
		first := c.pendingPullIntos[0]
		// 2. Let view be ! Construct(%Uint8Array%, « buffer, byte offset + bytes filled, byte length − bytes filled »).
		view := r.newUint8Array(first.buffer, first.byteOffset+first.bytesFilled, first.byteLength-first.bytesFilled)
		// 3. Let byobRequest be a new ReadableStreamBYOBRequest.
		// 4. Set byobRequest.[[controller]] to controller.
		// 5. Set byobRequest.[[view]] to view.
		// 6. Set controller.[[byobRequest]] to byobRequest.
		c.byobRequest = &BYOBRequest{r: r, controller: c, view: view}
	}
	// 2. Return controller.[[byobRequest]].
	return c.byobRequest
}

// desiredSize is ReadableByteStreamControllerGetDesiredSize; ok is false for null.
func (c *ByteController) desiredSize() (float64, bool) {
	switch c.stream.state {
	case stateErrored:
		return 0, false
	case stateClosed:
		return 0, true
	}
	return c.strategyHWM - c.queueTotalSize, true
}

// handleQueueDrain is ReadableByteStreamControllerHandleQueueDrain(controller).
func (c *ByteController) handleQueueDrain() {
	// 2. If controller.[[queueTotalSize]] is 0 and controller.[[closeRequested]] is true,
	if c.queueTotalSize == 0 && c.closeRequested {
		// 1. Perform ! ReadableByteStreamControllerClearAlgorithms(controller).
		c.clearAlgorithms()
		// 2. Perform ! ReadableStreamClose(controller.[[stream]]).
		c.stream.close()
		return
	}
	// 3. Otherwise, perform ! ReadableByteStreamControllerCallPullIfNeeded(controller).
	c.callPullIfNeeded()
}

// invalidateBYOBRequest is ReadableByteStreamControllerInvalidateBYOBRequest(controller).
func (c *ByteController) invalidateBYOBRequest() {
	// 1. If controller.[[byobRequest]] is null, return.
	if c.byobRequest == nil {
		return
	}
	// 2. Set controller.[[byobRequest]].[[controller]] to undefined.
	c.byobRequest.controller = nil
	// 3. Set controller.[[byobRequest]].[[view]] to null.
	c.byobRequest.view = nil
	// 4. Set controller.[[byobRequest]] to null.
	c.byobRequest = nil
}

// processPullIntoDescriptorsUsingQueue is ReadableByteStreamControllerProcessPullIntoDescriptorsUsingQueue.
func (c *ByteController) processPullIntoDescriptorsUsingQueue() []*pullIntoDescriptor {
	// 2. Let filledPullIntos be a new empty list.
	var filled []*pullIntoDescriptor
	// 3. While controller.[[pendingPullIntos]] is not empty,
	for len(c.pendingPullIntos) > 0 {
		// 1. If controller.[[queueTotalSize]] is 0, then break.
		if c.queueTotalSize == 0 {
			break
		}
		// 2. Let pullIntoDescriptor be controller.[[pendingPullIntos]][0].
		pid := c.pendingPullIntos[0]
		// 3. If ! ReadableByteStreamControllerFillPullIntoDescriptorFromQueue(controller, pullIntoDescriptor) is true,
		if c.fillPullIntoDescriptorFromQueue(pid) {
			// 1. Perform ! ReadableByteStreamControllerShiftPendingPullInto(controller).
			c.shiftPendingPullInto()
			// 2. Append pullIntoDescriptor to filledPullIntos.
			filled = append(filled, pid)
		}
	}
	// 4. Return filledPullIntos.
	return filled
}

// processReadRequestsUsingQueue is ReadableByteStreamControllerProcessReadRequestsUsingQueue.
func (c *ByteController) processReadRequestsUsingQueue() {
	// 1. Let reader be controller.[[stream]].[[reader]].
	rd := c.stream.reader.(*DefaultReader)
	// 3. While reader.[[readRequests]] is not empty,
	for len(rd.readRequests) > 0 {
		// 1. If controller.[[queueTotalSize]] is 0, return.
		if c.queueTotalSize == 0 {
			return
		}
		// 2. Let readRequest be reader.[[readRequests]][0].
		// 3. Remove readRequest from reader.[[readRequests]].
		rr := rd.readRequests[0]
		rd.readRequests[0] = nil
		rd.readRequests = rd.readRequests[1:]
		// 4. Perform ! ReadableByteStreamControllerFillReadRequestFromQueue(controller, readRequest).
		c.fillReadRequestFromQueue(rr)
	}
}

// pullInto is ReadableByteStreamControllerPullInto(controller, view, min, readIntoRequest).
func (c *ByteController) pullInto(view arrayBufferView, min uint64, rr *readIntoRequest) {
	r := c.stream.r
	// 1. Let stream be controller.[[stream]].
	s := c.stream
	// 2. Let elementSize be 1.
	// 3. Let ctor be %DataView%.
	// 4. If view has a [[TypedArrayName]] internal slot, set elementSize and ctor from the table.
	elementSize, ctor := view.elementSize, view.ctor
	// 5. Let minimumFill be min × elementSize.
	minimumFill := int(min) * elementSize
	// 8. Let byteOffset be view.[[ByteOffset]].
	// 9. Let byteLength be view.[[ByteLength]].
	byteOffset, byteLength := view.byteOffset, view.byteLength
	// 10. Let bufferResult be TransferArrayBuffer(view.[[ViewedArrayBuffer]]).
	buffer, thrown := r.transferArrayBuffer(view.buffer)
	// 11. If bufferResult is an abrupt completion,
	if thrown != nil {
		// 1. Perform readIntoRequest's error steps, given bufferResult.[[Value]].
		rr.fail(thrown)
		// 2. Return.
		return
	}
	// 13. Let pullIntoDescriptor be a new pull-into descriptor with ...
	pid := &pullIntoDescriptor{
		buffer: buffer, bufferByteLength: bufferByteLength(buffer), byteOffset: byteOffset, byteLength: byteLength,
		bytesFilled: 0, minimumFill: minimumFill, elementSize: elementSize, viewCtor: ctor, readerType: readerBYOB,
	}
	// 14. If controller.[[pendingPullIntos]] is not empty,
	if len(c.pendingPullIntos) > 0 {
		// 1. Append pullIntoDescriptor to controller.[[pendingPullIntos]].
		c.pendingPullIntos = append(c.pendingPullIntos, pid)
		// 2. Perform ! ReadableStreamAddReadIntoRequest(stream, readIntoRequest).
		s.addReadIntoRequest(rr)
		// 3. Return.
		return
	}
	// 15. If stream.[[state]] is "closed",
	if s.state == stateClosed {
		// 1. Let emptyView be ! Construct(ctor, « buffer, byte offset, 0 »).
		empty := r.construct(ctor, pid.buffer, pid.byteOffset, 0)
		// 2. Perform readIntoRequest's close steps, given emptyView.
		rr.close(empty)
		// 3. Return.
		return
	}
	// 16. If controller.[[queueTotalSize]] > 0,
	if c.queueTotalSize > 0 {
		// 1. If ! ReadableByteStreamControllerFillPullIntoDescriptorFromQueue(controller, pullIntoDescriptor) is true,
		if c.fillPullIntoDescriptorFromQueue(pid) {
			// 1. Let filledView be ! ReadableByteStreamControllerConvertPullIntoDescriptor(pullIntoDescriptor).
			filledView := convertPullIntoDescriptor(r, pid)
			// 2. Perform ! ReadableByteStreamControllerHandleQueueDrain(controller).
			c.handleQueueDrain()
			// 3. Perform readIntoRequest's chunk steps, given filledView.
			rr.chunk(filledView)
			// 4. Return.
			return
		}
		// 2. If controller.[[closeRequested]] is true,
		if c.closeRequested {
			// 1. Let e be a TypeError exception.
			e := r.newTypeError("Insufficient bytes to fill elements in the given buffer")
			// 2. Perform ! ReadableByteStreamControllerError(controller, e).
			c.error(e)
			// 3. Perform readIntoRequest's error steps, given e.
			rr.fail(e)
			// 4. Return.
			return
		}
	}
	// 17. Append pullIntoDescriptor to controller.[[pendingPullIntos]].
	c.pendingPullIntos = append(c.pendingPullIntos, pid)
	// 18. Perform ! ReadableStreamAddReadIntoRequest(stream, readIntoRequest).
	s.addReadIntoRequest(rr)
	// 19. Perform ! ReadableByteStreamControllerCallPullIfNeeded(controller).
	c.callPullIfNeeded()
}

// respond is ReadableByteStreamControllerRespond(controller, bytesWritten).
func (c *ByteController) respond(bytesWritten uint64) goja.Value {
	r := c.stream.r
	// 2. Let firstDescriptor be controller.[[pendingPullIntos]][0].
	first := c.pendingPullIntos[0]
	// 3. Let state be controller.[[stream]].[[state]].
	// 4. If state is "closed",
	if c.stream.state == stateClosed {
		// 1. If bytesWritten is not 0, throw a TypeError exception.
		if bytesWritten != 0 {
			return r.newTypeError("bytesWritten must be 0 when calling respond() on a closed stream")
		}
	} else {
		// 5. Otherwise,
		// 2. If bytesWritten is 0, throw a TypeError exception.
		if bytesWritten == 0 {
			return r.newTypeError("bytesWritten must be greater than 0 when calling respond() on a readable stream")
		}
		// 3. If firstDescriptor's bytes filled + bytesWritten > firstDescriptor's byte length, throw a RangeError exception.
		if uint64(first.bytesFilled)+bytesWritten > uint64(first.byteLength) {
			return r.newRangeError("bytesWritten out of range")
		}
	}
	// 6. Set firstDescriptor's buffer to ! TransferArrayBuffer(firstDescriptor's buffer).
	buf, thrown := r.transferArrayBuffer(first.buffer)
	if thrown != nil {
		return thrown
	}
	first.buffer = buf
	// 7. Perform ? ReadableByteStreamControllerRespondInternal(controller, bytesWritten).
	return c.respondInternal(int(bytesWritten))
}

// respondInClosedState is ReadableByteStreamControllerRespondInClosedState(controller, firstDescriptor).
func (c *ByteController) respondInClosedState(first *pullIntoDescriptor) {
	// 2. If firstDescriptor's reader type is "none", perform ! ReadableByteStreamControllerShiftPendingPullInto(controller).
	if first.readerType == readerNone {
		c.shiftPendingPullInto()
	}
	// 3. Let stream be controller.[[stream]].
	s := c.stream
	// 4. If ! ReadableStreamHasBYOBReader(stream) is true,
	if s.hasBYOBReader() {
		// 1. Let filledPullIntos be a new empty list.
		var filled []*pullIntoDescriptor
		// 2. While filledPullIntos's size < ! ReadableStreamGetNumReadIntoRequests(stream),
		for len(filled) < s.numReadIntoRequests() {
			// 1. Let pullIntoDescriptor be ! ReadableByteStreamControllerShiftPendingPullInto(controller).
			// 2. Append pullIntoDescriptor to filledPullIntos.
			filled = append(filled, c.shiftPendingPullInto())
		}
		// 3. For each filledPullInto of filledPullIntos, perform ! ReadableByteStreamControllerCommitPullIntoDescriptor(stream, filledPullInto).
		for _, pid := range filled {
			commitPullIntoDescriptor(s, pid)
		}
	}
}

// respondInReadableState is ReadableByteStreamControllerRespondInReadableState(controller, bytesWritten, pullIntoDescriptor).
func (c *ByteController) respondInReadableState(bytesWritten int, pid *pullIntoDescriptor) goja.Value {
	s := c.stream
	// 2. Perform ! ReadableByteStreamControllerFillHeadPullIntoDescriptor(controller, bytesWritten, pullIntoDescriptor).
	c.fillHeadPullIntoDescriptor(bytesWritten, pid)
	// 3. If pullIntoDescriptor's reader type is "none",
	if pid.readerType == readerNone {
		// 1. Perform ? ReadableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller, pullIntoDescriptor).
		if thrown := c.enqueueDetachedPullIntoToQueue(pid); thrown != nil {
			return thrown
		}
		// 2. Let filledPullIntos be the result of performing ! ReadableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller).
		// 3. For each filledPullInto of filledPullIntos, perform ! ReadableByteStreamControllerCommitPullIntoDescriptor(...).
		for _, f := range c.processPullIntoDescriptorsUsingQueue() {
			commitPullIntoDescriptor(s, f)
		}
		// 4. Return.
		return nil
	}
	// 4. If pullIntoDescriptor's bytes filled < pullIntoDescriptor's minimum fill, return.
	if pid.bytesFilled < pid.minimumFill {
		return nil
	}
	// 5. Perform ! ReadableByteStreamControllerShiftPendingPullInto(controller).
	c.shiftPendingPullInto()
	// 6. Let remainderSize be the remainder after dividing bytes filled by element size.
	remainderSize := pid.bytesFilled % pid.elementSize
	// 7. If remainderSize > 0,
	if remainderSize > 0 {
		// 1. Let end be byte offset + bytes filled.
		end := pid.byteOffset + pid.bytesFilled
		// 2. Perform ? ReadableByteStreamControllerEnqueueClonedChunkToQueue(controller, buffer, end − remainderSize, remainderSize).
		if thrown := c.enqueueClonedChunkToQueue(pid.buffer, end-remainderSize, remainderSize); thrown != nil {
			return thrown
		}
	}
	// 8. Set pullIntoDescriptor's bytes filled to bytes filled − remainderSize.
	pid.bytesFilled -= remainderSize
	// 9. Let filledPullIntos be the result of performing ! ReadableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller).
	filled := c.processPullIntoDescriptorsUsingQueue()
	// 10. Perform ! ReadableByteStreamControllerCommitPullIntoDescriptor(controller.[[stream]], pullIntoDescriptor).
	commitPullIntoDescriptor(s, pid)
	// 11. For each filledPullInto of filledPullIntos, perform ! ReadableByteStreamControllerCommitPullIntoDescriptor(...).
	for _, f := range filled {
		commitPullIntoDescriptor(s, f)
	}
	return nil
}

// respondInternal is ReadableByteStreamControllerRespondInternal(controller, bytesWritten).
func (c *ByteController) respondInternal(bytesWritten int) goja.Value {
	// 1. Let firstDescriptor be controller.[[pendingPullIntos]][0].
	first := c.pendingPullIntos[0]
	// 3. Perform ! ReadableByteStreamControllerInvalidateBYOBRequest(controller).
	c.invalidateBYOBRequest()
	// 4. Let state be controller.[[stream]].[[state]].
	if c.stream.state == stateClosed {
		// 5. If state is "closed", perform ! ReadableByteStreamControllerRespondInClosedState(controller, firstDescriptor).
		c.respondInClosedState(first)
	} else {
		// 6. Otherwise, perform ? ReadableByteStreamControllerRespondInReadableState(controller, bytesWritten, firstDescriptor).
		if thrown := c.respondInReadableState(bytesWritten, first); thrown != nil {
			return thrown
		}
	}
	// 7. Perform ! ReadableByteStreamControllerCallPullIfNeeded(controller).
	c.callPullIfNeeded()
	return nil
}

// respondWithNewView is ReadableByteStreamControllerRespondWithNewView(controller, view).
func (c *ByteController) respondWithNewView(view arrayBufferView) goja.Value {
	r := c.stream.r
	// 3. Let firstDescriptor be controller.[[pendingPullIntos]][0].
	first := c.pendingPullIntos[0]
	// 4. Let state be controller.[[stream]].[[state]].
	if c.stream.state == stateClosed {
		// 5. If state is "closed", if view.[[ByteLength]] is not 0, throw a TypeError exception.
		if view.byteLength != 0 {
			return r.newTypeError("The view's length must be 0 when calling respondWithNewView() on a closed stream")
		}
	} else {
		// 6. Otherwise, if view.[[ByteLength]] is 0, throw a TypeError exception.
		if view.byteLength == 0 {
			return r.newTypeError("The view's length must be greater than 0 when calling respondWithNewView() on a readable stream")
		}
	}
	// 7. If firstDescriptor's byte offset + bytes filled is not view.[[ByteOffset]], throw a RangeError exception.
	if first.byteOffset+first.bytesFilled != view.byteOffset {
		return r.newRangeError("The region specified by view does not match byobRequest")
	}
	// 8. If firstDescriptor's buffer byte length is not view.[[ViewedArrayBuffer]].[[ByteLength]], throw a RangeError exception.
	if first.bufferByteLength != bufferByteLength(view.buffer) {
		return r.newRangeError("The buffer of view has different capacity than byobRequest")
	}
	// 9. If firstDescriptor's bytes filled + view.[[ByteLength]] > firstDescriptor's byte length, throw a RangeError exception.
	if first.bytesFilled+view.byteLength > first.byteLength {
		return r.newRangeError("The region specified by view is larger than byobRequest")
	}
	// 10. Let viewByteLength be view.[[ByteLength]].
	viewByteLength := view.byteLength
	// 11. Set firstDescriptor's buffer to ? TransferArrayBuffer(view.[[ViewedArrayBuffer]]).
	buf, thrown := r.transferArrayBuffer(view.buffer)
	if thrown != nil {
		return thrown
	}
	first.buffer = buf
	// 12. Perform ? ReadableByteStreamControllerRespondInternal(controller, viewByteLength).
	return c.respondInternal(viewByteLength)
}

// shiftPendingPullInto is ReadableByteStreamControllerShiftPendingPullInto(controller).
func (c *ByteController) shiftPendingPullInto() *pullIntoDescriptor {
	// 2. Let descriptor be controller.[[pendingPullIntos]][0].
	// 3. Remove descriptor from controller.[[pendingPullIntos]].
	d := c.pendingPullIntos[0]
	c.pendingPullIntos[0] = nil
	c.pendingPullIntos = c.pendingPullIntos[1:]
	// 4. Return descriptor.
	return d
}

// shouldCallPull is ReadableByteStreamControllerShouldCallPull(controller).
func (c *ByteController) shouldCallPull() bool {
	s := c.stream
	// 2. If stream.[[state]] is not "readable", return false.
	if s.state != stateReadable {
		return false
	}
	// 3. If controller.[[closeRequested]] is true, return false.
	if c.closeRequested {
		return false
	}
	// 4. If controller.[[started]] is false, return false.
	if !c.started {
		return false
	}
	// 5. If ! ReadableStreamHasDefaultReader(stream) is true and ! ReadableStreamGetNumReadRequests(stream) > 0, return true.
	if s.hasDefaultReader() && s.numReadRequests() > 0 {
		return true
	}
	// 6. If ! ReadableStreamHasBYOBReader(stream) is true and ! ReadableStreamGetNumReadIntoRequests(stream) > 0, return true.
	if s.hasBYOBReader() && s.numReadIntoRequests() > 0 {
		return true
	}
	// 7. Let desiredSize be ! ReadableByteStreamControllerGetDesiredSize(controller).
	// 9. If desiredSize > 0, return true.
	ds, _ := c.desiredSize()
	return ds > 0
}

// setUpByteController is SetUpReadableByteStreamController(stream, controller,
// startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark,
// autoAllocateChunkSize); autoAllocateChunkSize 0 means undefined.
func setUpByteController(s *ReadableStream, c *ByteController, start func() goja.Value, pull func() *goja.Object, cancel func(goja.Value) *goja.Object, hwm float64, autoAllocateChunkSize int) {
	r := s.r
	// 3. Set controller.[[stream]] to stream.
	c.stream = s
	// 4. Set controller.[[pullAgain]] and controller.[[pulling]] to false.
	// 5. Set controller.[[byobRequest]] to null.
	// 6. Perform ! ResetQueue(controller).
	c.resetQueue()
	// 7. Set controller.[[closeRequested]] and controller.[[started]] to false.
	// 8. Set controller.[[strategyHWM]] to highWaterMark.
	c.strategyHWM = hwm
	// 9. Set controller.[[pullAlgorithm]] to pullAlgorithm.
	c.pullAlgorithm = pull
	// 10. Set controller.[[cancelAlgorithm]] to cancelAlgorithm.
	c.cancelAlgorithm = cancel
	// 11. Set controller.[[autoAllocateChunkSize]] to autoAllocateChunkSize.
	c.autoAllocateChunkSize = autoAllocateChunkSize
	// 12. Set controller.[[pendingPullIntos]] to a new empty list.
	c.pendingPullIntos = nil
	// 13. Set stream.[[controller]] to controller.
	s.controller = c
	// 14. Let startResult be the result of performing startAlgorithm.
	startResult := start()
	// 15. Let startPromise be a promise resolved with startResult.
	startPromise := r.internalResolvedWith(startResult)
	r.upon(startPromise, func(goja.Value) {
		// 16. Upon fulfillment of startPromise,
		// 1. Set controller.[[started]] to true.
		c.started = true
		// 4. Perform ! ReadableByteStreamControllerCallPullIfNeeded(controller).
		c.callPullIfNeeded()
	}, func(e goja.Value) {
		// 17. Upon rejection of startPromise with reason r,
		// 1. Perform ! ReadableByteStreamControllerError(controller, r).
		c.error(e)
	})
}

// A BYOBRequest is a ReadableStreamBYOBRequest.
type BYOBRequest struct {
	jsclass.Shell
	r          *realm
	obj        *goja.Object
	controller *ByteController // nil once invalidated
	view       *goja.Object    // nil once invalidated
}

func (b *BYOBRequest) object() *goja.Object {
	if b.obj == nil {
		b.obj = jsclass.New(b.r.iso, ReadableStreamBYOBRequestClass, b)
	}
	return b.obj
}
