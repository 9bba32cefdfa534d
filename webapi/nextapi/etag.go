package nextapi

import (
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// ETag returns Next's ETag for a payload: '"' + fnv1a52(s) in base 36 +
// len(s) in base 36 + '"', where both are computed over UTF-16 code units
// (packages/next/src/server/lib/etag.ts). fnv1a52 is 64-bit FNV-1a folded
// to 52 bits so that it fits a JS number exactly.
func ETag(units []uint16) string {
	h := uint64(0xcbf29ce484222325)
	for _, u := range units {
		h ^= uint64(u)
		h *= 0x100000001b3
	}
	return formatETag(h, len(units))
}

func formatETag(h uint64, n int) string {
	v3 := h >> 48
	v2 := (h >> 32) & 0xffff
	v1 := (h >> 16) & 0xffff
	v0 := h & 0xffff
	folded := (v3&15)<<48 | v2<<32 | v1<<16 | (v0 ^ (v3 >> 4))
	var buf [32]byte
	b := append(buf[:0], '"')
	b = strconv.AppendUint(b, folded, 36)
	b = strconv.AppendInt(b, int64(n), 36)
	return string(append(b, '"'))
}

// etagOf is ETag of a JS string, read in place.
func etagOf(s goja.String) string {
	n := s.Length()
	h := uint64(0xcbf29ce484222325)
	for i := 0; i < n; i++ {
		h ^= uint64(s.CharAt(i))
		h *= 0x100000001b3
	}
	return formatETag(h, n)
}

// Fresh reports whether a response with etag (and no Last-Modified, which
// Next never passes) is fresh for a request with these If-None-Match,
// If-Modified-Since and Cache-Control headers: the `fresh` npm package's
// rules, which Next applies to every method.
func Fresh(ifNoneMatch, ifModifiedSince, cacheControl, etag string) bool {
	if ifNoneMatch == "" && ifModifiedSince == "" {
		return false
	}
	if cacheControl != "" && hasNoCache(cacheControl) {
		return false
	}
	if ifNoneMatch != "" && ifNoneMatch != "*" {
		if etag == "" {
			return false
		}
		match := false
		for _, tag := range strings.Split(ifNoneMatch, ",") {
			tag = strings.Trim(tag, " ")
			if tag == etag || tag == "W/"+etag || "W/"+tag == etag {
				match = true
				break
			}
		}
		if !match {
			return false
		}
	}
	// If-Modified-Since is stale without a Last-Modified to compare.
	return ifModifiedSince == ""
}

func hasNoCache(cc string) bool {
	for _, d := range strings.Split(cc, ",") {
		// fresh's /(?:^|,)\s*?no-cache\s*?(?:,|$)/ is case-sensitive.
		if strings.TrimSpace(d) == "no-cache" {
			return true
		}
	}
	return false
}
