package fetch

import (
	"net/http"
	"slices"
	"sort"
	"strings"
)

// A headerEntry is one header of a header list. name keeps the casing it was
// appended with (it is what goes on the wire); lower is its byte-lowercase
// form, used for matching (the same string when name is already lowercase).
type headerEntry struct {
	name, lower, value string
}

// A headerList is the Fetch Standard's header list: an ordered multimap
// (https://fetch.spec.whatwg.org/#concept-header-list).
type headerList []headerEntry

func newEntry(name, value string) headerEntry {
	return headerEntry{name: name, lower: asciiLower(name), value: value}
}

// contains reports whether the list contains a header named lower.
func (l headerList) contains(lower string) bool {
	for i := range l {
		if l[i].lower == lower {
			return true
		}
	}
	return false
}

// get implements "get": the values of all headers named lower, separated by
// ", ", or ok=false.
func (l headerList) get(lower string) (string, bool) {
	first := -1
	n := 0
	for i := range l {
		if l[i].lower == lower {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	if first < 0 {
		return "", false
	}
	if n == 1 {
		return l[first].value, true
	}
	var b strings.Builder
	for i := first; i < len(l); i++ {
		if l[i].lower == lower {
			if i != first {
				b.WriteString(", ")
			}
			b.WriteString(l[i].value)
		}
	}
	return b.String(), true
}

// values returns the values of every header named lower, in order.
func (l headerList) values(lower string) []string {
	var out []string
	for i := range l {
		if l[i].lower == lower {
			out = append(out, l[i].value)
		}
	}
	return out
}

// append implements "append": the name reuses the casing of an existing
// header with the same name.
func (l *headerList) append(e headerEntry) {
	for i := range *l {
		if (*l)[i].lower == e.lower {
			e.name = (*l)[i].name
			break
		}
	}
	if cap(*l) == 0 {
		*l = make(headerList, 0, 4)
	}
	*l = append(*l, e)
}

// delete implements "delete".
func (l *headerList) delete(lower string) {
	out := (*l)[:0]
	for _, e := range *l {
		if e.lower != lower {
			out = append(out, e)
		}
	}
	for i := len(out); i < len(*l); i++ {
		(*l)[i] = headerEntry{}
	}
	*l = out
}

// set implements "set": replace the first header's value and remove the others.
func (l *headerList) set(e headerEntry) {
	idx := -1
	out := (*l)[:0]
	for _, h := range *l {
		if h.lower == e.lower {
			if idx >= 0 {
				continue
			}
			idx = len(out)
			h.value = e.value
		}
		out = append(out, h)
	}
	for i := len(out); i < len(*l); i++ {
		(*l)[i] = headerEntry{}
	}
	*l = out
	if idx < 0 {
		*l = append(*l, e)
	}
}

// sortAndCombine implements "sort and combine"
// (https://fetch.spec.whatwg.org/#concept-header-list-sort-and-combine):
// lowercase names in byte order, values of the same name combined with
// ", ", except Set-Cookie whose values stay separate.
func (l headerList) sortAndCombine() [][2]string {
	if len(l) == 0 {
		return nil
	}
	out := make([][2]string, len(l))
	for i, e := range l {
		out[i] = [2]string{e.lower, e.value}
	}
	// A stable sort keeps the values of one name in list order.
	slices.SortStableFunc(out, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
	n := 0
	for i := range out {
		if n > 0 && out[n-1][0] == out[i][0] && out[i][0] != "set-cookie" {
			out[n-1][1] += ", " + out[i][1]
			continue
		}
		out[n] = out[i]
		n++
	}
	return out[:n]
}

// clone returns a copy of the list.
func (l headerList) clone() headerList {
	if l == nil {
		return nil
	}
	return append(headerList(nil), l...)
}

// fromHTTPHeader builds a list from a net/http header map. Map order is
// lost, so names are sorted (values of one name keep their order); that is
// invisible to scripts, which only see sorted lists.
func fromHTTPHeader(h http.Header) headerList {
	if len(h) == 0 {
		return nil
	}
	names := make([]string, 0, len(h))
	n := 0
	for k, vs := range h {
		names = append(names, k)
		n += len(vs)
	}
	sort.Strings(names)
	l := make(headerList, 0, n)
	for _, k := range names {
		lower := asciiLower(k)
		for _, v := range h[k] {
			l = append(l, headerEntry{name: k, lower: lower, value: v})
		}
	}
	return l
}

// extractMIMEType implements "extract a MIME type"
// (https://fetch.spec.whatwg.org/#concept-header-extract-mime-type).
func (l headerList) extractMIMEType() (*MIMEType, bool) {
	// 1-3. Let charset, essence and mimeType be null.
	var charset, essence string
	hasCharset := false
	var mimeType *MIMEType
	// 4. Let values be the result of getting, decoding, and splitting `Content-Type`.
	v, ok := l.get("content-type")
	// 5. If values is null, then return failure.
	if !ok {
		return nil, false
	}
	// 6. For each value of values:
	for _, value := range getDecodeSplit(v) {
		// 1. Let temporaryMimeType be the result of parsing value.
		tmp, ok := ParseMIMEType(value)
		// 2. If temporaryMimeType is failure or its essence is "*/*", then continue.
		if !ok || tmp.Essence() == "*/*" {
			continue
		}
		// 3. Set mimeType to temporaryMimeType.
		mimeType = tmp
		// 4. If mimeType's essence is not essence, then:
		if mimeType.Essence() != essence {
			// 1. Set charset to null.
			hasCharset = false
			// 2. If mimeType's parameters["charset"] exists, then set charset to it.
			if c, ok := mimeType.Param("charset"); ok {
				charset, hasCharset = c, true
			}
			// 3. Set essence to mimeType's essence.
			essence = mimeType.Essence()
		} else if _, ok := mimeType.Param("charset"); !ok && hasCharset {
			// 5. Otherwise, if mimeType's parameters["charset"] does not exist, and
			//    charset is non-null, set mimeType's parameters["charset"] to charset.
			mimeType.SetParam("charset", charset)
		}
	}
	// 7. If mimeType is null, then return failure.
	if mimeType == nil {
		return nil, false
	}
	return mimeType, true
}
