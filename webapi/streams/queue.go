package streams

import (
	"math"

	"github.com/dop251/goja"
)

// Queue-with-sizes (https://streams.spec.whatwg.org/#queue-with-sizes).

type valueWithSize struct {
	value goja.Value
	size  float64
}

// sizeQueue is a container's [[queue]] and [[queueTotalSize]].
type sizeQueue struct {
	items []valueWithSize
	total float64
}

func (q *sizeQueue) empty() bool { return len(q.items) == 0 }

// dequeue is DequeueValue.
func (q *sizeQueue) dequeue() goja.Value {
	// 3. Let valueWithSize be container.[[queue]][0].
	// 4. Remove valueWithSize from container.[[queue]].
	vs := q.items[0]
	q.items[0] = valueWithSize{}
	q.items = q.items[1:]
	// 5. Set container.[[queueTotalSize]] to container.[[queueTotalSize]] − valueWithSize's size.
	q.total -= vs.size
	// 6. If container.[[queueTotalSize]] < 0, set it to 0. (Rounding errors.)
	if q.total < 0 {
		q.total = 0
	}
	return vs.value
}

// enqueue is EnqueueValueWithSize; it returns the RangeError to throw, if any.
func (q *sizeQueue) enqueue(r *realm, v goja.Value, size float64) goja.Value {
	// 2. If ! IsNonNegativeNumber(size) is false, throw a RangeError exception.
	// 3. If size is +∞, throw a RangeError exception.
	if math.IsNaN(size) || size < 0 || math.IsInf(size, 1) {
		return r.newRangeError("The return value of a queuing strategy's size function must be a finite, non-NaN, non-negative number")
	}
	// 4. Append a new value-with-size with value value and size size to container.[[queue]].
	q.items = append(q.items, valueWithSize{value: v, size: size})
	// 5. Set container.[[queueTotalSize]] to container.[[queueTotalSize]] + size.
	q.total += size
	return nil
}

// peek is PeekQueueValue.
func (q *sizeQueue) peek() goja.Value { return q.items[0].value }

// reset is ResetQueue.
func (q *sizeQueue) reset() {
	q.items = nil
	q.total = 0
}
