package encoding

// The legacy multi-byte decoders, step by step as the Encoding Standard
// writes them (https://encoding.spec.whatwg.org/#legacy-multi-byte-chinese-(simplified)-encodings
// and the sections after it). Each handler processes one byte (or eoq).

func isASCII(b int) bool { return b >= 0 && b <= 0x7F }

func inRange(b, lo, hi int) bool { return b >= lo && b <= hi }

// gb18030Decoder implements https://encoding.spec.whatwg.org/#gb18030-decoder
// (GBK uses the same decoder).
type gb18030Decoder struct{ first, second, third int }

func (d *gb18030Decoder) handle(q *queue, b int, emit func(rune)) status {
	// 1. If byte is end-of-queue and gb18030 first, gb18030 second, and
	//    gb18030 third are 0x00, then return finished.
	// 2. If byte is end-of-queue, and gb18030 first, gb18030 second, or
	//    gb18030 third is not 0x00, then set them to 0x00 and return error.
	if b == eoq {
		if d.first == 0 && d.second == 0 && d.third == 0 {
			return statusFinished
		}
		d.first, d.second, d.third = 0, 0, 0
		return statusError
	}
	// 3. If gb18030 third is not 0x00, then:
	if d.third != 0 {
		// 3.1. If byte is not in the range 0x30 to 0x39, inclusive, then: restore
		//      « gb18030 second, gb18030 third, byte » to ioQueue, set the three
		//      to 0x00, and return error.
		if !inRange(b, 0x30, 0x39) {
			q.restore(byte(d.second), byte(d.third), byte(b))
			d.first, d.second, d.third = 0, 0, 0
			return statusError
		}
		// 3.2. Let code point be the index gb18030 ranges code point for
		//      ((((gb18030 first − 0x81) × 10 + gb18030 second − 0x30) × 126 +
		//      gb18030 third − 0x81) × 10 + byte − 0x30.
		pointer := (((d.first-0x81)*10+d.second-0x30)*126+d.third-0x81)*10 + b - 0x30
		cp := gb18030RangesCodePoint(pointer)
		// 3.3. Set gb18030 first, gb18030 second, and gb18030 third to 0x00.
		d.first, d.second, d.third = 0, 0, 0
		// 3.4. If code point is null, return error.
		if cp == 0 {
			return statusError
		}
		// 3.5. Return a code point whose value is code point.
		emit(cp)
		return statusContinue
	}
	// 4. If gb18030 second is not 0x00, then:
	if d.second != 0 {
		// 4.1. If byte is in the range 0x81 to 0xFE, inclusive, then set gb18030
		//      third to byte and return continue.
		if inRange(b, 0x81, 0xFE) {
			d.third = b
			return statusContinue
		}
		// 4.2. Restore « gb18030 second, byte » to ioQueue, set gb18030 first and
		//      gb18030 second to 0x00, and return error.
		q.restore(byte(d.second), byte(b))
		d.first, d.second = 0, 0
		return statusError
	}
	// 5. If gb18030 first is not 0x00, then:
	if d.first != 0 {
		// 5.1. If byte is in the range 0x30 to 0x39, inclusive, then set gb18030
		//      second to byte and return continue.
		if inRange(b, 0x30, 0x39) {
			d.second = b
			return statusContinue
		}
		// 5.2. Let lead be gb18030 first, let pointer be null, and set gb18030
		//      first to 0x00.
		lead := d.first
		d.first = 0
		pointer := -1
		// 5.3. Let offset be 0x40 if byte is less than 0x7F, otherwise 0x41.
		offset := 0x41
		if b < 0x7F {
			offset = 0x40
		}
		// 5.4. If byte is in the range 0x40 to 0x7E, inclusive, or 0x80 to 0xFE,
		//      inclusive, set pointer to (lead − 0x81) × 190 + (byte − offset).
		if inRange(b, 0x40, 0x7E) || inRange(b, 0x80, 0xFE) {
			pointer = (lead-0x81)*190 + (b - offset)
		}
		// 5.5. Let code point be null if pointer is null, otherwise the index code
		//      point for pointer in index gb18030.
		var cp rune
		if pointer >= 0 {
			ix, _ := gb18030Tables()
			cp = ix.at(pointer)
		}
		// 5.6. If code point is non-null, return a code point whose value is code point.
		if cp != 0 {
			emit(cp)
			return statusContinue
		}
		// 5.7. If byte is an ASCII byte, restore byte to ioQueue.
		if isASCII(b) {
			q.restore(byte(b))
		}
		// 5.8. Return error.
		return statusError
	}
	switch {
	// 6. If byte is an ASCII byte, return a code point whose value is byte.
	case isASCII(b):
		emit(rune(b))
	// 7. If byte is 0x80, return code point U+20AC (€).
	case b == 0x80:
		emit(0x20AC)
	// 8. If byte is in the range 0x81 to 0xFE, inclusive, set gb18030 first to
	//    byte and return continue.
	case inRange(b, 0x81, 0xFE):
		d.first = b
	// 9. Return error.
	default:
		return statusError
	}
	return statusContinue
}

