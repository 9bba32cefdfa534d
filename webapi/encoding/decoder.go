package encoding

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// ErrInvalidData is returned by fatal decoders for malformed input (the
// Encoding Standard's "error" result in fatal error mode).
var ErrInvalidData = errors.New("encoding: the encoded data was not valid")

// ErrUnknownEncoding is returned for labels that name no encoding, and for
// the replacement encoding where the API forbids it.
var ErrUnknownEncoding = errors.New("encoding: unknown encoding label")

// An Encoding is one of the Encoding Standard's encodings.
type Encoding struct {
	// Name is the encoding's name as the standard spells it ("UTF-8", "Shift_JIS").
	Name string
	// newDecoder returns a fresh decoder instance.
	newDecoder func() decoder
}

// LowerName is the name as TextDecoder.encoding reports it (ASCII lowercase).
func (e *Encoding) LowerName() string { return strings.ToLower(e.Name) }

// Lookup implements "get an encoding" (https://encoding.spec.whatwg.org/#concept-encoding-get):
// the label is trimmed of ASCII whitespace and matched ASCII case-insensitively.
func Lookup(label string) (*Encoding, bool) {
	label = strings.Trim(label, "\t\n\f\r ")
	name, ok := labels[asciiLower(label)]
	if !ok {
		return nil, false
	}
	return encodings[name], true
}

func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// A decoder is one encoding's decoder algorithm with its state. decode
// processes in (with flush, followed by end-of-queue) and appends the
// UTF-8 of the code points it produces to out. In fatal mode it stops at
// the first error and reports it; otherwise each error appends U+FFFD.
// A decoder that returns "finished" early (replacement) ignores the rest.
type decoder interface {
	decode(out, in []byte, flush, fatal bool) ([]byte, bool)
}

// status is the result of a decoder's handler for one byte.
type status int

const (
	statusContinue status = iota
	statusError
	statusFinished
)

// eoq is the end-of-queue "byte".
const eoq = -1

// handler is a byte-at-a-time decoder (the form the standard writes the
// legacy decoders in). handle returns the code points it emits via emit;
// it may restore bytes to the stream via q.restore.
type handler interface {
	handle(q *queue, b int, emit func(rune)) status
}

// queue feeds a handler: restored bytes first, then the input.
type queue struct {
	restored []byte
}

// restore prepends bytes to the stream ("restore ... to ioQueue").
func (q *queue) restore(bs ...byte) {
	q.restored = append(append([]byte(nil), bs...), q.restored...)
}

// byteDecoder runs a handler over input: the standard's "process a queue".
type byteDecoder struct {
	h        handler
	q        queue
	finished bool
}

func (d *byteDecoder) decode(out, in []byte, flush, fatal bool) ([]byte, bool) {
	if d.finished {
		return out, false
	}
	emit := func(r rune) { out = utf8.AppendRune(out, r) }
	i := 0
	for {
		var b int
		switch {
		case len(d.q.restored) > 0:
			b = int(d.q.restored[0])
			d.q.restored = d.q.restored[1:]
		case i < len(in):
			b = int(in[i])
			i++
		case flush:
			b = eoq
		default:
			return out, false
		}
		// End-of-queue is never consumed: it is read again until the handler
		// returns finished (a handler may restore bytes before it).
		switch d.h.handle(&d.q, b, emit) {
		case statusFinished:
			d.finished = b != eoq // replacement: ignore the rest of the stream
			return out, false
		case statusError:
			if fatal {
				return out, true
			}
			out = append(out, "\uFFFD"...)
		}
	}
}

// A Decoder decodes a stream of bytes in one encoding the way TextDecoder
// does (https://encoding.spec.whatwg.org/#dom-textdecoder-decode), keeping
// state between Decode calls made with stream=true.
type Decoder struct {
	enc        *Encoding
	fatal      bool
	ignoreBOM  bool
	dec        decoder
	bomSeen    bool
	doNotFlush bool
	buf        []byte
}

// NewDecoder returns a Decoder for the encoding a label names. The
// replacement encoding is refused, as the TextDecoder constructor does.
func NewDecoder(label string, fatal, ignoreBOM bool) (*Decoder, error) {
	enc, ok := Lookup(label)
	if !ok || enc.Name == "replacement" {
		return nil, ErrUnknownEncoding
	}
	return &Decoder{enc: enc, fatal: fatal, ignoreBOM: ignoreBOM}, nil
}

