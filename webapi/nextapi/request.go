package nextapi

import (
	"net/http"
	"sort"
	"strings"

	"github.com/dop251/goja"
	"github.com/edgerun/edgerun/webapi/url"
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
// win. Next 16 rebuilds req.url from the parsed query (normalizeCdnUrl):
// keys that collide with a param, and its internal nxtP*/nxtI* keys, are
// dropped from both, and the rest is serialised key by key in the order
// of a JS object's own keys (integer keys first, ascending) with the
// application/x-www-form-urlencoded serializer ("?c=%20z&d" → "?c=+z&d=",
// "?a=1&b=2&a=3" → "?a=1&a=3&b=2").
func BuildQuery(rawQuery string, params []Param) (query []QueryValue, search string) {
	pairs := url.ParseURLEncoded(rawQuery)
	isParam := func(k string) bool {
		for _, p := range params {
			if p.Name == k {
				return true
			}
		}
		return false
	}
	index := map[string]int{}
	for _, kv := range pairs {
		if isParam(kv[0]) || isInternalQueryKey(kv[0]) {
			continue
		}
		if i, ok := index[kv[0]]; ok {
			query[i].Values = append(query[i].Values, kv[1])
			query[i].Array = true
			continue
		}
		index[kv[0]] = len(query)
		query = append(query, QueryValue{Key: kv[0], Values: []string{kv[1]}})
	}
	sortObjectKeys(query)
	if len(query) > 0 {
		search = "?" + serializeQuery(query)
	}
	for _, p := range params {
		query = append(query, QueryValue{Key: p.Name, Values: p.Values, Array: p.Array})
	}
	return query, search
}

// isInternalQueryKey is Next's filterInternalQuery test for the prefixes
// it uses to pass route params through rewrites.
func isInternalQueryKey(k string) bool {
	return (strings.HasPrefix(k, "nxtP") && k != "nxtP") || (strings.HasPrefix(k, "nxtI") && k != "nxtI")
}

// sortObjectKeys orders entries as a JS object orders its own keys: array
// indices ascending, then the other keys in insertion order.
func sortObjectKeys(q []QueryValue) {
	hasIndex := false
	for _, e := range q {
		if _, ok := arrayIndex(e.Key); ok {
			hasIndex = true
			break
		}
	}
	if !hasIndex {
		return
	}
	sort.SliceStable(q, func(i, j int) bool {
		a, aok := arrayIndex(q[i].Key)
		b, bok := arrayIndex(q[j].Key)
		switch {
		case aok && bok:
			return a < b
		default:
			return aok && !bok
		}
	})
}

// arrayIndex reports whether k is a canonical array index ("0", "17"; not
// "01" or "4294967295").
func arrayIndex(k string) (uint64, bool) {
	if k == "" || len(k) > 10 || (len(k) > 1 && k[0] == '0') {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(k); i++ {
		if k[i] < '0' || k[i] > '9' {
			return 0, false
		}
		n = n*10 + uint64(k[i]-'0')
	}
	return n, n < 1<<32-1
}

// serializeQuery is URLSearchParams built from the query object (each
// array value appended under its key) and turned into a string.
func serializeQuery(q []QueryValue) string {
	var pairs [][2]string
	for _, e := range q {
		for _, v := range e.Values {
			pairs = append(pairs, [2]string{e.Key, v})
		}
	}
	return url.SerializeURLEncoded(pairs)
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

// headersObject builds req.headers the way Node does.
func headersObject(vm *goja.Runtime, h http.Header) *goja.Object {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	sort.Strings(names)
	obj := vm.NewObject()
	for _, k := range names {
		lk := strings.ToLower(k)
		vals := h[k]
		if len(vals) == 0 {
			continue
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
	return obj
}

// rawHeadersArray builds req.rawHeaders: name, value, name, value...
// net/http has already canonicalised the names' case.
func rawHeadersArray(vm *goja.Runtime, h http.Header) goja.Value {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	sort.Strings(names)
	var raw []any
	for _, k := range names {
		for _, v := range h[k] {
			raw = append(raw, k, v)
		}
	}
	return vm.NewArray(raw...)
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