// big5Decoder implements https://encoding.spec.whatwg.org/#big5-decoder.
type big5Decoder struct{ lead int }

func (d *big5Decoder) handle(q *queue, b int, emit func(rune)) status {
	// 1. If byte is end-of-queue and Big5 lead is not 0x00, set Big5 lead to
	//    0x00 and return error.
	// 2. If byte is end-of-queue and Big5 lead is 0x00, return finished.
	if b == eoq {
		if d.lead != 0 {
			d.lead = 0
			return statusError
		}
		return statusFinished
	}
	// 3. If Big5 lead is not 0x00, let lead be Big5 lead, let pointer be null,
	//    set Big5 lead to 0x00, and then:
	if d.lead != 0 {
		lead := d.lead
		d.lead = 0
		pointer := -1
		// 3.1. Let offset be 0x40 if byte is less than 0x7F, otherwise 0x62.
		offset := 0x62
		if b < 0x7F {
			offset = 0x40
		}
		// 3.2. If byte is in the range 0x40 to 0x7E, inclusive, or 0xA1 to 0xFE,
		//      inclusive, set pointer to (lead − 0x81) × 157 + (byte − offset).
		if inRange(b, 0x40, 0x7E) || inRange(b, 0xA1, 0xFE) {
			pointer = (lead-0x81)*157 + (b - offset)
		}
		// 3.3. If there is a row in the table below whose first column is
		//      pointer, return the two code points listed in its second column.
		switch pointer {
		case 1133:
			emit(0x00CA)
			emit(0x0304)
			return statusContinue
		case 1135:
			emit(0x00CA)
			emit(0x030C)
			return statusContinue
		case 1164:
			emit(0x00EA)
			emit(0x0304)
			return statusContinue
		case 1166:
			emit(0x00EA)
			emit(0x030C)
			return statusContinue
		}
		// 3.4. Let code point be null if pointer is null, otherwise the index code
		//      point for pointer in index Big5.
		var cp rune
		if pointer >= 0 {
			cp = big5().at(pointer)
		}
		// 3.5. If code point is non-null, return a code point whose value is code point.
		if cp != 0 {
			emit(cp)
			return statusContinue
		}
		// 3.6. If byte is an ASCII byte, restore byte to ioQueue.
		if isASCII(b) {
			q.restore(byte(b))
		}
		// 3.7. Return error.
		return statusError
	}
	switch {
	// 4. If byte is an ASCII byte, return a code point whose value is byte.
	case isASCII(b):
		emit(rune(b))
	// 5. If byte is in the range 0x81 to 0xFE, inclusive, set Big5 lead to
	//    byte and return continue.
	case inRange(b, 0x81, 0xFE):
		d.lead = b
	// 6. Return error.
	default:
		return statusError
	}
	return statusContinue
}

// eucJPDecoder implements https://encoding.spec.whatwg.org/#euc-jp-decoder.
type eucJPDecoder struct {
	jis0212 bool
	lead    int
}

