package url

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// The host parser for special URLs' domains and IPv4 addresses
// (https://url.spec.whatwg.org/#host-parsing, steps 4-8). whatwg-url v0.6.2
// gets these wrong in ways WPT notices: it runs UTS #46 with
// UseSTD3ASCIIRules=true (so "≠" fails), lacks the Unicode 15.1+ rules, and
// its IPv4 number parser overflows on long digit runs. The library still
// parses IPv6 and opaque hosts; this file takes over the rest through its
// host hooks (see parser.go).

// idnaProfile is UTS #46 ToASCII as "domain to ASCII" calls it with
// beStrict=false: CheckHyphens=false, CheckBidi=true, CheckJoiners=true,
// UseSTD3ASCIIRules=false, Transitional_Processing=false,
// VerifyDnsLength=false. (MapForLookup must come first: it resets the
// STD3 and label options that follow it.)
var idnaProfile = idna.New(
	idna.MapForLookup(),
	idna.BidiRule(),
	idna.StrictDomainName(false),
	idna.ValidateLabels(true),
	idna.CheckHyphens(false),
	idna.CheckJoiners(true),
	idna.Transitional(false),
	idna.VerifyDNSLength(false),
)

// parseDomainHost runs host parser steps 4-8 for a special URL's host that
// is not an IPv6 literal. ok is false on failure.
func parseDomainHost(input string) (string, bool) {
	// 4. Let domain be the result of running UTF-8 decode without BOM on the
	//    percent-decoding of input.
	domain := utf8DecodeWithoutBOM(percentDecode(input))
	// 5. Let asciiDomain be the result of running domain to ASCII with domain and false.
	ascii, ok := domainToASCII(domain)
	// 6. If asciiDomain is failure, then return failure.
	if !ok {
		return "", false
	}
	// 7. If asciiDomain ends in a number, then return the result of IPv4 parsing asciiDomain.
	if endsInANumber(ascii) {
		return parseIPv4(ascii)
	}
	// 8. Return asciiDomain.
	return ascii, true
}

// domainToASCII implements https://url.spec.whatwg.org/#concept-domain-to-ascii
// with beStrict=false.
func domainToASCII(domain string) (string, bool) {
	var result string
	if isPlainASCIIDomain(domain) {
		// The note under step 1: for an ASCII domain without "xn--" labels,
		// UTS #46 ToASCII is equivalent to ASCII lowercasing.
		result = strings.ToLower(domain)
	} else {
		// 1. Let result be the result of running Unicode ToASCII with ...
		r, err := idnaProfile.ToASCII(remapIDNA(domain))
		// 2. If result is a failure value, domain-to-ASCII validation error, return failure.
		if err != nil || !validPunycodeLabels(r) {
			return "", false
		}
		result = r
	}
	// 3.1. If result is the empty string, domain-to-ASCII validation error, return failure.
	if result == "" {
		return "", false
	}
	// 3.2. If result contains a forbidden domain code point, domain-invalid-code-point
	//      validation error, return failure.
	for i := 0; i < len(result); i++ {
		if isForbiddenDomainByte(result[i]) {
			return "", false
		}
	}
	return result, true
}

// isPlainASCIIDomain reports whether s is ASCII and no label starts with
// "xn--" (case-insensitively).
func isPlainASCIIDomain(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	for label := range strings.SplitSeq(s, ".") {
		if len(label) >= 4 && strings.EqualFold(label[:4], "xn--") {
			return false
		}
	}
	return true
}

// remapIDNA applies the UTS #46 mapping changes made after Unicode 15.0
// (see idna17Remap) before x/net/idna maps the rest.
func remapIDNA(s string) string {
	for i, r := range s {
		if r < 0x04C0 {
			continue
		}
		if _, ok := idna17Remap[r]; ok {
			var b strings.Builder
			b.WriteString(s[:i])
			for _, r := range s[i:] {
				if m, ok := idna17Remap[r]; ok {
					b.WriteString(m)
				} else {
					b.WriteRune(r)
				}
			}
			return b.String()
		}
	}
	return s
}

// validPunycodeLabels applies UTS #46 validity criterion V4 as revised in
// Unicode 15.1 (x/net/idna predates it): with CheckHyphens=false a label
// must not begin with "xn--" once decoded.
func validPunycodeLabels(ascii string) bool {
	for label := range strings.SplitSeq(ascii, ".") {
		if !strings.HasPrefix(label, "xn--") {
			continue
		}
		u, err := idna.Punycode.ToUnicode(label)
		if err != nil || strings.HasPrefix(u, "xn--") {
			return false
		}
	}
	return true
}

// isForbiddenDomainByte reports forbidden domain code points
// (https://url.spec.whatwg.org/#forbidden-domain-code-point) among ASCII bytes.
func isForbiddenDomainByte(c byte) bool {
	if c <= 0x20 || c == 0x7F {
		return true // C0 controls, space, DEL
	}
	switch c {
	case '#', '/', ':', '<', '>', '?', '@', '[', '\\', ']', '^', '|', '%':
		return true
	}
	return false
}

