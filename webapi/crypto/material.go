package crypto

import (
	"crypto/ecdh"
	"crypto/ed25519"
)

// Material returns the key material for Go code that needs it (Node's
// KeyObject.from, for instance): []byte for secret keys; *rsa.PrivateKey /
// *rsa.PublicKey; *ecdsa.PrivateKey / *ecdsa.PublicKey for ECDSA and ECDH;
// ed25519.PrivateKey / ed25519.PublicKey; *ecdh.PrivateKey /
// *ecdh.PublicKey for X25519. Ed448, X448, ML-KEM and ML-DSA keys are
// returned as their raw encodings: []byte of the private key (seed) or
// public key.
func (k *Key) Material() any {
	switch h := k.handle.(type) {
	case *hmacKey:
		return h.raw
	case *okpKey:
		switch k.alg.name {
		case "Ed25519":
			if h.priv != nil {
				return ed25519.NewKeyFromSeed(h.priv)
			}
			return ed25519.PublicKey(h.pub)
		case "X25519":
			if h.priv != nil {
				priv, _ := ecdh.X25519().NewPrivateKey(h.priv)
				return priv
			}
			pub, _ := ecdh.X25519().NewPublicKey(h.pub)
			return pub
		}
		if h.priv != nil {
			return h.priv
		}
		return h.pub
	case *mlkemKey:
		if h.seed != nil {
			return h.seed
		}
		return h.pub
	case *mldsaKey:
		if h.seed != nil {
			return h.seed
		}
		return h.pub
	}
	return k.handle
}