func (d *eucJPDecoder) handle(q *queue, b int, emit func(rune)) status {
	// 1. If byte is end-of-queue and EUC-JP lead is not 0x00, set EUC-JP lead
	//    to 0x00, and return error.
	// 2. If byte is end-of-queue and EUC-JP lead is 0x00, return finished.
	if b == eoq {
		if d.lead != 0 {
			d.lead = 0
			return statusError
		}
		return statusFinished
	}
	// 3. If EUC-JP lead is 0x8E and byte is in the range 0xA1 to 0xDF,
	//    inclusive, set EUC-JP lead to 0x00 and return a code point whose
	//    value is 0xFF61 − 0xA1 + byte.
	if d.lead == 0x8E && inRange(b, 0xA1, 0xDF) {
		d.lead = 0
		emit(rune(0xFF61 - 0xA1 + b))
		return statusContinue
	}
	// 4. If EUC-JP lead is 0x8F and byte is in the range 0xA1 to 0xFE,
	//    inclusive, set the EUC-JP jis0212 flag, set EUC-JP lead to byte, and
	//    return continue.
	if d.lead == 0x8F && inRange(b, 0xA1, 0xFE) {
		d.jis0212 = true
		d.lead = b
		return statusContinue
	}
	// 5. If EUC-JP lead is not 0x00, let lead be EUC-JP lead, set EUC-JP lead
	//    to 0x00, and then:
	if d.lead != 0 {
		lead := d.lead
		d.lead = 0
		// 5.1. Let code point be null.
		var cp rune
		// 5.2. If lead and byte are both in the range 0xA1 to 0xFE, inclusive,
		//      then set code point to the index code point for (lead − 0xA1) ×
		//      94 + byte − 0xA1 in index jis0208 if the EUC-JP jis0212 flag is
		//      unset and in index jis0212 otherwise.
		if inRange(lead, 0xA1, 0xFE) && inRange(b, 0xA1, 0xFE) {
			p := (lead-0xA1)*94 + b - 0xA1
			if d.jis0212 {
				cp = jis0212().at(p)
			} else {
				cp = jis0208().at(p)
			}
		}
		// 5.3. Unset the EUC-JP jis0212 flag.
		d.jis0212 = false
		// 5.4. If code point is non-null, return a code point whose value is code point.
		if cp != 0 {
			emit(cp)
			return statusContinue
		}
		// 5.5. If byte is an ASCII byte, restore byte to ioQueue.
		if isASCII(b) {
			q.restore(byte(b))
		}
		// 5.6. Return error.
		return statusError
	}
	switch {
	// 6. If byte is an ASCII byte, return a code point whose value is byte.
	case isASCII(b):
		emit(rune(b))
	// 7. If byte is 0x8E, 0x8F, or in the range 0xA1 to 0xFE, inclusive, set
	//    EUC-JP lead to byte and return continue.
	case b == 0x8E || b == 0x8F || inRange(b, 0xA1, 0xFE):
		d.lead = b
	// 8. Return error.
	default:
		return statusError
	}
	return statusContinue
}

// ISO-2022-JP decoder states.
const (
	isoASCII = iota
	isoRoman
	isoKatakana
	isoLeadByte
	isoTrailByte
	isoEscapeStart
	isoEscape
)

// iso2022JPDecoder implements https://encoding.spec.whatwg.org/#iso-2022-jp-decoder.
type iso2022JPDecoder struct {
	state, outputState int
	lead               int
	output             bool
}

