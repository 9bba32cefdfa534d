package nextserver

import (
	"strconv"
	"strings"

	"github.com/edgerun/edgerun/webapi/url"
)

// A Param is one dynamic route param ([id] has one value, a catch-all one
// per segment), decoded.
type Param struct {
	Name   string
	Values []string
}

// EdgeSearch returns the query string (without "?") of the URL Next hands
// to an edge handler, given the client's raw query and the route's params
// (spec §2.3). next-server.ts runEdgeFunction rebuilds the query as
//
//	urlQueryToSearchParams({...Object.fromEntries(initialUrl.searchParams), ...query, ...params})
//
// and the edge adapter then folds nxtP/nxtI-prefixed keys into their
// plain names and strips _rsc. Because the merge goes through a JS object,
// the result follows JS property order: array-index keys ("0", "12") first
// in ascending order, then the other keys in first-seen order; a param
// replaces a same-named search key in place; repeated keys keep all their
// values; and everything is re-serialised as
// application/x-www-form-urlencoded ("a b" becomes "a+b", "/" becomes
// "%2F").
//
// The common case, no query and no params, returns "" without allocating.
func EdgeSearch(rawQuery string, params []Param) string {
	if rawQuery == "" && len(params) == 0 {
		return ""
	}
	var q queryObject
	for _, kv := range url.ParseURLEncoded(rawQuery) {
		q.add(kv[0], kv[1])
	}
	for _, p := range params {
		q.replace(p.Name, p.Values)
	}
	pairs := q.pairs()
	pairs = normalizeNextQueryParams(pairs)
	pairs = deleteName(pairs, "_rsc")
	return url.SerializeURLEncoded(pairs)
}

// queryObject models the JS object the query is merged into: keys keep
// their first insertion position; values are lists (a parsed query holds
// arrays for repeated keys).
type queryObject struct {
	keys   []string
	values map[string][]string
}

func (q *queryObject) add(k, v string) {
	if q.values == nil {
		q.values = make(map[string][]string)
	}
	if _, ok := q.values[k]; !ok {
		q.keys = append(q.keys, k)
	}
	q.values[k] = append(q.values[k], v)
}

func (q *queryObject) replace(k string, vs []string) {
	if q.values == nil {
		q.values = make(map[string][]string)
	}
	if _, ok := q.values[k]; !ok {
		q.keys = append(q.keys, k)
	}
	q.values[k] = vs
}

// pairs lists the entries in JS own-property order
// (OrdinaryOwnPropertyKeys: array indices ascending, then strings in
// creation order).
func (q *queryObject) pairs() [][2]string {
	var indices, names []string
	for _, k := range q.keys {
		if isArrayIndex(k) {
			indices = append(indices, k)
		} else {
			names = append(names, k)
		}
	}
	if len(indices) > 1 {
		sortIndices(indices)
	}
	var out [][2]string
	for _, group := range [2][]string{indices, names} {
		for _, k := range group {
			for _, v := range q.values[k] {
				out = append(out, [2]string{k, v})
			}
		}
	}
	return out
}

// isArrayIndex reports whether k is the canonical decimal form of an
// integer in [0, 2^32-2], which JS orders before other property keys.
func isArrayIndex(k string) bool {
	if k == "" || len(k) > 10 || (len(k) > 1 && k[0] == '0') {
		return false
	}
	n, err := strconv.ParseUint(k, 10, 64)
	return err == nil && n < 1<<32-1
}

func sortIndices(ks []string) {
	for i := 1; i < len(ks); i++ {
		for j := i; j > 0; j-- {
			a, _ := strconv.ParseUint(ks[j-1], 10, 64)
			b, _ := strconv.ParseUint(ks[j], 10, 64)
			if a <= b {
				break
			}
			ks[j-1], ks[j] = ks[j], ks[j-1]
		}
	}
}

// Prefixes of the query keys Next uses internally for route params and
// interception markers (NEXT_QUERY_PARAM_PREFIX, NEXT_INTERCEPTION_MARKER_PREFIX).
var nextQueryPrefixes = [...]string{"nxtP", "nxtI"}

// normalizeNextQueryParams is the adapter's loop over the URL's keys: for
// each key with a Next prefix (and more after it), the plain name loses
// its own values and gets the prefixed key's values appended, and the
// prefixed key is deleted.
func normalizeNextQueryParams(pairs [][2]string) [][2]string {
	var keys []string
	seen := map[string]bool{}
	for _, kv := range pairs {
		if !seen[kv[0]] {
			seen[kv[0]] = true
			keys = append(keys, kv[0])
		}
	}
	for _, key := range keys {
		plain, ok := strippedNextPrefix(key)
		if !ok {
			continue
		}
		var values []string
		for _, kv := range pairs {
			if kv[0] == key {
				values = append(values, kv[1])
			}
		}
		pairs = deleteName(pairs, plain)
		for _, v := range values {
			pairs = append(pairs, [2]string{plain, v})
		}
		pairs = deleteName(pairs, key)
	}
	return pairs
}

func strippedNextPrefix(key string) (string, bool) {
	for _, p := range nextQueryPrefixes {
		if key != p && strings.HasPrefix(key, p) {
			return key[len(p):], true
		}
	}
	return "", false
}

func deleteName(pairs [][2]string, name string) [][2]string {
	out := pairs[:0]
	for _, kv := range pairs {
		if kv[0] != name {
			out = append(out, kv)
		}
	}
	return out
}
