package node

import (
	"crypto/ecdh"
	"crypto/elliptic"
	"crypto/rand"
	"math/big"

	"github.com/edgerun/edgerun/runtime/jsclass"
)

// ecdhState backs crypto.createECDH: a NIST-curve key pair whose public
// key is exchanged as an uncompressed (or compressed) point.
type ecdhState struct {
	jsclass.Shell
	curve ecdh.Curve
	named elliptic.Curve
	priv  *ecdh.PrivateKey
}

var errECDHNoKey = &cryptoError{"ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY", "Public key is not valid for specified curve", "Error"}

func ecdhCurve(name string) (ecdh.Curve, elliptic.Curve, bool) {
	switch name {
	case "prime256v1", "secp256r1", "P-256":
		return ecdh.P256(), elliptic.P256(), true
	case "secp384r1", "P-384":
		return ecdh.P384(), elliptic.P384(), true
	case "secp521r1", "P-521":
		return ecdh.P521(), elliptic.P521(), true
	}
	return nil, nil, false
}

func (s *ecdhState) generate() error {
	k, err := s.curve.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	s.priv = k
	return nil
}

// publicPoint encodes the public key: "uncompressed" (SEC 1 0x04 || X ||
// Y, what ecdh gives), "compressed" or "hybrid".
func (s *ecdhState) publicPoint(format string) ([]byte, error) {
	if s.priv == nil {
		return nil, &cryptoError{"ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY", "Failed to get ECDH public key", "Error"}
	}
	return convertPoint(s.named, s.priv.PublicKey().Bytes(), format)
}

func convertPoint(curve elliptic.Curve, point []byte, format string) ([]byte, error) {
	x, y := decodePoint(curve, point)
	if x == nil {
		return nil, errECDHNoKey
	}
	switch format {
	case "compressed":
		return elliptic.MarshalCompressed(curve, x, y), nil
	case "hybrid":
		out := elliptic.Marshal(curve, x, y) //nolint:staticcheck // point encoding only
		out[0] = 6 | byte(y.Bit(0))
		return out, nil
	case "", "uncompressed":
		return elliptic.Marshal(curve, x, y), nil //nolint:staticcheck // point encoding only
	}
	return nil, &cryptoError{"ERR_CRYPTO_ECDH_INVALID_FORMAT", "Invalid ECDH format: " + format, "TypeError"}
}

// decodePoint accepts compressed (02/03), uncompressed (04) and hybrid
// (06/07) SEC 1 points; nil when the point is not on the curve.
func decodePoint(curve elliptic.Curve, point []byte) (*big.Int, *big.Int) {
	if len(point) == 0 {
		return nil, nil
	}
	switch point[0] {
	case 2, 3:
		return elliptic.UnmarshalCompressed(curve, point)
	case 4, 6, 7:
		p := append([]byte(nil), point...)
		p[0] = 4
		return elliptic.Unmarshal(curve, p) //nolint:staticcheck // validates the point is on the curve
	}
	return nil, nil
}

func (s *ecdhState) computeSecret(other []byte) ([]byte, error) {
	if s.priv == nil {
		return nil, errECDHNoKey
	}
	x, y := decodePoint(s.named, other)
	if x == nil {
		return nil, errECDHNoKey
	}
	pub, err := s.curve.NewPublicKey(elliptic.Marshal(s.named, x, y)) //nolint:staticcheck // point encoding only
	if err != nil {
		return nil, errECDHNoKey
	}
	return s.priv.ECDH(pub)
}

func (s *ecdhState) setPrivateKey(key []byte) error {
	size := (s.named.Params().BitSize + 7) / 8
	if len(key) < size {
		key = append(make([]byte, size-len(key)), key...)
	}
	k, err := s.curve.NewPrivateKey(key)
	if err != nil {
		return &cryptoError{"ERR_CRYPTO_INVALID_KEYTYPE", "Private key is not valid for specified curve.", "Error"}
	}
	s.priv = k
	return nil
}
