package crypto

// RSASSA-PKCS1-v1_5, RSA-PSS and RSA-OAEP
// (https://w3c.github.io/webcrypto/#rsassa-pkcs1, #rsa-pss, #rsa-oaep). The
// three share key generation, import and export; they differ in usages, the
// JWK "alg" names and "use", and the operations.

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"math/big"
)

type rsaAlg struct {
	name    string
	public  usageSet // usages of public keys
	private usageSet // usages of private keys
	use     string   // JWK "use"
}

var (
	rsaPKCS1 = &rsaAlg{name: "RSASSA-PKCS1-v1_5", public: useVerify, private: useSign, use: "sig"}
	rsaPSS   = &rsaAlg{name: "RSA-PSS", public: useVerify, private: useSign, use: "sig"}
	rsaOAEP  = &rsaAlg{name: "RSA-OAEP", public: useEncrypt | useWrapKey, private: useDecrypt | useUnwrapKey, use: "enc"}
)

// jwkAlg maps a hash to the JWK "alg" of this algorithm ("" for hashes JWA
// does not name).
func (a *rsaAlg) jwkAlg(hash string) string {
	suffix := map[string]string{"SHA-1": "1", "SHA-256": "256", "SHA-384": "384", "SHA-512": "512"}[hash]
	if suffix == "" {
		return ""
	}
	switch a.name {
	case "RSASSA-PKCS1-v1_5":
		return "RS" + suffix
	case "RSA-PSS":
		return "PS" + suffix
	}
	if suffix == "1" {
		return "RSA-OAEP"
	}
	return "RSA-OAEP-" + suffix
}

// cryptoHash maps a normalized hash name to crypto.Hash (0 if unsupported).
func cryptoHash(name string) crypto.Hash {
	switch name {
	case "SHA-1":
		return crypto.SHA1
	case "SHA-256":
		return crypto.SHA256
	case "SHA-384":
		return crypto.SHA384
	case "SHA-512":
		return crypto.SHA512
	case "SHA3-256":
		return crypto.SHA3_256
	case "SHA3-384":
		return crypto.SHA3_384
	case "SHA3-512":
		return crypto.SHA3_512
	}
	return 0
}

func checkHash(name string) error {
	if cryptoHash(name) == 0 {
		return errorf(errNotSupported, "Unsupported hash algorithm %q", name)
	}
	return nil
}

func (a *rsaAlg) keyAlg(pub *rsa.PublicKey, hash string) keyAlgorithm {
	return keyAlgorithm{name: a.name, hash: hash, modulusLength: pub.N.BitLen(),
		publicExponent: big.NewInt(int64(pub.E)).Bytes()}
}

// publicExponent decodes a BigInteger; ok is false past what Go's RSA
// accepts.
func publicExponent(b []byte) (int, bool) {
	e := new(big.Int).SetBytes(b)
	if !e.IsInt64() || e.Int64() > 1<<31-1 {
		return 0, false
	}
	return int(e.Int64()), true
}

func (a *rsaAlg) generateKey(p *params, extractable bool, usages usageSet) (any, error) {
	if !usages.subsetOf(a.public | a.private) {
		return nil, errUsages
	}
	if err := checkHash(p.hash); err != nil {
		return nil, err
	}
	if err := rsaCheckGenParams(p); err != nil {
		return nil, err
	}
	priv, err := rsa.GenerateKey(rand.Reader, int(p.modulusLength))
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	alg := a.keyAlg(&priv.PublicKey, p.hash)
	return keyPair{
		public:  &Key{typ: keyPublic, extractable: true, usages: usages & a.public, alg: alg, handle: &priv.PublicKey},
		private: &Key{typ: keyPrivate, extractable: extractable, usages: usages & a.private, alg: alg, handle: priv},
	}, nil
}

// rsaCheckGenParams refuses the key generation parameters Go's RSA cannot
// honour: crypto/rsa generates keys with the exponent 65537 only (Chrome
// also allows 3), of at least 1024 bits.
func rsaCheckGenParams(p *params) error {
	if e, ok := publicExponent(p.publicExponent); !ok || e != 65537 {
		return errorf(errOperation, "The \"publicExponent\" must be 65537")
	}
	if p.modulusLength < 1024 || p.modulusLength > 16384 || p.modulusLength%8 != 0 {
		return errorf(errOperation, "The modulus length must be a multiple of 8 bits and >= 1024 and <= 16384")
	}
	return nil
}

func (a *rsaAlg) checkParams(op string, p *params, _ int64) error {
	switch op {
	case opGenerateKey:
		if err := checkHash(p.hash); err != nil {
			return err
		}
		return rsaCheckGenParams(p)
	case opImportKey:
		return checkHash(p.hash)
	}
	return nil
}

func (a *rsaAlg) heavy(op string, p *params, k *Key, _ int) bool {
	switch op {
	case opGenerateKey:
		return true
	case opSign, opDecrypt:
		// A private-key operation takes about a millisecond at 2048 bits.
		return k != nil && k.alg.modulusLength >= 2048
	}
	return false
}

