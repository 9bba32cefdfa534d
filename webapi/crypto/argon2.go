package crypto

// Argon2 (RFC 9106). golang.org/x/crypto/argon2 exports only Argon2i and
// Argon2id without the secret value K and associated data X, all three of
// which WebCrypto's Argon2Params expose, so the function is implemented
// here from the RFC, on x/crypto's BLAKE2b. Lanes are filled one after the
// other (parallelism changes the result, not the speed).

import (
	"encoding/binary"
	"math/bits"

	"golang.org/x/crypto/blake2b"
)

const (
	argon2d  = 0
	argon2i  = 1
	argon2id = 2

	argon2Version    = 0x13
	argon2SyncPoints = 4
	argon2BlockWords = 128 // 1024-byte blocks of 64-bit words
)

type argon2Block [argon2BlockWords]uint64

// argon2Key computes the Argon2 tag (RFC 9106 §3.2).
func argon2Key(typ int, password, salt, secret, data []byte, passes, memory, lanes uint32, tagLen uint32) []byte {
	// H0 = H^(64)(LE32(p) || LE32(T) || LE32(m) || LE32(t) || LE32(v) ||
	//      LE32(y) || LE32(len(P)) || P || LE32(len(S)) || S ||
	//      LE32(len(K)) || K || LE32(len(X)) || X)
	h, _ := blake2b.New512(nil)
	le := func(x uint32) {
		var b [4]byte
		binary.LittleEndian.PutUint32(b[:], x)
		h.Write(b[:])
	}
	for _, x := range []uint32{lanes, tagLen, memory, passes, argon2Version, uint32(typ)} {
		le(x)
	}
	for _, b := range [][]byte{password, salt, secret, data} {
		le(uint32(len(b)))
		h.Write(b)
	}
	var h0 [blake2b.Size + 8]byte
	h.Sum(h0[:0])

	// m' = 4 * p * floor(m / 4p) blocks; q = m' / p columns per lane.
	blocks := memory / (argon2SyncPoints * lanes) * (argon2SyncPoints * lanes)
	q := blocks / lanes
	segment := q / argon2SyncPoints
	B := make([]argon2Block, blocks)

	// B[i][0] = H'^(1024)(H0 || LE32(0) || LE32(i)), B[i][1] likewise with 1.
	var buf [1024]byte
	for lane := uint32(0); lane < lanes; lane++ {
		for j := uint32(0); j < 2; j++ {
			binary.LittleEndian.PutUint32(h0[blake2b.Size:], j)
			binary.LittleEndian.PutUint32(h0[blake2b.Size+4:], lane)
			argon2Hprime(buf[:], h0[:])
			for k := range B[lane*q+j] {
				B[lane*q+j][k] = binary.LittleEndian.Uint64(buf[8*k:])
			}
		}
	}

	for pass := uint32(0); pass < passes; pass++ {
		for slice := uint32(0); slice < argon2SyncPoints; slice++ {
			for lane := uint32(0); lane < lanes; lane++ {
				argon2FillSegment(B, typ, pass, slice, lane, lanes, q, segment, blocks, passes)
			}
		}
	}

	// C = B[0][q-1] XOR ... XOR B[p-1][q-1]; Tag = H'^(T)(C).
	final := B[q-1]
	for lane := uint32(1); lane < lanes; lane++ {
		for k := range final {
			final[k] ^= B[lane*q+q-1][k]
		}
	}
	for k, w := range final {
		binary.LittleEndian.PutUint64(buf[8*k:], w)
	}
	out := make([]byte, tagLen)
	argon2Hprime(out, buf[:])
	return out
}

// argon2FillSegment computes the blocks of one segment (RFC 9106 §3.4).
func argon2FillSegment(B []argon2Block, typ int, pass, slice, lane, lanes, q, segment, blocks, passes uint32) {
	dataIndependent := typ == argon2i || (typ == argon2id && pass == 0 && slice < argon2SyncPoints/2)
	var address, input, zero argon2Block
	if dataIndependent {
		input[0] = uint64(pass)
		input[1] = uint64(lane)
		input[2] = uint64(slice)
		input[3] = uint64(blocks)
		input[4] = uint64(passes)
		input[5] = uint64(typ)
	}
	nextAddresses := func() {
		input[6]++
		argon2G(&address, &zero, &input, false)
		argon2G(&address, &zero, &address, false)
	}
	start := uint32(0)
	if pass == 0 && slice == 0 {
		start = 2 // the first two blocks of every lane are computed from H0
		if dataIndependent {
			nextAddresses()
		}
	}
	offset := lane*q + slice*segment + start
	for index := start; index < segment; index, offset = index+1, offset+1 {
		prev := offset - 1
		if offset%q == 0 {
			prev = offset + q - 1 // the first column refers to the last
		}
		var rand uint64
		if dataIndependent {
			if index%argon2BlockWords == 0 {
				nextAddresses()
			}
			rand = address[index%argon2BlockWords]
		} else {
			rand = B[prev][0]
		}
		// J1 = low 32 bits, J2 = high 32 bits; l = J2 mod p, the current lane
		// in the first slice of the first pass.
		refLane := uint32(rand>>32) % lanes
		if pass == 0 && slice == 0 {
			refLane = lane
		}
		refIndex := argon2RefIndex(pass, slice, index, segment, q, refLane == lane, uint32(rand))
		ref := refLane*q + refIndex
		withXOR := pass > 0 // version 0x13 XORs over the previous pass
		argon2G(&B[offset], &B[prev], &B[ref], withXOR)
	}
}

