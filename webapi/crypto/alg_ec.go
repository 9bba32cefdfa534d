package crypto

// ECDSA and ECDH on P-256, P-384 and P-521 (https://w3c.github.io/webcrypto/#ecdsa,
// https://w3c.github.io/webcrypto/#ecdh). Both hold *ecdsa.PrivateKey /
// *ecdsa.PublicKey; ECDH converts them with their ECDH methods.

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/asn1"
	"math/big"
)

type ecCurve struct {
	name  string
	curve elliptic.Curve
	oid   asn1.ObjectIdentifier
	size  int    // bytes per coordinate / scalar
	alg   string // JWK "alg" for ECDSA
}

var ecCurves = []*ecCurve{
	{"P-256", elliptic.P256(), oidP256, 32, "ES256"},
	{"P-384", elliptic.P384(), oidP384, 48, "ES384"},
	{"P-521", elliptic.P521(), oidP521, 66, "ES512"},
}

func curveByName(name string) *ecCurve {
	for _, c := range ecCurves {
		if c.name == name {
			return c
		}
	}
	return nil
}

func curveByOID(oid asn1.ObjectIdentifier) *ecCurve {
	for _, c := range ecCurves {
		if c.oid.Equal(oid) {
			return c
		}
	}
	return nil
}

func curveOf(curve elliptic.Curve) *ecCurve {
	for _, c := range ecCurves {
		if c.curve == curve {
			return c
		}
	}
	return nil
}

type ecAlg struct {
	name    string
	public  usageSet
	private usageSet
	use     string
}

var (
	ecdsaAlg = &ecAlg{name: "ECDSA", public: useVerify, private: useSign, use: "sig"}
	ecdhAlg  = &ecAlg{name: "ECDH", public: 0, private: usagesDerive, use: "enc"}
)

func (a *ecAlg) generateKey(p *params, extractable bool, usages usageSet) (any, error) {
	if !usages.subsetOf(a.public | a.private) {
		return nil, errUsages
	}
	c := curveByName(p.namedCurve)
	if c == nil {
		return nil, errorf(errNotSupported, "Unsupported namedCurve %q", p.namedCurve)
	}
	priv, err := ecdsa.GenerateKey(c.curve, rand.Reader)
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	alg := keyAlgorithm{name: a.name, namedCurve: c.name}
	return keyPair{
		public:  &Key{typ: keyPublic, extractable: true, usages: usages & a.public, alg: alg, handle: &priv.PublicKey},
		private: &Key{typ: keyPrivate, extractable: extractable, usages: usages & a.private, alg: alg, handle: priv},
	}, nil
}

func (a *ecAlg) checkParams(op string, p *params, _ int64) error {
	switch op {
	case opGenerateKey:
		if curveByName(p.namedCurve) == nil {
			return errorf(errNotSupported, "Unsupported namedCurve")
		}
	case opSign, opVerify:
		return checkHash(p.hash)
	case opDeriveBits:
		if p.public == nil || p.public.typ != keyPublic || p.public.alg.name != a.name {
			return errorf(errInvalidAccess, "The public parameter for ECDH key derivation is not a public ECDH key")
		}
	}
	return nil
}

// decodePoint runs SEC1 §2.3.4 on data for the curve: uncompressed and
// compressed points; the identity and points off the curve are errors.
func decodePoint(c *ecCurve, data []byte) (*ecdsa.PublicKey, error) {
	bad := errorf(errData, "The imported EC key is invalid")
	if len(data) == 1+c.size && (data[0] == 2 || data[0] == 3) {
		x, y := elliptic.UnmarshalCompressed(c.curve, data)
		if x == nil {
			return nil, bad
		}
		data = elliptic.Marshal(c.curve, x, y)
	}
	pub, err := ecdsa.ParseUncompressedPublicKey(c.curve, data)
	if err != nil {
		return nil, bad
	}
	return pub, nil
}

func (a *ecAlg) keyAlg(c *ecCurve) keyAlgorithm {
	return keyAlgorithm{name: a.name, namedCurve: c.name}
}

