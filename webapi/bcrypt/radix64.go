package bcrypt

// bcrypt's radix-64: the alphabet "./A-Za-z0-9" (not RFC 4648's), no
// padding, and a decoder that stops at the first character outside the
// alphabet. encoding/base64 can express the alphabet but not bcryptjs's
// decoder, which keeps going after an invalid fourth character of a group
// and then yields 0xFFFF (String.fromCharCode(-1)) as a "byte"; hashes made
// from such salts must still match bcryptjs, so the decoder is written out.

const radix64Alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// radix64Index maps a UTF-16 code unit below 128 to its 6-bit value, or -1.
var radix64Index = func() [128]int8 {
	var t [128]int8
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(radix64Alphabet); i++ {
		t[radix64Alphabet[i]] = int8(i)
	}
	return t
}()

func radix64Value(c uint16) int32 {
	if c < 128 {
		return int32(radix64Index[c])
	}
	return -1
}

// encodeRadix64 encodes b completely (bcryptjs's base64_encode(b, b.length)).
func encodeRadix64(b []byte) string {
	out := make([]byte, 0, (len(b)*4+2)/3)
	for off := 0; off < len(b); {
		c1 := b[off]
		off++
		out = append(out, radix64Alphabet[c1>>2])
		c1 = (c1 & 0x03) << 4
		if off >= len(b) {
			out = append(out, radix64Alphabet[c1])
			break
		}
		c2 := b[off]
		off++
		c1 |= c2 >> 4
		out = append(out, radix64Alphabet[c1])
		c1 = (c2 & 0x0f) << 2
		if off >= len(b) {
			out = append(out, radix64Alphabet[c1])
			break
		}
		c2 = b[off]
		off++
		c1 |= c2 >> 6
		out = append(out, radix64Alphabet[c1], radix64Alphabet[c2&0x3f])
	}
	return string(out)
}

// decodeRadix64 is bcryptjs's base64_decode(s, limit) on UTF-16 code units:
// at most limit values, stopping at an invalid first, second or third
// character of a group. An invalid fourth character does not stop it: the
// value is then ((c3 & 3) << 6) | -1, which String.fromCharCode turns into
// 0xFFFF. Values are 0..255 or 0xFFFF; bcrypt uses them masked to a byte.
func decodeRadix64(s []uint16, limit int) []int32 {
	var out []int32
	off, slen := 0, len(s)
	for off < slen-1 && len(out) < limit {
		c1 := radix64Value(s[off])
		c2 := radix64Value(s[off+1])
		off += 2
		if c1 == -1 || c2 == -1 {
			break
		}
		out = append(out, (c1<<2|(c2&0x30)>>4)&0xffff)
		if len(out) >= limit || off >= slen {
			break
		}
		c3 := radix64Value(s[off])
		off++
		if c3 == -1 {
			break
		}
		out = append(out, ((c2&0x0f)<<4|(c3&0x3c)>>2)&0xffff)
		if len(out) >= limit || off >= slen {
			break
		}
		c4 := radix64Value(s[off])
		off++
		out = append(out, (((c3&0x03)<<6)|c4)&0xffff)
	}
	return out
}
