package server

import "strings"

// splitSetCookie splits a Set-Cookie value that holds several cookies
// joined by commas, as next-server.ts runEdgeFunction does before
// appending each one (splitCookiesString in server/web/utils.ts, after
// set-cookie-parser): a comma separates two cookies only when the text
// after it, up to the next "=", ";" or ",", ends at "=" (a new
// name=value); commas inside Expires dates and attribute lists stay.
// The common single-cookie value is returned without allocating.
func splitSetCookie(v string) []string {
	if strings.IndexByte(v, ',') < 0 {
		return nil
	}
	var out []string
	start := 0
	for i := 0; i < len(v); i++ {
		if v[i] != ',' {
			continue
		}
		j := i + 1
		for j < len(v) && isCookieSpace(v[j]) {
			j++
		}
		k := j
		for k < len(v) && v[k] != '=' && v[k] != ';' && v[k] != ',' {
			k++
		}
		if k < len(v) && v[k] == '=' {
			out = append(out, v[start:i])
			start = j
			i = j - 1
		}
	}
	if out == nil {
		return nil
	}
	return append(out, v[start:])
}

func isCookieSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
