package nextapi

import (
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/edgerun/edgerun/webapi/encoding"
)

// BodyKind says how api.js turns the body text into req.body.
type BodyKind string

const (
	BodyJSON BodyKind = "json" // JSON.parse; "" → {}
	BodyForm BodyKind = "form" // querystring.decode
	BodyText BodyKind = "text" // the decoded string
)

// BodyError is a body-parsing failure Next answers itself (spec §1.4):
// the status, with the message as status message and body.
type BodyError struct {
	Status  int
	Message string
}

func (e *BodyError) Error() string { return fmt.Sprintf("nextapi: %d %s", e.Status, e.Message) }

// ReadBody reads and decodes a request body as Next's parse-body does
// with raw-body: the whole body, for every method, up to limit bytes
// (limit < 0: no limit). A declared Content-Length over the limit is
// refused before reading, as raw-body does; either way the answer is 413
// "Body exceeded <limitText> limit". The text is decoded with the
// Content-Type's charset (default utf-8; an unknown charset or a read
// error is 400 "Invalid body"). An unparsable Content-Type counts as
// text/plain.
func ReadBody(r io.Reader, declaredLength int64, contentType string, limit int64, limitText string) (BodyKind, string, error) {
	if contentType == "" {
		contentType = "text/plain"
	}
	mediaType, charset, ok := ParseContentType(contentType)
	if !ok {
		mediaType, charset = "text/plain", ""
	}
	if charset == "" {
		charset = "utf-8"
	}
	tooLarge := func() error { return &BodyError{413, fmt.Sprintf("Body exceeded %s limit", limitText)} }
	if limit >= 0 && declaredLength > limit {
		return "", "", tooLarge()
	}
	var data []byte
	if r != nil {
		var err error
		if limit >= 0 {
			data, err = io.ReadAll(io.LimitReader(r, limit+1))
		} else {
			data, err = io.ReadAll(r)
		}
		if err != nil {
			return "", "", &BodyError{400, "Invalid body"}
		}
		if limit >= 0 && int64(len(data)) > limit {
			return "", "", tooLarge()
		}
	}
	text, err := decodeCharset(data, charset)
	if err != nil {
		return "", "", &BodyError{400, "Invalid body"}
	}
	switch mediaType {
	case "application/json", "application/ld+json":
		return BodyJSON, text, nil
	case "application/x-www-form-urlencoded":
		return BodyForm, text, nil
	default:
		return BodyText, text, nil
	}
}

var errUnknownCharset = errors.New("nextapi: unknown charset")

// decodeCharset decodes b as raw-body does through iconv-lite: encoding
// names are matched ignoring case and punctuation, Node's own encodings
// (latin1 is ISO-8859-1 there, not the web's windows-1252; hex and base64
// turn bytes into that text) come first, a leading byte order mark is
// dropped, and malformed input becomes U+FFFD.
func decodeCharset(b []byte, charset string) (string, error) {
	name := iconvName(charset)
	switch name {
	case "utf8", "unicode11utf8":
		if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
			b = b[3:]
		}
		if utf8.Valid(b) {
			return string(b), nil
		}
		return encoding.Decode("utf-8", b, false, true)
	case "latin1", "binary", "iso88591", "l1", "cp819", "ibm819":
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c)
		}
		return string(r), nil
	case "hex":
		return hex.EncodeToString(b), nil
	case "base64":
		return base64.StdEncoding.EncodeToString(b), nil
	case "ucs2", "utf16le":
		return encoding.Decode("utf-16le", b, false, false)
	}
	if _, ok := encoding.Lookup(charset); !ok {
		return "", errUnknownCharset
	}
	return encoding.Decode(charset, b, false, false)
}

// iconvName canonicalises an encoding name as iconv-lite does: lower
// case, without a ":yyyy" year suffix and without anything that is not a
// letter or digit.
func iconvName(s string) string {
	s = strings.ToLower(s)
	if i := strings.LastIndexByte(s, ':'); i >= 0 && len(s)-i == 5 && isDigits(s[i+1:]) {
		s = s[:i]
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
