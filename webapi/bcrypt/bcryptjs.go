package bcrypt

import (
	"strconv"
	"strings"
	"unicode/utf16"
)

// bcryptjs's _hash and _crypt, on UTF-16 code units so that salts and
// passwords with any JavaScript string content behave as in bcryptjs
// (src/bcrypt/impl.js for 2.x, index.js for 3.x; read for behaviour, not
// copied). The two majors hash identically; they differ in how they turn a
// password into bytes (see utf8.go) and in genSalt's prefix.

// jsSaltError is an error bcryptjs reports from _hash (salt syntax) or from
// _crypt (rounds and salt length). The distinction is observable: _crypt's
// errors reach a hash() callback as cb(err, null), _hash's as cb(err).
type jsSaltError struct {
	msg    string
	detail []uint16 // part of the salt quoted after msg, as UTF-16
	crypt  bool
}

func (e *jsSaltError) Error() string { return e.msg + string(utf16.Decode(e.detail)) }

// units returns the message as UTF-16, the quoted salt part included
// unchanged (it may hold lone surrogates).
func (e *jsSaltError) units() []uint16 {
	u := make([]uint16, 0, len(e.msg)+len(e.detail))
	for i := 0; i < len(e.msg); i++ {
		u = append(u, uint16(e.msg[i]))
	}
	return append(u, e.detail...)
}

// jsSalt is a parsed bcryptjs salt.
type jsSalt struct {
	minor  uint16 // 'a', 'b', 'y', or 0 for "$2$"
	rounds int    // log2 of the iterations; -1 stands for NaN
	salt   [saltLen]byte
}

// parseJSSalt validates salt as bcryptjs's _hash and _crypt do, in the same
// order and with the same messages.
func parseJSSalt(salt []uint16) (jsSalt, error) {
	var p jsSalt
	at := func(i int) uint16 { // charCodeAt, with 0 for "" (past the end)
		if i < len(salt) {
			return salt[i]
		}
		return 0
	}
	// if (salt.charAt(0) !== '$' || salt.charAt(1) !== '2')
	if len(salt) < 2 || salt[0] != '$' || salt[1] != '2' {
		return p, &jsSaltError{msg: "Invalid salt version: ", detail: substring(salt, 0, 2)}
	}
	var offset int
	if at(2) == '$' {
		p.minor, offset = 0, 3
	} else {
		p.minor = at(2)
		if (p.minor != 'a' && p.minor != 'b' && p.minor != 'y') || at(3) != '$' {
			return p, &jsSaltError{msg: "Invalid salt revision: ", detail: substring(salt, 2, 4)}
		}
		offset = 4
	}
	// if (salt.charAt(offset + 2) > '$'): a string comparison, so any code
	// unit above '$' there means the rounds are not two characters.
	if offset+2 < len(salt) && salt[offset+2] > '$' {
		return p, &jsSaltError{msg: "Missing salt rounds"}
	}
	// parseInt of one character is its digit value or NaN.
	r1, ok1 := digit(salt, offset)
	r2, ok2 := digit(salt, offset+1)
	p.rounds = -1
	if ok1 && ok2 {
		p.rounds = r1*10 + r2
	}
	saltb := decodeRadix64(substring(salt, offset+3, offset+25), saltLen)
	// _crypt: rounds first, then the salt length. NaN passes the range
	// check (every comparison with NaN is false).
	if p.rounds >= 0 && (p.rounds < 4 || p.rounds > 31) {
		return p, &jsSaltError{msg: "Illegal number of rounds (4-31): " + strconv.Itoa(p.rounds), crypt: true}
	}
	if len(saltb) != saltLen {
		return p, &jsSaltError{msg: "Illegal salt length: " + strconv.Itoa(len(saltb)) + " != 16", crypt: true}
	}
	for i, v := range saltb {
		p.salt[i] = byte(v)
	}
	return p, nil
}

// substring is String.prototype.substring for 0 <= start <= end.
func substring(s []uint16, start, end int) []uint16 {
	end = min(end, len(s))
	return s[min(start, end):end]
}

func digit(s []uint16, i int) (int, bool) {
	if i < len(s) && s[i] >= '0' && s[i] <= '9' {
		return int(s[i] - '0'), true
	}
	return 0, false
}

// iterations is (1 << rounds) >>> 0; NaN shifts by 0.
func (p jsSalt) iterations() uint64 {
	if p.rounds < 0 {
		return 1
	}
	return 1 << uint(p.rounds)
}

// key returns the bytes bcryptjs hashes: the password's UTF-8 (by the
// flavour's encoder) followed by a NUL for every revision but "$2$".
func (p jsSalt) key(password []uint16, f Flavor) ([]byte, error) {
	if p.minor >= 'a' {
		password = append(password[:len(password):len(password)], 0)
	}
	if f == BcryptJS2 {
		return utf8UTFX(password)
	}
	return utf8BcryptJS3(password), nil
}

// format is _hash's finish(): "$2" + minor + "$" + two-digit rounds + "$"
// + 22 salt characters + 31 hash characters. NaN rounds print as "NaN".
func (p jsSalt) format(sum [hashLen]byte) string {
	var b strings.Builder
	b.Grow(60)
	b.WriteString("$2")
	if p.minor >= 'a' {
		b.WriteByte(byte(p.minor))
	}
	b.WriteByte('$')
	switch {
	case p.rounds < 0:
		b.WriteString("NaN")
	case p.rounds < 10:
		b.WriteByte('0')
		b.WriteString(strconv.Itoa(p.rounds))
	default:
		b.WriteString(strconv.Itoa(p.rounds))
	}
	b.WriteByte('$')
	b.WriteString(encodeRadix64(p.salt[:]))
	b.WriteString(encodeRadix64(sum[:]))
	return b.String()
}

// hashJS is bcryptjs's hashSync(password, salt) for a string salt; stop
// is passed to eksBlowfish.
func hashJS(password, salt []uint16, f Flavor, stop func() error) (string, error) {
	p, err := parseJSSalt(salt)
	if err != nil {
		return "", err
	}
	key, err := p.key(password, f)
	if err != nil {
		return "", err
	}
	sum, err := eksBlowfish(key, &p.salt, p.iterations(), stop)
	if err != nil {
		return "", err
	}
	return p.format(sum), nil
}

// safeStringCompareJS is bcryptjs's timing-safe comparison of the computed
// hash (known) with the given one. 2.x compares known.length code units
// (so a longer unknown with a matching prefix is equal); 3.x also compares
// the lengths.
func safeStringCompareJS(known string, unknown []uint16, f Flavor) bool {
	diff := 0
	if f != BcryptJS2 && len(known) != len(unknown) {
		diff = 1
	}
	for i := 0; i < len(known); i++ {
		if i >= len(unknown) || uint16(known[i]) != unknown[i] {
			diff |= 1
		}
	}
	return diff == 0
}

// getRoundsJS is parseInt(hash.split("$")[2], 10).
func getRoundsJS(hash []uint16) float64 {
	field := 0
	start := -1
	for i, c := range hash {
		if c == '$' {
			field++
			if field == 2 {
				start = i + 1
			} else if field == 3 {
				return parseIntJS(hash[start:i])
			}
		}
	}
	if start < 0 {
		return nan() // parseInt(undefined)
	}
	return parseIntJS(hash[start:])
}
