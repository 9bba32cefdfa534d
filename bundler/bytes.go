package bundler

// Size strings in Next's config (`api.bodyParser.sizeLimit`,
// `api.responseLimit`, `experimental.proxyClientMaxBodySize`) go through
// the `bytes` npm package (v3). Its rules are small and unusual enough
// ("10b" is parsed by parseInt, units are 1024-based, fractions are
// floored) that matching them exactly matters for the 413 boundary, so
// they are reimplemented here rather than approximated with a generic
// size parser.

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

var bytesUnits = map[string]float64{
	"b":  1,
	"kb": 1 << 10,
	"mb": 1 << 20,
	"gb": 1 << 30,
	"tb": 1 << 40,
	"pb": 1 << 50,
}

// bytesParseRE is bytes.parse's /^((-|\+)?(\d+(?:\.\d+)?)) *(kb|mb|gb|tb|pb)$/i.
var bytesParseRE = regexp.MustCompile(`(?i)^(([-+])?(\d+(?:\.\d+)?)) *(kb|mb|gb|tb|pb)$`)

// ParseBytes parses a size the way `bytes.parse` does: "1mb" = 1048576,
// "1.5kb" = 1536, "100" = 100, "10b" = 10 (no "b" unit in the pattern, so
// parseInt reads the leading digits). ok is false where bytes.parse returns
// null (nothing numeric).
func ParseBytes(s string) (n int64, ok bool) {
	if m := bytesParseRE.FindStringSubmatch(s); m != nil {
		f, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			return 0, false
		}
		return int64(math.Floor(bytesUnits[strings.ToLower(m[4])] * f)), true
	}
	return jsParseInt(s)
}

// parseBytesValue applies bytes.parse to a config value: numbers are taken
// as they are (floored to whole bytes), strings parsed.
func parseBytesValue(v any) (int64, bool) {
	switch x := v.(type) {
	case string:
		return ParseBytes(x)
	case int64:
		return x, true
	case float64:
		if math.IsNaN(x) {
			return 0, false
		}
		return int64(math.Floor(x)), true
	}
	return 0, false
}

// jsParseInt is JavaScript's parseInt(s, 10): leading whitespace, an
// optional sign, then as many decimal digits as there are.
func jsParseInt(s string) (int64, bool) {
	s = strings.TrimLeft(s, " \t\n\v\f\r\u00a0\ufeff")
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, false
	}
	n, err := strconv.ParseInt(s[:i], 10, 64)
	if err != nil {
		n = math.MaxInt64
	}
	if neg {
		n = -n
	}
	return n, true
}

// FormatBytes renders a size the way `bytes.format` does with default
// options (1024-based units, at most two decimals, trailing zeros dropped):
// 4194304 → "4MB", 1536 → "1.5KB", 100 → "100B". Next uses it in the
// "API response for /x exceeds 4MB" warning.
func FormatBytes(n int64) string {
	mag := math.Abs(float64(n))
	unit := "B"
	switch {
	case mag >= bytesUnits["pb"]:
		unit = "PB"
	case mag >= bytesUnits["tb"]:
		unit = "TB"
	case mag >= bytesUnits["gb"]:
		unit = "GB"
	case mag >= bytesUnits["mb"]:
		unit = "MB"
	case mag >= bytesUnits["kb"]:
		unit = "KB"
	}
	val := float64(n) / bytesUnits[strings.ToLower(unit)]
	s := strconv.FormatFloat(val, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s + unit
}

// jsNumberString formats a number as JavaScript's String(n) does for the
// values config files contain (integers and short decimals); used to echo
// a numeric sizeLimit in "Body exceeded 1000 limit".
func jsNumberString(v any) string {
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e21 {
			return strconv.FormatFloat(x, 'f', -1, 64)
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return ""
}