func (a *rsaAlg) importKey(p *params, format string, data keyData, extractable bool, usages usageSet) (*Key, error) {
	if err := checkHash(p.hash); err != nil {
		return nil, err
	}
	switch format {
	case "spki":
		if !usages.subsetOf(a.public) {
			return nil, errUsages
		}
		pub, err := x509.ParsePKIXPublicKey(data.([]byte))
		if err != nil {
			return nil, errorf(errData, "Invalid keyData")
		}
		rpub, ok := pub.(*rsa.PublicKey)
		if !ok {
			return nil, errorf(errData, "The key is not an RSA key")
		}
		return &Key{typ: keyPublic, alg: a.keyAlg(rpub, p.hash), handle: rpub}, nil
	case "pkcs8":
		if !usages.subsetOf(a.private) {
			return nil, errUsages
		}
		priv, err := x509.ParsePKCS8PrivateKey(data.([]byte))
		if err != nil {
			return nil, errorf(errData, "Invalid keyData")
		}
		rpriv, ok := priv.(*rsa.PrivateKey)
		if !ok {
			return nil, errorf(errData, "The key is not an RSA key")
		}
		return &Key{typ: keyPrivate, alg: a.keyAlg(&rpriv.PublicKey, p.hash), handle: rpriv}, nil
	case "jwk":
		return a.importJWK(p, data.(*jwk), extractable, usages)
	}
	return nil, errImportFormat
}

func (a *rsaAlg) importJWK(p *params, j *jwk, extractable bool, usages usageSet) (*Key, error) {
	_, private := j.get("d")
	// If d is present and usages contains an entry which is not a private
	// usage, or d is absent and usages contains one that is not a public
	// usage, then throw a SyntaxError.
	if (private && !usages.subsetOf(a.private)) || (!private && !usages.subsetOf(a.public)) {
		return nil, errUsages
	}
	if kty, _ := j.get("kty"); kty != "RSA" {
		return nil, errorf(errData, "The JWK \"kty\" member was not \"RSA\"")
	}
	if err := checkJWKCommon(j, extractable, usages, a.use); err != nil {
		return nil, err
	}
	// The "alg" member, when present, must name this algorithm with the
	// hash of normalizedAlgorithm.
	if alg, ok := j.get("alg"); ok {
		want := a.jwkAlg(p.hash)
		known := false
		for _, h := range []string{"SHA-1", "SHA-256", "SHA-384", "SHA-512"} {
			known = known || a.jwkAlg(h) == alg
		}
		if !known || alg != want {
			return nil, errorf(errData, "The JWK \"alg\" member was inconsistent with that specified by the Web Crypto call")
		}
	}
	n, err := jwkBigInt(j, "n")
	if err != nil {
		return nil, err
	}
	e, err := jwkBigInt(j, "e")
	if err != nil {
		return nil, err
	}
	if !e.IsInt64() || e.Int64() > 1<<31-1 || e.Int64() < 3 || n.Sign() <= 0 {
		return nil, errorf(errData, "The JWK describes an invalid RSA public key")
	}
	pub := rsa.PublicKey{N: n, E: int(e.Int64())}
	if !private {
		return &Key{typ: keyPublic, alg: a.keyAlg(&pub, p.hash), handle: &pub}, nil
	}
	if j.hasOth {
		return nil, errorf(errNotSupported, "RSA keys with more than two primes are not supported")
	}
	names := []string{"d", "p", "q", "dp", "dq", "qi"}
	vals := make([]*big.Int, len(names))
	for i, name := range names {
		if vals[i], err = jwkBigInt(j, name); err != nil {
			return nil, err
		}
	}
	priv := &rsa.PrivateKey{PublicKey: pub, D: vals[0], Primes: []*big.Int{vals[1], vals[2]}}
	if err := priv.Validate(); err != nil {
		return nil, errorf(errData, "The JWK describes an invalid RSA private key")
	}
	priv.Precompute()
	if priv.Precomputed.Dp.Cmp(vals[3]) != 0 || priv.Precomputed.Dq.Cmp(vals[4]) != 0 || priv.Precomputed.Qinv.Cmp(vals[5]) != 0 {
		return nil, errorf(errData, "The JWK describes an invalid RSA private key")
	}
	return &Key{typ: keyPrivate, alg: a.keyAlg(&pub, p.hash), handle: priv}, nil
}

// jwkBigInt decodes a JWA Base64urlUInt member.
func jwkBigInt(j *jwk, name string) (*big.Int, error) {
	b, err := j.bytesOf(name)
	if err != nil {
		return nil, err
	}
	if len(b) == 0 {
		return nil, errorf(errData, "The JWK \"%s\" member was empty.", name)
	}
	return new(big.Int).SetBytes(b), nil
}

