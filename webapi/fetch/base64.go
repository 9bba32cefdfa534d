package fetch

import "encoding/base64"

// forgivingBase64Decode implements "forgiving-base64 decode"
// (https://infra.spec.whatwg.org/#forgiving-base64-decode). Go's decoder is
// stricter about padding and laxer about line breaks, so the input is
// normalised by the standard's steps first and then handed to RawStdEncoding
// (which, not being in strict mode, discards nonzero trailing bits as the
// standard requires).
func forgivingBase64Decode(data string) ([]byte, bool) {
	// 1. Remove all ASCII whitespace from data.
	buf := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '\t', '\n', '\f', '\r', ' ':
		default:
			buf = append(buf, c)
		}
	}
	// 2. If data's code point length divides by 4 leaving no remainder, then:
	//    if data ends with one or two U+003D (=) code points, remove them from data.
	if len(buf)%4 == 0 {
		if len(buf) > 0 && buf[len(buf)-1] == '=' {
			buf = buf[:len(buf)-1]
			if len(buf) > 0 && buf[len(buf)-1] == '=' {
				buf = buf[:len(buf)-1]
			}
		}
	}
	// 3. If data's code point length divides by 4 leaving a remainder of 1, return failure.
	if len(buf)%4 == 1 {
		return nil, false
	}
	// 4. If data contains a code point that is not one of U+002B (+), U+002F (/),
	//    ASCII alphanumeric, then return failure.
	for _, c := range buf {
		if !(c == '+' || c == '/' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return nil, false
		}
	}
	// 5-9. Decode, discarding leftover bits.
	out := make([]byte, base64.RawStdEncoding.DecodedLen(len(buf)))
	n, err := base64.RawStdEncoding.Decode(out, buf)
	if err != nil {
		return nil, false
	}
	return out[:n], true
}