func (d *iso2022JPDecoder) handle(q *queue, b int, emit func(rune)) status {
	switch d.state {
	case isoASCII:
		switch {
		case b == 0x1B:
			d.state = isoEscapeStart
			return statusContinue
		case isASCII(b) && b != 0x0E && b != 0x0F:
			d.output = false
			emit(rune(b))
			return statusContinue
		case b == eoq:
			return statusFinished
		default:
			d.output = false
			return statusError
		}
	case isoRoman:
		switch {
		case b == 0x1B:
			d.state = isoEscapeStart
			return statusContinue
		case b == 0x5C:
			d.output = false
			emit(0x00A5)
			return statusContinue
		case b == 0x7E:
			d.output = false
			emit(0x203E)
			return statusContinue
		case isASCII(b) && b != 0x0E && b != 0x0F:
			d.output = false
			emit(rune(b))
			return statusContinue
		case b == eoq:
			return statusFinished
		default:
			d.output = false
			return statusError
		}
	case isoKatakana:
		switch {
		case b == 0x1B:
			d.state = isoEscapeStart
			return statusContinue
		case inRange(b, 0x21, 0x5F):
			d.output = false
			emit(rune(0xFF61 - 0x21 + b))
			return statusContinue
		case b == eoq:
			return statusFinished
		default:
			d.output = false
			return statusError
		}
	case isoLeadByte:
		switch {
		case b == 0x1B:
			d.state = isoEscapeStart
			return statusContinue
		case inRange(b, 0x21, 0x7E):
			d.output = false
			d.lead = b
			d.state = isoTrailByte
			return statusContinue
		case b == eoq:
			return statusFinished
		default:
			d.output = false
			return statusError
		}
	case isoTrailByte:
		switch {
		case b == 0x1B:
			d.state = isoEscapeStart
			return statusError
		case inRange(b, 0x21, 0x7E):
			d.state = isoLeadByte
			cp := jis0208().at((d.lead-0x21)*94 + b - 0x21)
			if cp == 0 {
				return statusError
			}
			emit(cp)
			return statusContinue
		case b == eoq:
			// Set the decoder state to lead byte, restore byte to ioQueue
			// (end-of-queue is read again), and return error.
			d.state = isoLeadByte
			return statusError
		default:
			d.state = isoLeadByte
			return statusError
		}
	case isoEscapeStart:
		// 1. If byte is either 0x24 or 0x28, set ISO-2022-JP lead to byte,
		//    ISO-2022-JP decoder state to escape, and return continue.
		if b == 0x24 || b == 0x28 {
			d.lead = b
			d.state = isoEscape
			return statusContinue
		}
		// 2. If byte is not end-of-queue, then restore byte to ioQueue.
		if b != eoq {
			q.restore(byte(b))
		}
		// 3. Unset the ISO-2022-JP output flag, set ISO-2022-JP decoder state to
		//    ISO-2022-JP output state, and return error.
		d.output = false
		d.state = d.outputState
		return statusError
	default: // isoEscape
		// 1. Let lead be ISO-2022-JP lead and set ISO-2022-JP lead to 0x00.
		lead := d.lead
		d.lead = 0
		// 2-6. Let state be the state the escape sequence selects, if any.
		state := -1
		switch {
		case lead == 0x28 && b == 0x42:
			state = isoASCII
		case lead == 0x28 && b == 0x4A:
			state = isoRoman
		case lead == 0x28 && b == 0x49:
			state = isoKatakana
		case lead == 0x24 && (b == 0x40 || b == 0x42):
			state = isoLeadByte
		}
		// 7. If state is non-null, then:
		if state >= 0 {
			// 7.1. Set ISO-2022-JP decoder state and ISO-2022-JP output state to state.
			d.state, d.outputState = state, state
			// 7.2. Let output be the value of the ISO-2022-JP output flag.
			output := d.output
			// 7.3. Set the ISO-2022-JP output flag.
			d.output = true
			// 7.4. Return continue, if output is unset, and error otherwise.
			if output {
				return statusError
			}
			return statusContinue
		}
		// 8. If byte is end-of-queue, then restore lead to ioQueue; otherwise,
		//    restore « lead, byte » to ioQueue.
		if b == eoq {
			q.restore(byte(lead))
		} else {
			q.restore(byte(lead), byte(b))
		}
		// 9. Unset the ISO-2022-JP output flag, set ISO-2022-JP decoder state
		//    to ISO-2022-JP output state and return error.
		d.output = false
		d.state = d.outputState
		return statusError
	}
}

// shiftJISDecoder implements https://encoding.spec.whatwg.org/#shift_jis-decoder.
type shiftJISDecoder struct{ lead int }

