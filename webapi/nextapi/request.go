package nextapi

import (
	"net/http"
	"sort"
	"strings"

	"github.com/dop251/goja"
)

// QueryValue is one req.query entry: a string, or an array for repeated
// search keys and catch-all params.
type QueryValue struct {
	Key    string
	Values []string
	Array  bool
}

// Param is a dynamic route param as the router decoded it.
type Param struct {
	Name   string
	Values []string
	Array  bool
}

// BuildQuery builds req.query and the re-serialised req.url search
// (spec §1.2): search params parsed as URLSearchParams does (repeats become
// arrays, malformed escapes kept literally), then the route params, which
// win; a search key that collides with a param is dropped from both the
// query and req.url (Next 16). The search is re-serialised with the
// application/x-www-form-urlencoded serializer ("?c=%20z&d" → "?c=+z&d=").
func BuildQuery(rawQuery string, params []Param) (query []QueryValue, search string) {
	pairs := parseURLEncoded(rawQuery)
	isParam := func(k string) bool {
		for _, p := range params {
			if p.Name == k {
				return true
			}
		}
		return false
	}
	index := map[string]int{}
	var kept [][2]string
	for _, kv := range pairs {
		if isParam(kv[0]) {
			continue
		}
		kept = append(kept, kv)
		if i, ok := index[kv[0]]; ok {
			query[i].Values = append(query[i].Values, kv[1])
			query[i].Array = true
			continue
		}
		index[kv[0]] = len(query)
		query = append(query, QueryValue{Key: kv[0], Values: []string{kv[1]}})
	}
	for _, p := range params {
		query = append(query, QueryValue{Key: p.Name, Values: p.Values, Array: p.Array})
	}
	if len(kept) > 0 {
		search = "?" + serializeURLEncoded(kept)
	}
	return query, search
}

// parseURLEncoded is the URL Standard's application/x-www-form-urlencoded
// parser: "+" is a space and percent escapes are decoded bytewise, keeping
// malformed ones as they are (unlike net/url, which rejects them).
func parseURLEncoded(s string) [][2]string {
	var out [][2]string
	for _, seq := range strings.Split(s, "&") {
		if seq == "" {
			continue
		}
		name, value := seq, ""
		if i := strings.IndexByte(seq, '='); i >= 0 {
			name, value = seq[:i], seq[i+1:]
		}
		out = append(out, [2]string{percentDecodePlus(name), percentDecodePlus(value)})
	}
	return out
}

func percentDecodePlus(s string) string {
	if !strings.ContainsAny(s, "+%") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '+':
			b = append(b, ' ')
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		default:
			b = append(b, c)
		}
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	default:
		return c - 'a' + 10
	}
}

// serializeURLEncoded is the URL Standard's urlencoded serializer (what
// URLSearchParams.toString gives).
func serializeURLEncoded(pairs [][2]string) string {
	var b strings.Builder
	for i, kv := range pairs {
		if i > 0 {
			b.WriteByte('&')
		}
		formEncode(&b, kv[0])
		b.WriteByte('=')
		formEncode(&b, kv[1])
	}
	return b.String()
}

func formEncode(b *strings.Builder, s string) {
	const hexDigits = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			b.WriteByte('+')
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '*', c == '-', c == '.', c == '_':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		}
	}
}

// Node discards duplicates of these request headers (http.IncomingMessage
// _addHeaderLine); set-cookie becomes an array, cookie is joined with "; "
// and everything else with ", ".
var singleValueHeaders = map[string]bool{
	"age": true, "authorization": true, "content-length": true, "content-type": true, "etag": true,
	"expires": true, "from": true, "host": true, "if-modified-since": true, "if-unmodified-since": true,
	"last-modified": true, "location": true, "max-forwards": true, "proxy-authorization": true,
	"referer": true, "retry-after": true, "server": true, "user-agent": true,
}

// headersObject builds req.headers and req.rawHeaders the way Node does.
func headersObject(vm *goja.Runtime, h http.Header) (*goja.Object, *goja.Object) {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	sort.Strings(names)
	obj := vm.NewObject()
	var raw []any
	for _, k := range names {
		lk := strings.ToLower(k)
		vals := h[k]
		for _, v := range vals {
			raw = append(raw, k, v)
		}
		switch {
		case lk == "set-cookie":
			_ = obj.Set(lk, vm.ToValue(vals))
		case lk == "cookie":
			_ = obj.Set(lk, strings.Join(vals, "; "))
		case singleValueHeaders[lk]:
			_ = obj.Set(lk, vals[0])
		default:
			_ = obj.Set(lk, strings.Join(vals, ", "))
		}
	}
	return obj, vm.NewArray(raw...)
}

// queryObject converts the query to a plain JS object.
func queryObject(vm *goja.Runtime, q []QueryValue) *goja.Object {
	obj := vm.NewObject()
	for _, e := range q {
		if e.Array {
			vals := make([]any, len(e.Values))
			for i, v := range e.Values {
				vals[i] = v
			}
			_ = obj.Set(e.Key, vm.NewArray(vals...))
		} else {
			_ = obj.Set(e.Key, e.Values[0])
		}
	}
	return obj
}
