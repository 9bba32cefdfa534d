package nextapi

import (
	"errors"
	"io"
	"strings"
	"testing"
)

var readBodyTests = []struct {
	name, contentType, body string
	declared, limit         int64
	limitText               string
	wantKind                BodyKind
	wantText                string
	wantErr                 *BodyError
}{
	{name: "json", contentType: "application/json", body: `{"a":1}`, wantKind: BodyJSON, wantText: `{"a":1}`},
	{name: "ld+json", contentType: "application/ld+json", body: `{}`, wantKind: BodyJSON, wantText: `{}`},
	{name: "+json is text", contentType: "application/vnd.api+json", body: `{}`, wantKind: BodyText, wantText: `{}`},
	{name: "form", contentType: "application/x-www-form-urlencoded; charset=utf-8", body: "a=1", wantKind: BodyForm, wantText: "a=1"},
	{name: "default text", body: "x", wantKind: BodyText, wantText: "x"},
	{name: "malformed type is text", contentType: "application/json;", body: "{", wantKind: BodyText, wantText: "{"},
	{name: "utf-8 BOM dropped", contentType: "text/plain", body: "\xEF\xBB\xBFhi", wantKind: BodyText, wantText: "hi"},
	{name: "invalid utf-8", contentType: "text/plain", body: "a\xffb", wantKind: BodyText, wantText: "a\uFFFDb"},
	{name: "latin1 is ISO-8859-1", contentType: "text/plain; charset=ISO-8859-1", body: "\x80\xe9", wantKind: BodyText, wantText: "\u0080é"},
	{name: "binary", contentType: "text/plain; charset=binary", body: "\xff", wantKind: BodyText, wantText: "ÿ"},
	{name: "utf8 without dash", contentType: "text/plain; charset=UTF8", body: "é", wantKind: BodyText, wantText: "é"},
	{name: "ucs2", contentType: "text/plain; charset=ucs-2", body: "h\x00", wantKind: BodyText, wantText: "h"},
	{name: "hex", contentType: "text/plain; charset=hex", body: "\x01\xab", wantKind: BodyText, wantText: "01ab"},
	{name: "shift_jis", contentType: "text/plain; charset=shift_jis", body: "\x82\xa0", wantKind: BodyText, wantText: "あ"},
	{name: "unknown charset", contentType: "text/plain; charset=klingon", body: "x", wantErr: &BodyError{400, "Invalid body"}},
	{name: "at the limit", body: "12345", limit: 5, limitText: "5b", wantKind: BodyText, wantText: "12345"},
	{name: "over the limit", body: "123456", limit: 5, limitText: "5b", wantErr: &BodyError{413, "Body exceeded 5b limit"}},
	{name: "declared length over the limit", body: "", declared: 10, limit: 5, limitText: "5b", wantErr: &BodyError{413, "Body exceeded 5b limit"}},
	{name: "no limit", body: strings.Repeat("z", 100), limit: -1, wantKind: BodyText, wantText: strings.Repeat("z", 100)},
}

func TestReadBody(t *testing.T) {
	for _, tt := range readBodyTests {
		t.Run(tt.name, func(t *testing.T) {
			limit := tt.limit
			if limit == 0 {
				limit = 1 << 20
			}
			kind, text, err := ReadBody(strings.NewReader(tt.body), tt.declared, tt.contentType, limit, tt.limitText)
			if tt.wantErr != nil {
				var be *BodyError
				if !errors.As(err, &be) || *be != *tt.wantErr {
					t.Fatalf("err %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil || kind != tt.wantKind || text != tt.wantText {
				t.Fatalf("got %q %q %v, want %q %q", kind, text, err, tt.wantKind, tt.wantText)
			}
		})
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

func TestReadBodyReadError(t *testing.T) {
	_, _, err := ReadBody(failingReader{}, -1, "text/plain", 100, "100b")
	var be *BodyError
	if !errors.As(err, &be) || be.Status != 400 || be.Message != "Invalid body" {
		t.Fatalf("err %v", err)
	}
}
