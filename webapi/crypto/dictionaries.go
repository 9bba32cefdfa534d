package crypto

// The algorithm parameter dictionaries of
// https://w3c.github.io/webcrypto/#algorithm-dictionary and its extensions
// (https://wicg.github.io/webcrypto-secure-curves/,
// https://wicg.github.io/webcrypto-modern-algos/), as data: each dictionary
// lists its own members in lexicographic order, which is the order WebIDL
// reads them in (inherited members first).

type memberKind uint8

const (
	mString     memberKind = iota // DOMString
	mHash                         // HashAlgorithmIdentifier
	mULong                        // [EnforceRange] unsigned long
	mUShort                       // [EnforceRange] unsigned short
	mOctet                        // [EnforceRange] octet
	mBuffer                       // BufferSource
	mBigInteger                   // BigInteger (Uint8Array)
	mKey                          // CryptoKey
)

type member struct {
	name     string
	kind     memberKind
	required bool
}

type dictType struct {
	name    string
	parent  *dictType
	members []member
}

var (
	dictAlgorithm = &dictType{name: "Algorithm", members: []member{{"name", mString, true}}}

	dictAesKeyGen = &dictType{name: "AesKeyGenParams", parent: dictAlgorithm, members: []member{
		{"length", mUShort, true}}}
	dictAesDerivedKey = &dictType{name: "AesDerivedKeyParams", parent: dictAlgorithm, members: []member{
		{"length", mUShort, true}}}
	dictAesCbc = &dictType{name: "AesCbcParams", parent: dictAlgorithm, members: []member{
		{"iv", mBuffer, true}}}
	dictAesCtr = &dictType{name: "AesCtrParams", parent: dictAlgorithm, members: []member{
		{"counter", mBuffer, true}, {"length", mOctet, true}}}
	dictAesGcm = &dictType{name: "AesGcmParams", parent: dictAlgorithm, members: []member{
		{"additionalData", mBuffer, false}, {"iv", mBuffer, true}, {"tagLength", mOctet, false}}}
	dictAead = &dictType{name: "AeadParams", parent: dictAlgorithm, members: []member{
		{"additionalData", mBuffer, false}, {"iv", mBuffer, true}, {"tagLength", mOctet, false}}}

	dictHmacKeyGen = &dictType{name: "HmacKeyGenParams", parent: dictAlgorithm, members: []member{
		{"hash", mHash, true}, {"length", mULong, false}}}
	dictHmacImport = &dictType{name: "HmacImportParams", parent: dictAlgorithm, members: []member{
		{"hash", mHash, true}, {"length", mULong, false}}}

	dictRsaKeyGen = &dictType{name: "RsaKeyGenParams", parent: dictAlgorithm, members: []member{
		{"modulusLength", mULong, true}, {"publicExponent", mBigInteger, true}}}
	dictRsaHashedKeyGen = &dictType{name: "RsaHashedKeyGenParams", parent: dictRsaKeyGen, members: []member{
		{"hash", mHash, true}}}
	dictRsaHashedImport = &dictType{name: "RsaHashedImportParams", parent: dictAlgorithm, members: []member{
		{"hash", mHash, true}}}
	dictRsaPss = &dictType{name: "RsaPssParams", parent: dictAlgorithm, members: []member{
		{"saltLength", mULong, true}}}
	dictRsaOaep = &dictType{name: "RsaOaepParams", parent: dictAlgorithm, members: []member{
		{"label", mBuffer, false}}}

	dictEcKeyGen = &dictType{name: "EcKeyGenParams", parent: dictAlgorithm, members: []member{
		{"namedCurve", mString, true}}}
	dictEcKeyImport = &dictType{name: "EcKeyImportParams", parent: dictAlgorithm, members: []member{
		{"namedCurve", mString, true}}}
	dictEcdsa = &dictType{name: "EcdsaParams", parent: dictAlgorithm, members: []member{
		{"hash", mHash, true}}}
	dictEcdhKeyDerive = &dictType{name: "EcdhKeyDeriveParams", parent: dictAlgorithm, members: []member{
		{"public", mKey, true}}}

	dictHkdf = &dictType{name: "HkdfParams", parent: dictAlgorithm, members: []member{
		{"hash", mHash, true}, {"info", mBuffer, true}, {"salt", mBuffer, true}}}
	dictPbkdf2 = &dictType{name: "Pbkdf2Params", parent: dictAlgorithm, members: []member{
		{"hash", mHash, true}, {"iterations", mULong, true}, {"salt", mBuffer, true}}}

	dictEd448 = &dictType{name: "Ed448Params", parent: dictAlgorithm, members: []member{
		{"context", mBuffer, false}}}
	dictContext = &dictType{name: "ContextParams", parent: dictAlgorithm, members: []member{
		{"context", mBuffer, false}}}

	dictCShake = &dictType{name: "CShakeParams", parent: dictAlgorithm, members: []member{
		{"customization", mBuffer, false}, {"functionName", mBuffer, false}, {"length", mULong, true}}}
	dictKmacKeyGen = &dictType{name: "KmacKeyGenParams", parent: dictAlgorithm, members: []member{
		{"length", mULong, false}}}
	dictKmacImport = &dictType{name: "KmacImportParams", parent: dictAlgorithm, members: []member{
		{"length", mULong, false}}}
	dictKmac = &dictType{name: "KmacParams", parent: dictAlgorithm, members: []member{
		{"customization", mBuffer, false}, {"length", mULong, true}}}

	dictArgon2 = &dictType{name: "Argon2Params", parent: dictAlgorithm, members: []member{
		{"associatedData", mBuffer, false}, {"memory", mULong, true}, {"nonce", mBuffer, true},
		{"parallelism", mULong, true}, {"passes", mULong, true}, {"secretValue", mBuffer, false},
		{"version", mOctet, false}}}
)

