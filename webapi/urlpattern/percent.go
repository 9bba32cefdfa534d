package urlpattern

import "strings"

// The URL Standard's percent-encode sets (https://url.spec.whatwg.org/#percent-encoded-bytes).
// Setting a username, a query or a fragment on a URL record is only
// UTF-8 percent-encoding with one of these sets, so the canonicalization
// callbacks do it directly instead of building a dummy URL each time.
type encodeSet uint8

const (
	c0ControlSet encodeSet = iota
	fragmentSet
	querySet
	specialQuerySet
	pathSet // includes "^" since 2023
	userinfoSet
)

func (s encodeSet) has(c byte) bool {
	if c < 0x20 || c > 0x7E {
		return true // C0 control percent-encode set
	}
	switch s {
	case fragmentSet:
		return strings.IndexByte(" \"<>`", c) >= 0
	case querySet:
		return strings.IndexByte(" \"#<>", c) >= 0
	case specialQuerySet:
		return strings.IndexByte(" \"#<>'", c) >= 0
	case pathSet:
		return strings.IndexByte(" \"#<>?^`{}", c) >= 0
	case userinfoSet:
		// The path percent-encode set (query set, ?, ^, `, {, }) and
		// / : ; = @ [ \ ] |.
		return strings.IndexByte(" \"#<>?^`{}/:;=@[\\]|", c) >= 0
	}
	return false
}

// percentEncode is "UTF-8 percent-encode" of a valid UTF-8 string.
func percentEncode(s string, set encodeSet) string {
	i := 0
	for i < len(s) && !set.has(s[i]) {
		i++
	}
	if i == len(s) {
		return s
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if set.has(c) {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// stripTabNewline removes ASCII tab or newline, as the basic URL parser
// does to its input before any state runs.
func stripTabNewline(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '\t' && c != '\n' && c != '\r' {
			b.WriteByte(c)
		}
	}
	return b.String()
}