func (a *ecAlg) importKey(p *params, format string, data keyData, extractable bool, usages usageSet) (*Key, error) {
	want := curveByName(p.namedCurve)
	switch format {
	case "spki":
		if !usages.subsetOf(a.public) {
			return nil, errUsages
		}
		info, err := parseSPKI(data.([]byte))
		if err != nil {
			return nil, err
		}
		if !info.alg.oid.Equal(oidECPublicKey) {
			return nil, errorf(errData, "The key is not an EC key")
		}
		oid, ok := info.alg.namedCurveParam()
		if !ok {
			return nil, errorf(errData, "The EC parameters must name a curve")
		}
		c := curveByOID(oid)
		if c == nil || c != want {
			return nil, errorf(errData, "The imported EC key specifies a different curve than requested")
		}
		pub, err := decodePoint(c, info.key)
		if err != nil {
			return nil, err
		}
		return &Key{typ: keyPublic, alg: a.keyAlg(c), handle: pub}, nil
	case "pkcs8":
		if !usages.subsetOf(a.private) {
			return nil, errUsages
		}
		info, err := parsePKCS8(data.([]byte))
		if err != nil {
			return nil, err
		}
		if !info.alg.oid.Equal(oidECPublicKey) {
			return nil, errorf(errData, "The key is not an EC key")
		}
		oid, ok := info.alg.namedCurveParam()
		if !ok {
			return nil, errorf(errData, "The EC parameters must name a curve")
		}
		c := curveByOID(oid)
		if c == nil {
			return nil, errorf(errData, "Unsupported EC curve")
		}
		// crypto/x509 parses the ECPrivateKey and checks that its own
		// parameters, when present, name the same curve.
		k, err := x509.ParsePKCS8PrivateKey(data.([]byte))
		if err != nil {
			return nil, errorf(errData, "The imported EC key is invalid")
		}
		priv, ok := k.(*ecdsa.PrivateKey)
		if !ok || curveOf(priv.Curve) != c {
			return nil, errorf(errData, "The imported EC key is invalid")
		}
		if c != want {
			return nil, errorf(errData, "The imported EC key specifies a different curve than requested")
		}
		return &Key{typ: keyPrivate, alg: a.keyAlg(c), handle: priv}, nil
	case "jwk":
		return a.importJWK(p, data.(*jwk), extractable, usages)
	case "raw", "raw-public":
		// If namedCurve is not a named curve, then throw a DataError.
		if want == nil {
			return nil, errorf(errData, "Unsupported namedCurve")
		}
		if !usages.subsetOf(a.public) {
			return nil, errUsages
		}
		pub, err := decodePoint(want, data.([]byte))
		if err != nil {
			return nil, err
		}
		return &Key{typ: keyPublic, alg: a.keyAlg(want), handle: pub}, nil
	}
	return nil, errImportFormat
}

func (a *ecAlg) importJWK(p *params, j *jwk, extractable bool, usages usageSet) (*Key, error) {
	_, private := j.get("d")
	if (private && !usages.subsetOf(a.private)) || (!private && !usages.subsetOf(a.public)) {
		return nil, errUsages
	}
	if kty, _ := j.get("kty"); kty != "EC" {
		return nil, errorf(errData, "The JWK \"kty\" member was not \"EC\"")
	}
	if err := checkJWKCommon(j, extractable, usages, a.use); err != nil {
		return nil, err
	}
	crv, _ := j.get("crv")
	if crv != p.namedCurve {
		return nil, errorf(errData, "The JWK's \"crv\" member specifies a different curve than requested")
	}
	c := curveByName(crv)
	if c == nil {
		return nil, errorf(errData, "Unsupported JWK \"crv\"")
	}
	// ECDSA checks "alg"; ECDH ignores it.
	if alg, ok := j.get("alg"); ok && a.name == "ECDSA" && alg != c.alg {
		return nil, errorf(errData, "The JWK \"alg\" member was inconsistent with that specified by the Web Crypto call")
	}
	x, err := j.bytesOf("x")
	if err != nil {
		return nil, err
	}
	y, err := j.bytesOf("y")
	if err != nil {
		return nil, err
	}
	if len(x) != c.size || len(y) != c.size {
		return nil, errorf(errData, "The JWK's \"x\" and \"y\" members must be %d bytes long", c.size)
	}
	pub, err := decodePoint(c, append(append([]byte{4}, x...), y...))
	if err != nil {
		return nil, err
	}
	if !private {
		return &Key{typ: keyPublic, alg: a.keyAlg(c), handle: pub}, nil
	}
	d, err := j.bytesOf("d")
	if err != nil {
		return nil, err
	}
	if len(d) != c.size {
		return nil, errorf(errData, "The JWK's \"d\" member must be %d bytes long", c.size)
	}
	priv, err := ecdsa.ParseRawPrivateKey(c.curve, d)
	if err != nil || !priv.PublicKey.Equal(pub) {
		return nil, errorf(errData, "The JWK's private and public keys do not match")
	}
	return &Key{typ: keyPrivate, alg: a.keyAlg(c), handle: priv}, nil
}