// params is a normalized algorithm: the union of every dictionary's members.
// Byte-sequence members are copies (nil when absent), so params may be read
// from any goroutine.
type params struct {
	name string
	impl any    // the implementation of the algorithm name identifies
	hash string // normalized HashAlgorithmIdentifier name; "" when absent

	length    uint32
	hasLength bool

	modulusLength  uint32
	publicExponent []byte
	saltLength     uint32
	label          []byte

	namedCurve string
	public     *Key

	iv, counter, additionalData []byte
	tagLength                   uint8
	hasTagLength                bool

	salt, info []byte
	iterations uint32

	context                     []byte
	customization, functionName []byte

	nonce, secretValue, associatedData []byte
	memory, parallelism, passes        uint32
	version                            uint8
	hasVersion                         bool
}

// set stores a converted member value.
func (p *params) set(name string, v any) {
	switch name {
	case "hash":
		p.hash = v.(string)
	case "length":
		p.length, p.hasLength = v.(uint32), true
	case "modulusLength":
		p.modulusLength = v.(uint32)
	case "publicExponent":
		p.publicExponent = v.([]byte)
	case "saltLength":
		p.saltLength = v.(uint32)
	case "label":
		p.label = v.([]byte)
	case "namedCurve":
		p.namedCurve = v.(string)
	case "public":
		p.public = v.(*Key)
	case "iv":
		p.iv = v.([]byte)
	case "counter":
		p.counter = v.([]byte)
	case "additionalData":
		p.additionalData = v.([]byte)
	case "tagLength":
		p.tagLength, p.hasTagLength = uint8(v.(uint32)), true
	case "salt":
		p.salt = v.([]byte)
	case "info":
		p.info = v.([]byte)
	case "iterations":
		p.iterations = v.(uint32)
	case "context":
		p.context = v.([]byte)
	case "customization":
		p.customization = v.([]byte)
	case "functionName":
		p.functionName = v.([]byte)
	case "nonce":
		p.nonce = v.([]byte)
	case "secretValue":
		p.secretValue = v.([]byte)
	case "associatedData":
		p.associatedData = v.([]byte)
	case "memory":
		p.memory = v.(uint32)
	case "parallelism":
		p.parallelism = v.(uint32)
	case "passes":
		p.passes = v.(uint32)
	case "version":
		p.version, p.hasVersion = uint8(v.(uint32)), true
	}
}