// endsInANumber implements https://url.spec.whatwg.org/#ends-in-a-number-checker.
func endsInANumber(input string) bool {
	// 1. Let parts be the result of strictly splitting input on U+002E (.).
	parts := strings.Split(input, ".")
	// 2. If the last item in parts is the empty string, then: if parts's size
	//    is 1, return false; remove the last item from parts.
	if parts[len(parts)-1] == "" {
		if len(parts) == 1 {
			return false
		}
		parts = parts[:len(parts)-1]
	}
	// 3. Let last be the last item in parts.
	last := parts[len(parts)-1]
	// 4. If last is non-empty and contains only ASCII digits, then return true.
	if last != "" && strings.Trim(last, "0123456789") == "" {
		return true
	}
	// 5. If parsing last as an IPv4 number does not return failure, then return true.
	_, _, ok := parseIPv4Number(last)
	return ok
}

// ipv4Overflow stands for any IPv4 number too large to be valid; parsed
// numbers saturate there instead of overflowing.
const ipv4Overflow = 1 << 40

// parseIPv4Number implements https://url.spec.whatwg.org/#ipv4-number-parser.
func parseIPv4Number(input string) (n int64, validationError, ok bool) {
	// 1. If input is the empty string, then return failure.
	if input == "" {
		return 0, false, false
	}
	// 3. Let R be 10.
	radix := int64(10)
	if len(input) >= 2 && (input[:2] == "0x" || input[:2] == "0X") {
		// 4. If input contains at least two code points and the first two code
		//    points are either "0X" or "0x": set validationError, remove them, R = 16.
		validationError, input, radix = true, input[2:], 16
	} else if len(input) >= 2 && input[0] == '0' {
		// 5. Otherwise, if input contains at least two code points and the first
		//    code point is U+0030 (0): set validationError, remove it, R = 8.
		validationError, input, radix = true, input[1:], 8
	}
	// 6. If input is the empty string, then return (0, true).
	if input == "" {
		return 0, true, true
	}
	// 7. If input contains a code point that is not a radix-R digit, then return failure.
	// 8. Let output be the mathematical integer value that is represented by input
	//    in radix-R notation.
	for i := 0; i < len(input); i++ {
		d := digitValue(input[i])
		if d >= radix {
			return 0, false, false
		}
		if n < ipv4Overflow {
			n = n*radix + d
		}
	}
	// 9. Return (output, validationError).
	return n, validationError, true
}

// parseIPv4 implements https://url.spec.whatwg.org/#concept-ipv4-parser and
// serializes the result.
func parseIPv4(input string) (string, bool) {
	// 1. Let parts be the result of strictly splitting input on U+002E (.).
	parts := strings.Split(input, ".")
	// 2. If the last item in parts is the empty string: IPv4-empty-part
	//    validation error; if parts's size is greater than 1, remove the last item.
	if parts[len(parts)-1] == "" && len(parts) > 1 {
		parts = parts[:len(parts)-1]
	}
	// 3. If parts's size is greater than 4, IPv4-too-many-parts validation error, return failure.
	if len(parts) > 4 {
		return "", false
	}
	// 4-5. Parse each part; any failure is an IPv4-non-numeric-part failure.
	numbers := make([]int64, 0, 4)
	for _, part := range parts {
		n, _, ok := parseIPv4Number(part)
		if !ok {
			return "", false
		}
		numbers = append(numbers, n)
	}
	// 7. If any but the last item in numbers is greater than 255, then return failure.
	for _, n := range numbers[:len(numbers)-1] {
		if n > 255 {
			return "", false
		}
	}
	// 8. If the last item in numbers is greater than or equal to
	//    256^(5 − numbers's size), then return failure.
	last := numbers[len(numbers)-1]
	if last >= int64(1)<<(8*(5-len(numbers))) {
		return "", false
	}
	// 9-11. ipv4 = last item; add each other n × 256^(3 − counter).
	ipv4 := last
	for i, n := range numbers[:len(numbers)-1] {
		ipv4 += n << (8 * (3 - i))
	}
	// IPv4 serializer.
	return strconv.Itoa(int(ipv4>>24)) + "." + strconv.Itoa(int(ipv4>>16&0xFF)) + "." +
		strconv.Itoa(int(ipv4>>8&0xFF)) + "." + strconv.Itoa(int(ipv4&0xFF)), true
}

// percentDecode implements https://url.spec.whatwg.org/#percent-decode on
// the bytes of s.
func percentDecode(s string) string {
	if strings.IndexByte(s, '%') < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// utf8DecodeWithoutBOM replaces invalid UTF-8 with U+FFFD like the Encoding
// Standard's "UTF-8 decode without BOM". (It folds a run of bad bytes into one
// U+FFFD rather than one per maximal subpart; any U+FFFD makes a domain fail
// UTS #46, so the count does not matter here.)
func utf8DecodeWithoutBOM(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// digitValue returns c's value as a digit in radix up to 16, or 99.
func digitValue(c byte) int64 {
	if isHex(c) {
		return int64(unhex(c))
	}
	return 99
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}
