package formdata

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/textproto"
	"strings"
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/webapi/encoding"
	"github.com/edgerun/edgerun/webapi/file"
	"github.com/edgerun/edgerun/webapi/url"
)

// ErrInvalidMultipart reports a body that is not multipart/form-data (or a
// Content-Type without a usable boundary). fetch turns it into the
// TypeError "Failed to fetch", as Chrome reports a bad formData() body.
var ErrInvalidMultipart = errors.New("formdata: invalid multipart/form-data body")

// Serialize encodes fd with the multipart/form-data encoding algorithm
// (https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#multipart/form-data-encoding-algorithm)
// and a random boundary, and returns the body and its Content-Type.
func Serialize(iso *runtime.Isolate, fd *FormData) (body []byte, contentType string) {
	boundary := NewBoundary()
	return SerializeWithBoundary(fd, boundary), "multipart/form-data; boundary=" + boundary
}

// NewBoundary returns a boundary shaped like Chrome's:
// "----WebKitFormBoundary" and 16 random alphanumerics.
func NewBoundary() string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	var r [16]byte
	_, _ = rand.Read(r[:])
	b := []byte("----WebKitFormBoundary")
	for _, c := range r {
		b = append(b, alphabet[int(c)%len(alphabet)])
	}
	return string(b)
}

// SerializeWithBoundary is Serialize with a given boundary.
func SerializeWithBoundary(fd *FormData, boundary string) []byte {
	var b bytes.Buffer
	for _, e := range fd.entries {
		b.WriteString("--" + boundary + "\r\n")
		// Field names and filenames are escaped: LF as %0A, CR as %0D and " as %22.
		b.WriteString(`Content-Disposition: form-data; name="` + escapeName(e.Name) + `"`)
		if e.File == nil {
			b.WriteString("\r\n\r\n")
			b.WriteString(e.Value)
			b.WriteString("\r\n")
			continue
		}
		b.WriteString(`; filename="` + escapeName(e.Blob.Name()) + `"` + "\r\n")
		typ := e.Blob.Type()
		if typ == "" {
			typ = "application/octet-stream"
		}
		b.WriteString("Content-Type: " + typ + "\r\n\r\n")
		b.Write(e.Blob.Bytes())
		b.WriteString("\r\n")
	}
	b.WriteString("--" + boundary + "--\r\n")
	return b.Bytes()
}

var nameEscaper = strings.NewReplacer("\n", "%0A", "\r", "%0D", `"`, "%22")

func escapeName(s string) string { return nameEscaper.Replace(s) }

// ParseMultipart parses a multipart/form-data body into a new FormData
// object (fetch's formData() for multipart bodies). contentType must carry
// the boundary parameter. Parts with a filename become Files (type from
// the part's Content-Type, "text/plain" when absent); other parts become
// strings (UTF-8 decoded without BOM). Errors wrap ErrInvalidMultipart.
func ParseMultipart(iso *runtime.Isolate, body []byte, contentType string) (*goja.Object, error) {
	entries, err := parseMultipart(body, contentType)
	if err != nil {
		return nil, err
	}
	fd := &FormData{}
	now := time.Now().UnixMilli()
	for _, p := range entries {
		if !p.isFile {
			fd.entries = append(fd.entries, Entry{Name: p.name, Value: encoding.UTF8DecodeWithoutBOM(p.body)})
			continue
		}
		obj := file.NewFile(iso, p.body, p.filename, p.contentType, now)
		blob, _ := file.BlobOf(iso, obj)
		fd.entries = append(fd.entries, Entry{Name: p.name, File: obj, Blob: blob})
	}
	return jsclass.New(iso, FormDataClass, fd), nil
}

type part struct {
	name, filename, contentType string
	isFile                      bool
	body                        []byte
}

// parseMultipart splits a multipart/form-data body with Go's
// mime/multipart, reading raw parts (no quoted-printable decoding, which
// form bodies never use) and taking names and filenames from the
// Content-Disposition header as sent (Part.FileName would strip
// directories).
func parseMultipart(body []byte, contentType string) ([]part, error) {
	mediaType, params, err := mime.ParseMediaType(contentType)
	if err != nil || mediaType != "multipart/form-data" || params["boundary"] == "" {
		return nil, fmt.Errorf("%w: Content-Type %q has no multipart/form-data boundary", ErrInvalidMultipart, contentType)
	}
	r := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	var parts []part
	for {
		p, err := r.NextRawPart()
		if err == io.EOF {
			return parts, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrInvalidMultipart, err)
		}
		disposition, dparams, err := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
		if err != nil || disposition != "form-data" {
			return nil, fmt.Errorf("%w: part without a form-data Content-Disposition", ErrInvalidMultipart)
		}
		name, ok := dparams["name"]
		if !ok {
			return nil, fmt.Errorf("%w: part without a name", ErrInvalidMultipart)
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrInvalidMultipart, err)
		}
		pt := part{name: name, body: data}
		if filename, ok := dparams["filename"]; ok {
			pt.isFile, pt.filename = true, filename
			pt.contentType = textproto.MIMEHeader(p.Header).Get("Content-Type")
			if pt.contentType == "" {
				pt.contentType = "text/plain"
			}
		}
		parts = append(parts, pt)
	}
}

// ParseURLEncoded parses an application/x-www-form-urlencoded body into a
// new FormData object (fetch's formData() for urlencoded bodies).
func ParseURLEncoded(iso *runtime.Isolate, body []byte) *goja.Object {
	fd := &FormData{}
	for _, p := range url.ParseURLEncoded(string(body)) {
		fd.entries = append(fd.entries, Entry{Name: p[0], Value: p[1]})
	}
	return jsclass.New(iso, FormDataClass, fd)
}
