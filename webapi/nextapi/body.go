package nextapi

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
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

// ReadBody reads and decodes a request body as Next's parse-body does:
// the whole body, for every method, up to limit bytes (413 "Body exceeded
// <limitText> limit" beyond it), decoded with the Content-Type's charset
// (default utf-8; an unknown charset or a read error is 400 "Invalid
// body"). An unparsable Content-Type counts as text/plain.
func ReadBody(r io.Reader, contentType string, limit int64, limitText string) (BodyKind, string, error) {
	mediaType, params, err := mime.ParseMediaType(contentType)
	if contentType == "" || err != nil {
		mediaType, params = "text/plain", nil
	}
	charset := "utf-8"
	if cs, ok := params["charset"]; ok {
		charset = strings.ToLower(cs)
	}
	var data []byte
	if r != nil {
		data, err = io.ReadAll(io.LimitReader(r, limit+1))
		if err != nil {
			return "", "", &BodyError{400, "Invalid body"}
		}
		if int64(len(data)) > limit {
			return "", "", &BodyError{413, fmt.Sprintf("Body exceeded %s limit", limitText)}
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

func decodeCharset(b []byte, charset string) (string, error) {
	switch charset {
	case "utf-8", "utf8":
		return strings.ToValidUTF8(string(b), "\uFFFD"), nil
	case "latin1", "iso-8859-1", "binary":
		// Node's latin1 maps each byte to the code point of the same value.
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c)
		}
		return string(r), nil
	}
	enc, err := htmlindex.Get(charset)
	if err != nil {
		return "", errUnknownCharset
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", err
	}
	return string(out), nil
}
