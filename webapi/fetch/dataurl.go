package fetch

import (
	"strings"

	"github.com/edgerun/edgerun/webapi/encoding"
	weburl "github.com/edgerun/edgerun/webapi/url"
)

// A dataURL is the result of the data: URL processor.
type dataURL struct {
	mimeType *MIMEType
	body     []byte
}

// processDataURL implements the data: URL processor
// (https://fetch.spec.whatwg.org/#data-url-processor). ok is false on failure.
func processDataURL(u *weburl.URL) (dataURL, bool) {
	// 2. Let input be the result of running the URL serializer on dataURL with exclude fragment set to true.
	input := u.HrefWithoutFragment()
	// 3. Remove the leading "data:" from input.
	input = input[len("data:"):]
	// 5. Let mimeType be the result of collecting a sequence of code points that are not equal to U+002C (,).
	comma := strings.IndexByte(input, ',')
	// 7. If position is past the end of input, then return failure.
	if comma < 0 {
		return dataURL{}, false
	}
	mimeType := input[:comma]
	// 6. Strip leading and trailing ASCII whitespace from mimeType.
	mimeType = strings.Trim(mimeType, "\t\n\f\r ")
	// 8-10. Let body be the percent-decoding of the remainder of input.
	body := percentDecode(input[comma+1:])
	// 11. If mimeType ends with U+003B (;), followed by zero or more U+0020 SPACE,
	//     followed by an ASCII case-insensitive match for "base64", then:
	if rest, ok := cutBase64Suffix(mimeType); ok {
		// 1. Let stringBody be the isomorphic decode of body.
		// 2. Set body to the forgiving-base64 decode of stringBody.
		// (Bytes ≥ 0x80 decode to code points that forgiving-base64 rejects, so the
		// bytes can be checked directly.)
		decoded, ok := encoding.ForgivingBase64Decode(body)
		// 3. If body is failure, then return failure.
		if !ok {
			return dataURL{}, false
		}
		body = decoded
		// 4-6. Remove "base64", trailing spaces and the last ";" from mimeType.
		mimeType = rest
	}
	// 12. If mimeType starts with ";", then prepend "text/plain" to mimeType.
	if strings.HasPrefix(mimeType, ";") {
		mimeType = "text/plain" + mimeType
	}
	// 13. Let mimeTypeRecord be the result of parsing mimeType.
	rec, ok := ParseMIMEType(mimeType)
	// 14. If mimeTypeRecord is failure, then set it to text/plain;charset=US-ASCII.
	if !ok {
		rec = &MIMEType{Type: "text", Subtype: "plain", Params: []MIMEParam{{"charset", "US-ASCII"}}}
	}
	return dataURL{mimeType: rec, body: body}, true
}

// cutBase64Suffix removes `;` + spaces + "base64" from the end of s.
func cutBase64Suffix(s string) (string, bool) {
	if len(s) < 6 || !strings.EqualFold(s[len(s)-6:], "base64") {
		return s, false
	}
	rest := strings.TrimRight(s[:len(s)-6], " ")
	if !strings.HasSuffix(rest, ";") {
		return s, false
	}
	return rest[:len(rest)-1], true
}

// percentDecode implements string percent-decoding
// (https://url.spec.whatwg.org/#string-percent-decode): the UTF-8 bytes of s
// with %XX sequences decoded.
func percentDecode(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			out = append(out, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		out = append(out, c)
	}
	return out
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}
