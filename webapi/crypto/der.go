package crypto

// SubjectPublicKeyInfo (RFC 5280 §4.1) and PrivateKeyInfo /
// OneAsymmetricKey (RFC 5208, RFC 5958) in strict DER, for the key types
// crypto/x509 does not know (Ed448, X448, ML-KEM, ML-DSA), for compressed
// EC points (which x509 refuses) and for the checks WebCrypto makes on the
// AlgorithmIdentifier's parameters.

import (
	"encoding/asn1"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

var (
	oidECPublicKey = asn1.ObjectIdentifier{1, 2, 840, 10045, 2, 1}
	oidP256        = asn1.ObjectIdentifier{1, 2, 840, 10045, 3, 1, 7}
	oidP384        = asn1.ObjectIdentifier{1, 3, 132, 0, 34}
	oidP521        = asn1.ObjectIdentifier{1, 3, 132, 0, 35}
	oidX25519      = asn1.ObjectIdentifier{1, 3, 101, 110}
	oidX448        = asn1.ObjectIdentifier{1, 3, 101, 111}
	oidEd25519     = asn1.ObjectIdentifier{1, 3, 101, 112}
	oidEd448       = asn1.ObjectIdentifier{1, 3, 101, 113}
	oidMLDSA44     = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 3, 17}
	oidMLDSA65     = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 3, 18}
	oidMLDSA87     = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 3, 19}
	oidMLKEM512    = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 4, 1}
	oidMLKEM768    = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 4, 2}
	oidMLKEM1024   = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 4, 3}
)

// algorithmIdentifier is a parsed AlgorithmIdentifier.
type algorithmIdentifier struct {
	oid       asn1.ObjectIdentifier
	params    []byte // the full DER element of the parameters, nil when absent
	hasParams bool
}

func readAlgorithmIdentifier(s *cryptobyte.String) (algorithmIdentifier, bool) {
	var ai algorithmIdentifier
	var seq cryptobyte.String
	if !s.ReadASN1(&seq, cbasn1.SEQUENCE) || !seq.ReadASN1ObjectIdentifier(&ai.oid) {
		return ai, false
	}
	if !seq.Empty() {
		var params cryptobyte.String
		var tag cbasn1.Tag
		if !seq.ReadAnyASN1Element(&params, &tag) || !seq.Empty() {
			return ai, false
		}
		ai.params, ai.hasParams = params, true
	}
	return ai, true
}

// namedCurveParam returns the OID in parameters that are an ECParameters
// namedCurve.
func (ai algorithmIdentifier) namedCurveParam() (asn1.ObjectIdentifier, bool) {
	if !ai.hasParams {
		return nil, false
	}
	s := cryptobyte.String(ai.params)
	var oid asn1.ObjectIdentifier
	if !s.ReadASN1ObjectIdentifier(&oid) || !s.Empty() {
		return nil, false
	}
	return oid, true
}

// spkiInfo is a parsed SubjectPublicKeyInfo.
type spkiInfo struct {
	alg algorithmIdentifier
	key []byte // the subjectPublicKey bits (whole bytes)
}

// parseSPKI runs "parse a subjectPublicKeyInfo" with exactData: the input
// must be exactly one DER SubjectPublicKeyInfo.
func parseSPKI(der []byte) (*spkiInfo, error) {
	s := cryptobyte.String(der)
	var seq cryptobyte.String
	if !s.ReadASN1(&seq, cbasn1.SEQUENCE) || !s.Empty() {
		return nil, errorf(errData, "Invalid SubjectPublicKeyInfo")
	}
	ai, ok := readAlgorithmIdentifier(&seq)
	if !ok {
		return nil, errorf(errData, "Invalid SubjectPublicKeyInfo")
	}
	var bits asn1.BitString
	if !seq.ReadASN1BitString(&bits) || !seq.Empty() || bits.BitLength%8 != 0 {
		return nil, errorf(errData, "Invalid SubjectPublicKeyInfo")
	}
	return &spkiInfo{alg: ai, key: bits.Bytes}, nil
}

func marshalSPKI(oid asn1.ObjectIdentifier, params []byte, key []byte) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		addAlgorithmIdentifier(b, oid, params)
		b.AddASN1BitString(key)
	})
	return b.BytesOrPanic()
}

func addAlgorithmIdentifier(b *cryptobyte.Builder, oid asn1.ObjectIdentifier, params []byte) {
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1ObjectIdentifier(oid)
		if params != nil {
			b.AddBytes(params)
		}
	})
}

// pkcs8Info is a parsed PrivateKeyInfo (OneAsymmetricKey v1 or v2).
type pkcs8Info struct {
	alg        algorithmIdentifier
	privateKey []byte // contents of the privateKey OCTET STRING
	publicKey  []byte // the optional [1] publicKey (v2), nil when absent
}

// parsePKCS8 runs "parse a privateKeyInfo" with exactData.
func parsePKCS8(der []byte) (*pkcs8Info, error) {
	bad := errorf(errData, "Invalid PrivateKeyInfo")
	s := cryptobyte.String(der)
	var seq cryptobyte.String
	if !s.ReadASN1(&seq, cbasn1.SEQUENCE) || !s.Empty() {
		return nil, bad
	}
	var version int
	if !seq.ReadASN1Integer(&version) || (version != 0 && version != 1) {
		return nil, bad
	}
	ai, ok := readAlgorithmIdentifier(&seq)
	if !ok {
		return nil, bad
	}
	var priv cryptobyte.String
	if !seq.ReadASN1(&priv, cbasn1.OCTET_STRING) {
		return nil, bad
	}
	info := &pkcs8Info{alg: ai, privateKey: priv}
	// [0] IMPLICIT Attributes OPTIONAL
	if seq.PeekASN1Tag(cbasn1.Tag(0).ContextSpecific().Constructed()) {
		var attrs cryptobyte.String
		seq.ReadASN1(&attrs, cbasn1.Tag(0).ContextSpecific().Constructed())
	}
	// [1] IMPLICIT PublicKey OPTIONAL (a BIT STRING)
	if seq.PeekASN1Tag(cbasn1.Tag(1).ContextSpecific()) {
		var pub cryptobyte.String
		if !seq.ReadASN1(&pub, cbasn1.Tag(1).ContextSpecific()) || len(pub) < 1 || pub[0] != 0 {
			return nil, bad
		}
		info.publicKey = pub[1:]
	}
	if !seq.Empty() {
		return nil, bad
	}
	return info, nil
}

func marshalPKCS8(oid asn1.ObjectIdentifier, params []byte, privateKey []byte) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1Int64(0)
		addAlgorithmIdentifier(b, oid, params)
		b.AddASN1OctetString(privateKey)
	})
	return b.BytesOrPanic()
}

// octetString wraps b in an OCTET STRING (the CurvePrivateKey of RFC 8410).
func octetString(b []byte) []byte {
	var bb cryptobyte.Builder
	bb.AddASN1OctetString(b)
	return bb.BytesOrPanic()
}

// readOctetString unwraps an OCTET STRING that must be all of der.
func readOctetString(der []byte) ([]byte, bool) {
	s := cryptobyte.String(der)
	var out cryptobyte.String
	if !s.ReadASN1(&out, cbasn1.OCTET_STRING) || !s.Empty() {
		return nil, false
	}
	return out, true
}
