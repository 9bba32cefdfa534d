package runtime

import (
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// ParseJSON is JSON.parse(text) without a reviver: ECMA-262's JSON grammar
// (ECMA-404), objects made with CreateDataProperty (a "__proto__" key is
// an own property; the last of duplicate keys wins), \u escapes of lone
// surrogates kept. A syntax error is a *goja.Exception holding a
// SyntaxError with V8's message, which is what the same text gets under
// next start (goja's builtin reports encoding/json's wording).
//
// Hosts parse request bodies with it (res.json() bodies, Next's body
// parser): goja's builtin goes through encoding/json's token stream and
// allocates several times more for a small body.
func ParseJSON(vm *goja.Runtime, text string) (goja.Value, error) {
	p := jsonParser{vm: vm, src: text}
	var v goja.Value
	ex := vm.Try(func() {
		p.skipSpace()
		v = p.value(0)
		p.skipSpace()
		if p.pos < len(p.src) {
			p.fail(errNonWhitespace)
		}
	})
	if ex != nil {
		return nil, ex
	}
	return v, nil
}

type jsonParser struct {
	vm  *goja.Runtime
	src string
	pos int
}

// jsonMaxNesting bounds nesting; V8 parses deeper, but a request body that
// nests this deep is an attack, not data.
const jsonMaxNesting = 1 << 14

// The kinds of error V8's JSON parser reports (its message templates).
const (
	errUnexpectedEnd = iota
	errUnexpectedToken
	errNonWhitespace
	errBadControl
	errBadEscape
	errBadUnicodeEscape
	errUnterminatedString
	errNoNumberAfterMinus
	errExponentMissing
	errUnterminatedFraction
	errPropNameOrRBrace
	errCommaOrRBrack
	errCommaOrRBrace
	errColonAfterName
	errDoubleQuotedName
)

var jsonErrorTemplates = map[int]string{
	errNonWhitespace:        "Unexpected non-whitespace character after JSON",
	errBadControl:           "Bad control character in string literal in JSON",
	errBadEscape:            "Bad escaped character in JSON",
	errBadUnicodeEscape:     "Bad Unicode escape in JSON",
	errUnterminatedString:   "Unterminated string in JSON",
	errNoNumberAfterMinus:   "No number after minus sign in JSON",
	errExponentMissing:      "Exponent part is missing a number in JSON",
	errUnterminatedFraction: "Unterminated fractional number in JSON",
	errPropNameOrRBrace:     "Expected property name or '}' in JSON",
	errCommaOrRBrack:        "Expected ',' or ']' after array element in JSON",
	errCommaOrRBrace:        "Expected ',' or '}' after property value in JSON",
	errColonAfterName:       "Expected ':' after property name in JSON",
	errDoubleQuotedName:     "Expected double-quoted property name in JSON",
}

// fail throws a SyntaxError worded as V8 words it for the error at p.pos.
func (p *jsonParser) fail(kind int) {
	var msg string
	// As in V8, a specific message wins even at the end of the input; only
	// a value or token that is missing altogether is "Unexpected end".
	switch {
	case kind == errUnexpectedEnd || kind == errUnexpectedToken && p.pos >= len(p.src):
		msg = "Unexpected end of JSON input"
	case kind == errUnexpectedToken:
		msg = p.unexpectedToken()
	default:
		line, col, pos := p.location()
		msg = fmt.Sprintf("%s at position %d (line %d column %d)", jsonErrorTemplates[kind], pos, line, col)
	}
	throwError(p.vm, "SyntaxError", msg)
}

// location is p.pos as V8 reports it: a UTF-16 offset, and a 1-based
// line and column.
func (p *jsonParser) location() (line, col, pos int) {
	line, col = 1, 1
	for _, r := range p.src[:p.pos] {
		n := utf16.RuneLen(r)
		if n < 0 {
			n = 1
		}
		pos += n
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col += n
		}
	}
	return line, col, pos
}

