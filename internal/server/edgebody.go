package server

import (
	"math"
	"strconv"
	"strings"
)

// bodyCloneLimit is experimental.proxyClientMaxBodySize: how much of an
// edge request body Next clones for the handler (10 MB by default).
func (p *project) bodyCloneLimit() int64 {
	if p.next.ProxyClientMaxBodySize > 0 {
		return p.next.ProxyClientMaxBodySize
	}
	return edgeBodyLimit
}

// bodyLimitWarning is the warning Next logs when it truncates a body
// (server/body-streams.ts); url is the request's path and query.
func bodyLimitWarning(limit int64, url string) string {
	size := formatBytes(limit)
	return "Request body exceeded " + size + " for " + url + ". Only the first " + size +
		" will be available unless configured. See https://nextjs.org/docs/app/api-reference/config/next-config-js/middlewareClientMaxBodySize for more details."
}

// formatBytes formats n as the bytes npm package does for Next's messages
// (1024-based units, at most two decimals, no trailing zeros, no space):
// 10485760 is "10MB", 1572864 is "1.5MB".
func formatBytes(n int64) string {
	units := []struct {
		name string
		size float64
	}{{"PB", 1 << 50}, {"TB", 1 << 40}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}}
	mag := math.Abs(float64(n))
	unit, size := "B", 1.0
	for _, u := range units {
		if mag >= u.size {
			unit, size = u.name, u.size
			break
		}
	}
	s := strconv.FormatFloat(float64(n)/size, 'f', 2, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	return s + unit
}