// argon2RefIndex maps J1 to a block of the reference area (RFC 9106 §3.4.2).
func argon2RefIndex(pass, slice, index, segment, q uint32, sameLane bool, j1 uint32) uint32 {
	var area uint32
	if pass == 0 {
		area = slice * segment
		if sameLane {
			area += index - 1
		} else if index == 0 {
			area--
		}
	} else {
		area = q - segment
		if sameLane {
			area += index - 1
		} else if index == 0 {
			area--
		}
	}
	x := uint64(j1) * uint64(j1) >> 32
	y := uint64(area) * x >> 32
	rel := uint64(area) - 1 - y
	startPos := uint64(0)
	if pass != 0 && slice != argon2SyncPoints-1 {
		startPos = uint64((slice + 1) * segment)
	}
	return uint32((startPos + rel) % uint64(q))
}

// argon2G is the compression function G(X, Y) (RFC 9106 §3.5), written to
// out (XORed into it when withXOR).
func argon2G(out, x, y *argon2Block, withXOR bool) {
	var r, z argon2Block
	for i := range r {
		r[i] = x[i] ^ y[i]
	}
	z = r
	// Apply P to the 8 rows (16 consecutive words each)...
	for i := 0; i < 8; i++ {
		j := 16 * i
		argon2P(&z[j], &z[j+1], &z[j+2], &z[j+3], &z[j+4], &z[j+5], &z[j+6], &z[j+7],
			&z[j+8], &z[j+9], &z[j+10], &z[j+11], &z[j+12], &z[j+13], &z[j+14], &z[j+15])
	}
	// ...then to the 8 columns (two words of each row).
	for i := 0; i < 8; i++ {
		j := 2 * i
		argon2P(&z[j], &z[j+1], &z[j+16], &z[j+17], &z[j+32], &z[j+33], &z[j+48], &z[j+49],
			&z[j+64], &z[j+65], &z[j+80], &z[j+81], &z[j+96], &z[j+97], &z[j+112], &z[j+113])
	}
	for i := range out {
		v := z[i] ^ r[i]
		if withXOR {
			out[i] ^= v
		} else {
			out[i] = v
		}
	}
}

// argon2P is the permutation P on sixteen 64-bit words.
func argon2P(v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15 *uint64) {
	argon2GB(v0, v4, v8, v12)
	argon2GB(v1, v5, v9, v13)
	argon2GB(v2, v6, v10, v14)
	argon2GB(v3, v7, v11, v15)
	argon2GB(v0, v5, v10, v15)
	argon2GB(v1, v6, v11, v12)
	argon2GB(v2, v7, v8, v13)
	argon2GB(v3, v4, v9, v14)
}

// argon2GB is BLAKE2b's G with the multiplications of RFC 9106 §3.6.
func argon2GB(a, b, c, d *uint64) {
	mul := func(x, y uint64) uint64 { return 2 * (x & 0xffffffff) * (y & 0xffffffff) }
	*a = *a + *b + mul(*a, *b)
	*d = bits.RotateLeft64(*d^*a, -32)
	*c = *c + *d + mul(*c, *d)
	*b = bits.RotateLeft64(*b^*c, -24)
	*a = *a + *b + mul(*a, *b)
	*d = bits.RotateLeft64(*d^*a, -16)
	*c = *c + *d + mul(*c, *d)
	*b = bits.RotateLeft64(*b^*c, -63)
}

// argon2Hprime is the variable-length hash H' (RFC 9106 §3.3); it fills out.
func argon2Hprime(out, in []byte) {
	var t [4]byte
	binary.LittleEndian.PutUint32(t[:], uint32(len(out)))
	if len(out) <= blake2b.Size {
		h, _ := blake2b.New(len(out), nil)
		h.Write(t[:])
		h.Write(in)
		h.Sum(out[:0])
		return
	}
	h, _ := blake2b.New512(nil)
	h.Write(t[:])
	h.Write(in)
	v := h.Sum(nil)
	// r = ceil(T/32) - 2 full blocks contribute their first 32 bytes.
	r := (len(out)+31)/32 - 2
	n := copy(out, v[:32])
	for i := 1; i < r; i++ {
		s := blake2b.Sum512(v)
		v = s[:]
		n += copy(out[n:], v[:32])
	}
	last, _ := blake2b.New(len(out)-32*r, nil)
	last.Write(v)
	last.Sum(out[n:n])
}