// Encoding returns the decoder's encoding.
func (d *Decoder) Encoding() *Encoding { return d.enc }

// Fatal reports whether errors are reported rather than replaced.
func (d *Decoder) Fatal() bool { return d.fatal }

// IgnoreBOM reports whether a leading byte order mark is kept.
func (d *Decoder) IgnoreBOM() bool { return d.ignoreBOM }

// Decode runs TextDecoder's decode(input, {stream}) steps.
func (d *Decoder) Decode(input []byte, stream bool) (string, error) {
	// 1. If this's do not flush is false, then set this's decoder to a new
	//    instance of this's encoding's decoder, this's I/O queue to the I/O
	//    queue of bytes « end-of-queue », and this's BOM seen to false.
	if !d.doNotFlush {
		if u, ok := d.dec.(*utf8Decoder); ok {
			*u = utf8Decoder{} // reuse: TextDecoders are typically reused per chunk
		} else {
			d.dec = d.enc.newDecoder()
		}
		d.bomSeen = false
		// Fast path: a whole, valid UTF-8 input decodes to itself.
		if !stream && d.enc.Name == "UTF-8" && utf8.Valid(input) {
			if !d.ignoreBOM && len(input) >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF {
				input = input[3:]
			}
			return string(input), nil
		}
	}
	// 2. Set this's do not flush to options["stream"].
	d.doNotFlush = stream
	// 3-5. Process the input (and, unless streaming, end-of-queue).
	out, bad := d.dec.decode(d.buf[:0], input, !stream, d.fatal)
	d.buf = out[:0]
	if bad {
		// A fatal error ends the stream: the next call starts afresh.
		d.doNotFlush = false
		return "", ErrInvalidData
	}
	return d.serialize(out), nil
}

// serialize implements "serialize I/O queue": the output, minus a leading
// U+FEFF for the UTF encodings unless ignoreBOM.
func (d *Decoder) serialize(out []byte) string {
	if len(out) == 0 {
		return ""
	}
	if !d.ignoreBOM && !d.bomSeen {
		switch d.enc.Name {
		case "UTF-8", "UTF-16LE", "UTF-16BE":
			d.bomSeen = true
			if len(out) >= 3 && out[0] == 0xEF && out[1] == 0xBB && out[2] == 0xBF {
				out = out[3:]
			}
		}
	}
	return string(out)
}

// Decode decodes b as a whole in the encoding the label names (BOM
// handling as TextDecoder: a leading BOM of a UTF encoding is removed
// unless ignoreBOM). With fatal, malformed input is ErrInvalidData;
// otherwise it becomes U+FFFD.
func Decode(label string, b []byte, fatal, ignoreBOM bool) (string, error) {
	d, err := NewDecoder(label, fatal, ignoreBOM)
	if err != nil {
		return "", err
	}
	return d.Decode(b, false)
}

// UTF8 is the UTF-8 encoding.
func UTF8() *Encoding { return encodings["UTF-8"] }

// DecodeWithBOMSniff implements the Encoding Standard's "decode"
// (https://encoding.spec.whatwg.org/#decode): a UTF-8, UTF-16BE or
// UTF-16LE byte order mark selects that encoding and is removed; otherwise
// fallback decodes the bytes. Errors become U+FFFD.
func DecodeWithBOMSniff(fallback *Encoding, b []byte) string {
	enc := fallback
	// 1. Let BOMEncoding be the result of BOM sniffing ioQueue.
	// 2. If BOMEncoding is non-null: set encoding to BOMEncoding and read
	//    three bytes from ioQueue, if BOMEncoding is UTF-8; otherwise read two bytes.
	switch {
	case len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF:
		enc, b = encodings["UTF-8"], b[3:]
	case len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF:
		enc, b = encodings["UTF-16BE"], b[2:]
	case len(b) >= 2 && b[0] == 0xFF && b[1] == 0xFE:
		enc, b = encodings["UTF-16LE"], b[2:]
	}
	// 3. Process a queue with an instance of encoding's decoder, ioQueue,
	//    output, and "replacement".
	out, _ := enc.newDecoder().decode(nil, b, true, false)
	return string(out)
}