// unexpectedToken is V8's message for a character that cannot start or
// continue a value, with up to ten characters of context either side.
func (p *jsonParser) unexpectedToken() string {
	r, _ := utf8.DecodeRuneInString(p.src[p.pos:])
	token := string(r)
	src := []rune(p.src)
	at := len([]rune(p.src[:p.pos]))
	const context = 10
	if len(src) < 2*context+1 {
		return fmt.Sprintf("Unexpected token '%s', \"%s\" is not valid JSON", token, p.src)
	}
	// V8: ten characters before the token and nine after it, with "..."
	// on the sides that were cut.
	start, end := at-context, at+context
	prefix, suffix := "...", "..."
	if at < context {
		start, prefix = 0, ""
	}
	if at >= len(src)-context {
		end, suffix = len(src), ""
	}
	return fmt.Sprintf("Unexpected token '%s', %s\"%s\"%s is not valid JSON", token, prefix, string(src[start:end]), suffix)
}

func (p *jsonParser) skipSpace() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *jsonParser) value(depth int) goja.Value {
	if p.pos >= len(p.src) {
		p.fail(errUnexpectedEnd)
	}
	switch c := p.src[p.pos]; {
	case c == '{':
		return p.object(depth + 1)
	case c == '[':
		return p.array(depth + 1)
	case c == '"':
		return p.string()
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	case c == 't':
		return p.literal("true", p.vm.ToValue(true))
	case c == 'f':
		return p.literal("false", p.vm.ToValue(false))
	case c == 'n':
		return p.literal("null", goja.Null())
	}
	p.fail(errUnexpectedToken)
	return nil
}

func (p *jsonParser) literal(word string, v goja.Value) goja.Value {
	for i := 0; i < len(word); i++ {
		if p.pos >= len(p.src) {
			p.fail(errUnexpectedEnd)
		}
		if p.src[p.pos] != word[i] {
			p.fail(errUnexpectedToken)
		}
		p.pos++
	}
	return v
}

func (p *jsonParser) enter(depth int) {
	if depth > jsonMaxNesting {
		throwRangeError(p.vm, "Maximum call stack size exceeded")
	}
}

func (p *jsonParser) object(depth int) goja.Value {
	p.enter(depth)
	obj := p.vm.NewObject()
	p.pos++ // {
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == '}' {
		p.pos++
		return obj
	}
	first := true
	for {
		if p.pos >= len(p.src) || p.src[p.pos] != '"' {
			if first {
				p.fail(errPropNameOrRBrace)
			}
			p.fail(errDoubleQuotedName)
		}
		first = false
		key := p.key()
		p.skipSpace()
		if p.pos >= len(p.src) || p.src[p.pos] != ':' {
			p.fail(errColonAfterName)
		}
		p.pos++
		p.skipSpace()
		v := p.value(depth)
		// CreateDataProperty: a plain definition, so "__proto__" and keys
		// with setters on Object.prototype become own data properties.
		if err := obj.DefineDataProperty(key, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
			panic(err)
		}
		if p.next('}', errCommaOrRBrace) {
			return obj
		}
	}
}

func (p *jsonParser) array(depth int) goja.Value {
	p.enter(depth)
	p.pos++ // [
	p.skipSpace()
	var items []any
	if p.pos < len(p.src) && p.src[p.pos] == ']' {
		p.pos++
		return p.vm.NewArray()
	}
	for {
		items = append(items, p.value(depth))
		if p.next(']', errCommaOrRBrack) {
			return p.vm.NewArray(items...)
		}
	}
}

// next reads what follows an object member or an array element: a comma
// (false, and the next one may start) or closer (true); anything else is
// the error kind.
func (p *jsonParser) next(closer byte, kind int) bool {
	p.skipSpace()
	if p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ',':
			p.pos++
			p.skipSpace()
			return false
		case closer:
			p.pos++
			return true
		}
	}
	p.fail(kind)
	return false
}