func (a *rsaAlg) exportKey(format string, k *Key) (any, error) {
	switch format {
	case "spki":
		if k.typ != keyPublic {
			return nil, errKeyType
		}
		der, err := x509.MarshalPKIXPublicKey(k.handle.(*rsa.PublicKey))
		if err != nil {
			return nil, errorf(errOperation, "%s", err)
		}
		return der, nil
	case "pkcs8":
		if k.typ != keyPrivate {
			return nil, errKeyType
		}
		der, err := x509.MarshalPKCS8PrivateKey(k.handle.(*rsa.PrivateKey))
		if err != nil {
			return nil, errorf(errOperation, "%s", err)
		}
		return der, nil
	case "jwk":
		j := newJWK()
		j.set("kty", "RSA")
		if alg := a.jwkAlg(k.alg.hash); alg != "" {
			j.set("alg", alg)
		}
		var pub *rsa.PublicKey
		if k.typ == keyPrivate {
			priv := k.handle.(*rsa.PrivateKey)
			pub = &priv.PublicKey
			if len(priv.Primes) != 2 {
				return nil, errorf(errOperation, "RSA keys with more than two primes cannot be exported as JWK")
			}
			j.setBytes("d", priv.D.Bytes())
			j.setBytes("p", priv.Primes[0].Bytes())
			j.setBytes("q", priv.Primes[1].Bytes())
			j.setBytes("dp", priv.Precomputed.Dp.Bytes())
			j.setBytes("dq", priv.Precomputed.Dq.Bytes())
			j.setBytes("qi", priv.Precomputed.Qinv.Bytes())
		} else {
			pub = k.handle.(*rsa.PublicKey)
		}
		j.setBytes("n", pub.N.Bytes())
		j.setBytes("e", big.NewInt(int64(pub.E)).Bytes())
		exportJWKCommon(j, k)
		return j, nil
	}
	return nil, errExportFormat
}

func (a *rsaAlg) publicKey(k *Key) (*Key, error) {
	return &Key{handle: &k.handle.(*rsa.PrivateKey).PublicKey}, nil
}

func hashMessage(h crypto.Hash, message []byte) []byte {
	hh := h.New()
	hh.Write(message)
	return hh.Sum(nil)
}

func (a *rsaAlg) sign(p *params, k *Key, message []byte) ([]byte, error) {
	// If the [[type]] internal slot of key is not "private", then throw an
	// InvalidAccessError.
	if k.typ != keyPrivate {
		return nil, errKeyType
	}
	priv := k.handle.(*rsa.PrivateKey)
	h := cryptoHash(k.alg.hash)
	digest := hashMessage(h, message)
	var sig []byte
	var err error
	if a.name == "RSA-PSS" {
		if p.saltLength == 0 {
			// crypto/rsa reads a zero salt length as "automatic".
			sig, err = signPSSNoSalt(priv, h, digest)
		} else {
			sig, err = rsa.SignPSS(rand.Reader, priv, h, digest, &rsa.PSSOptions{SaltLength: int(p.saltLength), Hash: h})
		}
	} else {
		sig, err = rsa.SignPKCS1v15(nil, priv, h, digest)
	}
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	return sig, nil
}

func (a *rsaAlg) verify(p *params, k *Key, signature, message []byte) (bool, error) {
	// If the [[type]] internal slot of key is not "public", then throw an
	// InvalidAccessError.
	if k.typ != keyPublic {
		return false, errKeyType
	}
	pub := k.handle.(*rsa.PublicKey)
	h := cryptoHash(k.alg.hash)
	digest := hashMessage(h, message)
	if a.name == "RSA-PSS" {
		if p.saltLength == 0 {
			return verifyPSSNoSalt(pub, h, digest, signature), nil
		}
		return rsa.VerifyPSS(pub, h, digest, signature, &rsa.PSSOptions{SaltLength: int(p.saltLength), Hash: h}) == nil, nil
	}
	return rsa.VerifyPKCS1v15(pub, h, digest, signature) == nil, nil
}

func (a *rsaAlg) encrypt(p *params, k *Key, plaintext []byte) ([]byte, error) {
	if k.typ != keyPublic {
		return nil, errKeyType
	}
	h := cryptoHash(k.alg.hash)
	out, err := rsa.EncryptOAEP(h.New(), rand.Reader, k.handle.(*rsa.PublicKey), plaintext, p.label)
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	return out, nil
}

func (a *rsaAlg) decrypt(p *params, k *Key, ciphertext []byte) ([]byte, error) {
	if k.typ != keyPrivate {
		return nil, errKeyType
	}
	h := cryptoHash(k.alg.hash)
	out, err := rsa.DecryptOAEP(h.New(), nil, k.handle.(*rsa.PrivateKey), ciphertext, p.label)
	if err != nil {
		return nil, errorf(errOperation, "The operation failed for an operation-specific reason")
	}
	if out == nil {
		out = []byte{}
	}
	return out, nil
}
