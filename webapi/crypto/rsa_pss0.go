package crypto

// RSA-PSS with a zero-length salt. crypto/rsa treats PSSOptions.SaltLength
// 0 as "automatic" (the longest salt when signing, any length when
// verifying), so it cannot produce or strictly check the saltLength: 0
// signatures WebCrypto defines. This file implements EMSA-PSS (RFC 8017
// §9.1) for that one case on top of math/big. Signing blinds the private
// exponentiation and checks the result with the public key.

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/subtle"
	"errors"
	"math/big"
)

// mgf1XOR XORs out with MGF1(seed) (RFC 8017 §B.2.1).
func mgf1XOR(out []byte, h crypto.Hash, seed []byte) {
	var counter [4]byte
	done := 0
	for done < len(out) {
		hh := h.New()
		hh.Write(seed)
		hh.Write(counter[:])
		for _, b := range hh.Sum(nil) {
			if done == len(out) {
				break
			}
			out[done] ^= b
			done++
		}
		for i := 3; i >= 0; i-- {
			counter[i]++
			if counter[i] != 0 {
				break
			}
		}
	}
}

// emsaPSSNoSaltHash computes H = Hash(0x00×8 || mHash).
func emsaPSSNoSaltHash(h crypto.Hash, mHash []byte) []byte {
	hh := h.New()
	hh.Write(make([]byte, 8))
	hh.Write(mHash)
	return hh.Sum(nil)
}

func signPSSNoSalt(priv *rsa.PrivateKey, h crypto.Hash, mHash []byte) ([]byte, error) {
	k := (priv.N.BitLen() + 7) / 8
	emBits := priv.N.BitLen() - 1
	emLen := (emBits + 7) / 8
	hLen := h.Size()
	if emLen < hLen+2 {
		return nil, errors.New("crypto: key too small for the hash")
	}
	H := emsaPSSNoSaltHash(h, mHash)
	// DB = PS || 0x01, masked with MGF1(H).
	db := make([]byte, emLen-hLen-1)
	db[len(db)-1] = 0x01
	mgf1XOR(db, h, H)
	db[0] &= 0xff >> (8*emLen - emBits)
	em := append(append(db, H...), 0xbc)

	m := new(big.Int).SetBytes(em)
	n, e := priv.N, big.NewInt(int64(priv.E))
	// Blind: c = m·r^e mod n, s = c^d·r^-1 mod n.
	var r *big.Int
	for {
		var err error
		if r, err = rand.Int(rand.Reader, n); err != nil {
			return nil, err
		}
		if r.Sign() > 0 && new(big.Int).GCD(nil, nil, r, n).Cmp(big.NewInt(1)) == 0 {
			break
		}
	}
	c := new(big.Int).Exp(r, e, n)
	c.Mul(c, m).Mod(c, n)
	s := new(big.Int).Exp(c, priv.D, n)
	s.Mul(s, new(big.Int).ModInverse(r, n)).Mod(s, n)
	if new(big.Int).Exp(s, e, n).Cmp(m) != 0 {
		return nil, errors.New("crypto: RSA signature check failed")
	}
	return s.FillBytes(make([]byte, k)), nil
}

func verifyPSSNoSalt(pub *rsa.PublicKey, h crypto.Hash, mHash, sig []byte) bool {
	k := (pub.N.BitLen() + 7) / 8
	if len(sig) != k {
		return false
	}
	s := new(big.Int).SetBytes(sig)
	if s.Cmp(pub.N) >= 0 {
		return false
	}
	m := new(big.Int).Exp(s, big.NewInt(int64(pub.E)), pub.N)
	emBits := pub.N.BitLen() - 1
	emLen := (emBits + 7) / 8
	hLen := h.Size()
	if m.BitLen() > emBits || emLen < hLen+2 {
		return false
	}
	em := m.FillBytes(make([]byte, emLen))
	if em[emLen-1] != 0xbc {
		return false
	}
	db := append([]byte(nil), em[:emLen-hLen-1]...)
	H := em[emLen-hLen-1 : emLen-1]
	if db[0]&^(0xff>>(8*emLen-emBits)) != 0 {
		return false
	}
	mgf1XOR(db, h, H)
	db[0] &= 0xff >> (8*emLen - emBits)
	for _, b := range db[:len(db)-1] {
		if b != 0 {
			return false
		}
	}
	if db[len(db)-1] != 0x01 {
		return false
	}
	return subtle.ConstantTimeCompare(H, emsaPSSNoSaltHash(h, mHash)) == 1
}