func (a *ecAlg) exportKey(format string, k *Key) (any, error) {
	c := curveByName(k.alg.namedCurve)
	switch format {
	case "spki":
		if k.typ != keyPublic {
			return nil, errKeyType
		}
		der, err := x509.MarshalPKIXPublicKey(k.handle.(*ecdsa.PublicKey))
		if err != nil {
			return nil, errorf(errOperation, "%s", err)
		}
		return der, nil
	case "pkcs8":
		if k.typ != keyPrivate {
			return nil, errKeyType
		}
		der, err := x509.MarshalPKCS8PrivateKey(k.handle.(*ecdsa.PrivateKey))
		if err != nil {
			return nil, errorf(errOperation, "%s", err)
		}
		return der, nil
	case "raw", "raw-public":
		if k.typ != keyPublic {
			return nil, errKeyType
		}
		b, err := k.handle.(*ecdsa.PublicKey).Bytes()
		if err != nil {
			return nil, errorf(errOperation, "%s", err)
		}
		return b, nil
	case "jwk":
		j := newJWK()
		j.set("kty", "EC")
		j.set("crv", c.name)
		var pub *ecdsa.PublicKey
		if k.typ == keyPrivate {
			priv := k.handle.(*ecdsa.PrivateKey)
			pub = &priv.PublicKey
			d, err := priv.Bytes()
			if err != nil {
				return nil, errorf(errOperation, "%s", err)
			}
			j.setBytes("d", d)
		} else {
			pub = k.handle.(*ecdsa.PublicKey)
		}
		pt, err := pub.Bytes()
		if err != nil {
			return nil, errorf(errOperation, "%s", err)
		}
		j.setBytes("x", pt[1:1+c.size])
		j.setBytes("y", pt[1+c.size:])
		exportJWKCommon(j, k)
		return j, nil
	}
	return nil, errExportFormat
}

func (a *ecAlg) publicKey(k *Key) (*Key, error) {
	return &Key{handle: &k.handle.(*ecdsa.PrivateKey).PublicKey}, nil
}

func (a *ecAlg) sign(p *params, k *Key, message []byte) ([]byte, error) {
	if k.typ != keyPrivate {
		return nil, errKeyType
	}
	h := cryptoHash(p.hash)
	if h == 0 {
		return nil, checkHash(p.hash)
	}
	priv := k.handle.(*ecdsa.PrivateKey)
	r, s, err := ecdsa.Sign(rand.Reader, priv, hashMessage(h, message))
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	n := curveOf(priv.Curve).size
	out := make([]byte, 2*n)
	r.FillBytes(out[:n])
	s.FillBytes(out[n:])
	return out, nil
}

func (a *ecAlg) verify(p *params, k *Key, signature, message []byte) (bool, error) {
	if k.typ != keyPublic {
		return false, errKeyType
	}
	h := cryptoHash(p.hash)
	if h == 0 {
		return false, checkHash(p.hash)
	}
	pub := k.handle.(*ecdsa.PublicKey)
	n := curveOf(pub.Curve).size
	// If signature does not have a length of n * 2 bytes, return false.
	if len(signature) != 2*n {
		return false, nil
	}
	r := new(big.Int).SetBytes(signature[:n])
	s := new(big.Int).SetBytes(signature[n:])
	return ecdsa.Verify(pub, hashMessage(h, message), r, s), nil
}

// deriveBits implements ECDH's derive bits operation.
func (a *ecAlg) deriveBits(p *params, k *Key, length int64) ([]byte, error) {
	// If the [[type]] internal slot of key is not "private", then throw an
	// InvalidAccessError.
	if k.typ != keyPrivate {
		return nil, errKeyType
	}
	pubKey := p.public
	// The public member must be a public key of the same algorithm and
	// named curve.
	if pubKey.typ != keyPublic {
		return nil, errorf(errInvalidAccess, "The public parameter for ECDH key derivation is not a public EC key")
	}
	if pubKey.alg.name != k.alg.name {
		return nil, errorf(errInvalidAccess, "The public parameter for ECDH key derivation must be for ECDH")
	}
	if pubKey.alg.namedCurve != k.alg.namedCurve {
		return nil, errorf(errInvalidAccess, "The public parameter for ECDH key derivation is for a different named curve")
	}
	priv, err := k.handle.(*ecdsa.PrivateKey).ECDH()
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	pub, err := pubKey.handle.(*ecdsa.PublicKey).ECDH()
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	secret, err := priv.ECDH(pub)
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	return truncateBits(secret, length)
}

// truncateBits returns the first length bits of secret (all of it for a
// null length), or an OperationError when secret is shorter.
func truncateBits(secret []byte, length int64) ([]byte, error) {
	if length < 0 {
		return secret, nil
	}
	if int64(len(secret))*8 < length {
		return nil, errorf(errOperation, "Length specified for key derivation is too large. Maximum allowed is %d bits", len(secret)*8)
	}
	out := copyBytes(secret[:(length+7)/8])
	maskBits(out, int(length))
	return out, nil
}