func (p *jsonParser) number() goja.Value {
	start := p.pos
	if p.src[p.pos] == '-' {
		p.pos++
		if p.pos >= len(p.src) {
			p.fail(errNoNumberAfterMinus)
		}
		if c := p.src[p.pos]; c < '0' || c > '9' {
			p.fail(errNoNumberAfterMinus)
		}
	}
	if p.src[p.pos] == '0' {
		p.pos++
	} else {
		p.digits()
	}
	integer := true
	if p.pos < len(p.src) && p.src[p.pos] == '.' {
		integer = false
		p.pos++
		if p.pos >= len(p.src) || p.src[p.pos] < '0' || p.src[p.pos] > '9' {
			p.fail(errUnterminatedFraction)
		}
		p.digits()
	}
	if p.pos < len(p.src) && (p.src[p.pos] == 'e' || p.src[p.pos] == 'E') {
		integer = false
		p.pos++
		if p.pos < len(p.src) && (p.src[p.pos] == '+' || p.src[p.pos] == '-') {
			p.pos++
		}
		if p.pos >= len(p.src) || p.src[p.pos] < '0' || p.src[p.pos] > '9' {
			p.fail(errExponentMissing)
		}
		p.digits()
	}
	lit := p.src[start:p.pos]
	if integer && len(lit) < 16 && lit != "-0" {
		n, _ := strconv.ParseInt(lit, 10, 64)
		return p.vm.ToValue(n)
	}
	f, _ := strconv.ParseFloat(lit, 64) // out of range gives ±Inf, as JS does
	return p.vm.ToValue(f)
}

func (p *jsonParser) digits() {
	for p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
		p.pos++
	}
}

// key reads a property name as a Go string (goja keys are Go strings).
func (p *jsonParser) key() string {
	s, units := p.scanString()
	if units != nil {
		// A lone surrogate in a key: goja's object keys take UTF-8, so it
		// becomes U+FFFD, as goja's builtin does too.
		return string(utf16.Decode(units))
	}
	return s
}

func (p *jsonParser) string() goja.Value {
	s, units := p.scanString()
	if units != nil {
		return goja.StringFromUTF16(units)
	}
	return p.vm.ToValue(s)
}

// scanString reads a string literal at p.pos. It returns the string, or,
// when an escape produced a lone surrogate (which UTF-8 cannot carry),
// its UTF-16 code units instead.
func (p *jsonParser) scanString() (string, []uint16) {
	p.pos++ // "
	start := p.pos
	// The common case: no escapes.
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '"' {
			s := p.src[start:p.pos]
			p.pos++
			return s, nil
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			p.fail(errBadControl)
		}
		p.pos++
	}
	if p.pos >= len(p.src) {
		p.fail(errUnterminatedString)
	}
	var units []uint16
	for _, r := range p.src[start:p.pos] {
		units = utf16.AppendRune(units, r)
	}
	for {
		if p.pos >= len(p.src) {
			p.fail(errUnterminatedString)
		}
		c := p.src[p.pos]
		switch {
		case c == '"':
			p.pos++
			if hasLoneSurrogate(units) {
				return "", units
			}
			return string(utf16.Decode(units)), nil
		case c < 0x20:
			p.fail(errBadControl)
		case c == '\\':
			p.pos++
			if p.pos >= len(p.src) {
				p.fail(errUnterminatedString)
			}
			switch e := p.src[p.pos]; e {
			case '"', '\\', '/':
				units = append(units, uint16(e))
			case 'b':
				units = append(units, '\b')
			case 'f':
				units = append(units, '\f')
			case 'n':
				units = append(units, '\n')
			case 'r':
				units = append(units, '\r')
			case 't':
				units = append(units, '\t')
			case 'u':
				if p.pos+4 >= len(p.src) {
					p.fail(errBadUnicodeEscape)
				}
				u, err := strconv.ParseUint(p.src[p.pos+1:p.pos+5], 16, 16)
				if err != nil {
					p.fail(errBadUnicodeEscape)
				}
				units = append(units, uint16(u))
				p.pos += 4
			default:
				p.fail(errBadEscape)
			}
			p.pos++
		default:
			r, size := utf8.DecodeRuneInString(p.src[p.pos:])
			units = utf16.AppendRune(units, r)
			p.pos += size
		}
	}
}

// hasLoneSurrogate reports whether units hold a surrogate that is not
// half of a pair.
func hasLoneSurrogate(units []uint16) bool {
	for i := 0; i < len(units); i++ {
		u := units[i]
		switch {
		case u >= 0xD800 && u <= 0xDBFF:
			if i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] <= 0xDFFF {
				i++
				continue
			}
			return true
		case u >= 0xDC00 && u <= 0xDFFF:
			return true
		}
	}
	return false
}
