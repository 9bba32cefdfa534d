package nextapi

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestPreviewKeysRoundTrip(t *testing.T) {
	k, err := NewPreviewKeys()
	if err != nil {
		t.Fatal(err)
	}
	if len(k.ID) != 32 {
		t.Fatalf("id %q", k.ID)
	}
	now := time.Unix(1_700_000_000, 0)
	maxAge := 60.0
	token, err := k.Sign(`{"user":"ada"}`, &maxAge, now)
	if err != nil {
		t.Fatal(err)
	}
	payload, _ := base64.RawURLEncoding.DecodeString(strings.Split(token, ".")[1])
	if !strings.HasSuffix(string(payload), `,"iat":1700000000,"exp":1700000060}`) {
		t.Fatalf("payload %s", payload)
	}
	data, err := k.Open(token, now.Add(59*time.Second))
	if err != nil || data != `{"user":"ada"}` {
		t.Fatalf("Open = %q, %v", data, err)
	}
	if _, err := k.Open(token, now.Add(60*time.Second)); err == nil {
		t.Fatal("an expired token opened")
	}
	other, _ := NewPreviewKeys()
	if _, err := other.Open(token, now); err == nil {
		t.Fatal("another server's token opened")
	}
	// Tamper with a signature character in the middle: the last one also
	// carries unused padding bits, so changing it may not change the bytes.
	sig := strings.LastIndexByte(token, '.') + 5
	swap := byte('A')
	if token[sig] == 'A' {
		swap = 'B'
	}
	if _, err := k.Open(token[:sig]+string(swap)+token[sig+1:], now); err == nil {
		t.Fatal("a tampered signature opened")
	}
	for _, bad := range []string{"", "a.b", "a.b.c", "..."} {
		if _, err := k.Open(bad, now); err == nil {
			t.Fatalf("%q opened", bad)
		}
	}
	noExp, _ := k.Sign(`1`, nil, now)
	if data, err := k.Open(noExp, now.Add(1000*time.Hour)); err != nil || data != "1" {
		t.Fatalf("token without exp: %q %v", data, err)
	}
}

// Next refuses tokens over 2048 characters; with the same layout the
// threshold falls at the same data size.
func TestPreviewDataLimit(t *testing.T) {
	k, _ := NewPreviewKeys()
	now := time.Unix(1_700_000_000, 0)
	// header(36) + "." + base64url(payload) + "." + sig(43); payload is
	// {"data":"<hex>","iat":1700000000} with hex = 2*(96+n).
	tokenLen := func(n int) int {
		payload := len(`{"data":"","iat":1700000000}`) + 2*(96+n)
		return 36 + 1 + (payload*4+2)/3 + 1 + 43
	}
	n := 0
	for tokenLen(n+1) <= PreviewDataLimit {
		n++
	}
	if _, err := k.Sign(`"`+strings.Repeat("x", n-2)+`"`, nil, now); err != nil {
		t.Fatalf("%d bytes: %v", n, err)
	}
	if _, err := k.Sign(`"`+strings.Repeat("x", n-1)+`"`, nil, now); !errors.Is(err, ErrPreviewDataTooLarge) {
		t.Fatalf("%d bytes: %v", n+1, err)
	}
}
