package bcrypt

import "math"

// The native bcrypt package (node.bcrypt.js 5 and 6) hashes with its
// bundled OpenBSD-derived C code (src/bcrypt.cc, src/bcrypt_node.cc; read
// for behaviour, not copied). Salts and hashes are C strings there, so this
// file works on bytes cut at the first NUL and reproduces the C parsing:
// atoi for the cost, the version character compared with '2', the 8-bit
// key length of $2a$ (passwords of 255+ bytes wrap, the 2014 OpenBSD bug
// that $2b$ fixed), and the `1 << n < 16` check that, computed in a C int,
// also rejects cost 31.

// errNativeSalt is the message encrypt_sync throws and encrypt reports.
const errNativeSalt = "Invalid salt. Salt must be in the form of: $Vers$log2(NumRounds)$saltvalue"

// nativeSalt is a salt node.bcrypt.js accepts.
type nativeSalt struct {
	minor byte // 0 ("$2$"), 'a' or 'b'
	logr  uint8
	salt  [saltLen]byte
}

// cString cuts s at its first NUL, as c_str() consumers see it.
func cString(s []byte) []byte {
	for i, c := range s {
		if c == 0 {
			return s[:i]
		}
	}
	return s
}

// parseNativeSalt is ValidateSalt followed by bcrypt()'s own parsing of
// the same string (they agree whenever ValidateSalt passes).
func parseNativeSalt(s []byte) (nativeSalt, bool) {
	var p nativeSalt
	s = cString(s)
	at := func(i int) byte {
		if i < len(s) {
			return s[i]
		}
		return 0
	}
	if at(0) != '$' {
		return p, false
	}
	i := 1
	if at(i) > '2' { // *salt > BCRYPT_VERSION
		return p, false
	}
	if at(i+1) != '$' {
		switch at(i + 1) {
		case 'a', 'b':
			p.minor = at(i + 1)
			i++
		default:
			return p, false
		}
	}
	i += 2
	if at(i+2) != '$' {
		return p, false
	}
	n := atoi(s[i:])
	if n > 31 || n < 0 {
		return p, false
	}
	// ((uint8_t)1 << (uint8_t)n) < BCRYPT_MINROUNDS, evaluated as int:
	// 1 << 31 is negative there.
	if int32(uint32(1)<<uint(n)) < 16 {
		return p, false
	}
	p.logr = uint8(n)
	i += 3
	if (len(s)-i)*3/4 < saltLen {
		return p, false
	}
	decodeNativeSalt(&p.salt, s[i:])
	return p, true
}

// decodeNativeSalt is the C decode_base64 into a 16-byte buffer: it stops
// at the first invalid character of a group, leaving the rest of the
// buffer as it was (uninitialised stack memory in C; zeros here).
func decodeNativeSalt(dst *[saltLen]byte, src []byte) {
	at := func(i int) int32 {
		if i < len(src) && src[i] < 128 {
			return int32(radix64Index[src[i]])
		}
		return -1
	}
	n, p := 0, 0
	for n < saltLen {
		c1, c2 := at(p), at(p+1)
		if c1 < 0 || c2 < 0 {
			return
		}
		dst[n] = byte(c1<<2 | (c2&0x30)>>4)
		if n++; n >= saltLen {
			return
		}
		c3 := at(p + 2)
		if c3 < 0 {
			return
		}
		dst[n] = byte((c2&0x0f)<<4 | (c3&0x3c)>>2)
		if n++; n >= saltLen {
			return
		}
		c4 := at(p + 3)
		if c4 < 0 {
			return
		}
		dst[n] = byte((c3&0x03)<<6 | c4)
		n++
		p += 4
	}
}

// key returns the bytes the C code feeds the key schedule: the password,
// its terminating NUL for $2a$ and $2b$, with $2b$ capped at 72 bytes
// first and the other revisions' length kept in 8 bits. A length of 0
// makes the C stream reader return the first byte over and over.
func (p nativeSalt) key(data []byte) []byte {
	buf := make([]byte, len(data)+1)
	copy(buf, data)
	var n int
	switch p.minor {
	case 'b':
		n = min(len(data), 72) + 1
	case 'a':
		n = int(uint8(len(data) + 1))
	default:
		n = int(uint8(len(data)))
	}
	if n == 0 {
		n = 1
	}
	return buf[:n]
}

// format is the C encoder's output: "$2", the minor if any, "$", the cost
// as two digits, "$", 22 salt and 31 hash characters.
func (p nativeSalt) format(sum [hashLen]byte) string {
	b := make([]byte, 0, 60)
	b = append(b, '$', '2')
	if p.minor != 0 {
		b = append(b, p.minor)
	}
	b = append(b, '$', '0'+p.logr/10, '0'+p.logr%10, '$')
	b = append(b, encodeRadix64(p.salt[:])...)
	b = append(b, encodeRadix64(sum[:])...)
	return string(b)
}

// hashNative is encrypt_sync(data, salt); ok is false when ValidateSalt
// rejects the salt. stop is passed to eksBlowfish.
func hashNative(data, salt []byte, stop func() error) (h string, ok bool, err error) {
	p, ok := parseNativeSalt(salt)
	if !ok {
		return "", false, nil
	}
	sum, err := eksBlowfish(p.key(data), &p.salt, 1<<p.logr, stop)
	if err != nil {
		return "", false, err
	}
	return p.format(sum), true, nil
}

// compareNative is compare_sync: false for an invalid hash, otherwise
// strcmp of the recomputed hash with the given one.
func compareNative(data, hash []byte, stop func() error) (bool, error) {
	h, ok, err := hashNative(data, hash, stop)
	return ok && h == string(cString(hash)), err
}

// genSaltNative is bcrypt_gensalt: rounds arrive as a C u_int8_t (the JS
// number converted to int32, then truncated to 8 bits) and are clamped to
// 4..31.
func genSaltNative(minor byte, rounds float64, seed *[saltLen]byte) string {
	logr := uint8(toInt32(rounds))
	logr = max(4, min(logr, 31))
	p := nativeSalt{minor: minor, logr: logr, salt: *seed}
	return string(p.format([hashLen]byte{})[:29])
}

// getRoundsNative is bcrypt_get_rounds: 0 means "invalid hash provided".
func getRoundsNative(hash []byte) uint32 {
	h := cString(hash)
	at := func(i int) byte {
		if i < len(h) {
			return h[i]
		}
		return 0
	}
	if at(0) != '$' {
		return 0
	}
	if at(1) == 0 {
		return 0
	}
	i := 2
	if at(i) != 0 && at(i) != '$' {
		i++
	}
	if at(i) != '$' {
		return 0
	}
	return uint32(atoi(h[i+1:]))
}

// atoi is glibc's: (int) strtol(s, NULL, 10), with strtol saturating at
// the 64-bit limits and the cast keeping the low 32 bits.
func atoi(s []byte) int32 {
	i := 0
	for i < len(s) && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	var v int64
	overflow := false
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		d := int64(s[i] - '0')
		if v > (math.MaxInt64-d)/10 {
			overflow = true
			continue
		}
		v = v*10 + d
	}
	switch {
	case overflow && neg:
		v = math.MinInt64
	case overflow:
		v = math.MaxInt64
	case neg:
		v = -v
	}
	return int32(v)
}

// toInt32 is ECMAScript's ToInt32 of a number (napi_get_value_int32 gives
// the same for finite values and 0 for NaN and the infinities).
func toInt32(f float64) int32 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	f = math.Trunc(f)
	m := math.Mod(f, 1<<32)
	if m < 0 {
		m += 1 << 32
	}
	return int32(uint32(m))
}