func (d *shiftJISDecoder) handle(q *queue, b int, emit func(rune)) status {
	// 1-2. End-of-queue: error if a lead is pending, finished otherwise.
	if b == eoq {
		if d.lead != 0 {
			d.lead = 0
			return statusError
		}
		return statusFinished
	}
	// 3. If Shift_JIS lead is not 0x00, let lead be Shift_JIS lead, let
	//    pointer be null, set Shift_JIS lead to 0x00, and then:
	if d.lead != 0 {
		lead := d.lead
		d.lead = 0
		pointer := -1
		// 3.1. Let offset be 0x40 if byte is less than 0x7F, otherwise 0x41.
		offset := 0x41
		if b < 0x7F {
			offset = 0x40
		}
		// 3.2. Let lead offset be 0x81 if lead is less than 0xA0, otherwise 0xC1.
		leadOffset := 0xC1
		if lead < 0xA0 {
			leadOffset = 0x81
		}
		// 3.3. If byte is in the range 0x40 to 0x7E, inclusive, or 0x80 to 0xFC,
		//      inclusive, set pointer to (lead − lead offset) × 188 + byte − offset.
		if inRange(b, 0x40, 0x7E) || inRange(b, 0x80, 0xFC) {
			pointer = (lead-leadOffset)*188 + b - offset
		}
		// 3.4. If pointer is in the range 8836 to 10715, inclusive, return a
		//      code point whose value is 0xE000 − 8836 + pointer.
		if pointer >= 8836 && pointer <= 10715 {
			emit(rune(0xE000 - 8836 + pointer))
			return statusContinue
		}
		// 3.5. Let code point be null if pointer is null, otherwise the index
		//      code point for pointer in index jis0208.
		var cp rune
		if pointer >= 0 {
			cp = jis0208().at(pointer)
		}
		// 3.6. If code point is non-null, return a code point whose value is code point.
		if cp != 0 {
			emit(cp)
			return statusContinue
		}
		// 3.7. If byte is an ASCII byte, restore byte to ioQueue.
		if isASCII(b) {
			q.restore(byte(b))
		}
		// 3.8. Return error.
		return statusError
	}
	switch {
	// 4. If byte is an ASCII byte or 0x80, return a code point whose value is byte.
	case isASCII(b) || b == 0x80:
		emit(rune(b))
	// 5. If byte is in the range 0xA1 to 0xDF, inclusive, return a code point
	//    whose value is 0xFF61 − 0xA1 + byte.
	case inRange(b, 0xA1, 0xDF):
		emit(rune(0xFF61 - 0xA1 + b))
	// 6. If byte is in the range 0x81 to 0x9F, inclusive, or 0xE0 to 0xFC,
	//    inclusive, set Shift_JIS lead to byte and return continue.
	case inRange(b, 0x81, 0x9F) || inRange(b, 0xE0, 0xFC):
		d.lead = b
	// 7. Return error.
	default:
		return statusError
	}
	return statusContinue
}

// eucKRDecoder implements https://encoding.spec.whatwg.org/#euc-kr-decoder.
type eucKRDecoder struct{ lead int }

func (d *eucKRDecoder) handle(q *queue, b int, emit func(rune)) status {
	// 1-2. End-of-queue: error if a lead is pending, finished otherwise.
	if b == eoq {
		if d.lead != 0 {
			d.lead = 0
			return statusError
		}
		return statusFinished
	}
	// 3. If EUC-KR lead is not 0x00, let lead be EUC-KR lead, let pointer be
	//    null, set EUC-KR lead to 0x00, and then:
	if d.lead != 0 {
		lead := d.lead
		d.lead = 0
		// 3.1. If byte is in the range 0x41 to 0xFE, inclusive, set pointer to
		//      (lead − 0x81) × 190 + (byte − 0x41).
		// 3.2. Let code point be null if pointer is null, otherwise the index
		//      code point for pointer in index EUC-KR.
		var cp rune
		if inRange(b, 0x41, 0xFE) {
			cp = euckr().at((lead-0x81)*190 + (b - 0x41))
		}
		// 3.3. If code point is non-null, return a code point whose value is code point.
		if cp != 0 {
			emit(cp)
			return statusContinue
		}
		// 3.4. If byte is an ASCII byte, restore byte to ioQueue.
		if isASCII(b) {
			q.restore(byte(b))
		}
		// 3.5. Return error.
		return statusError
	}
	switch {
	// 4. If byte is an ASCII byte, return a code point whose value is byte.
	case isASCII(b):
		emit(rune(b))
	// 5. If byte is in the range 0x81 to 0xFE, inclusive, set EUC-KR lead to
	//    byte and return continue.
	case inRange(b, 0x81, 0xFE):
		d.lead = b
	// 6. Return error.
	default:
		return statusError
	}
	return statusContinue
}
