package crypto

// The supportedAlgorithms registrations ("define an algorithm" for every
// supported operation of every algorithm), from the Registration tables of
// the WebCrypto specification, Secure Curves and Modern Algorithms drafts.

type algorithmEntry struct {
	name string
	impl any
	ops  map[string]*dictType
}

func init() {
	var entries []algorithmEntry
	add := func(name string, impl any, ops map[string]*dictType) {
		entries = append(entries, algorithmEntry{name, impl, ops})
	}
	none := dictAlgorithm

	for _, h := range []string{"SHA-1", "SHA-256", "SHA-384", "SHA-512", "SHA3-256", "SHA3-384", "SHA3-512"} {
		add(h, shaAlg{}, map[string]*dictType{opDigest: none})
	}
	for _, n := range []string{"cSHAKE128", "cSHAKE256"} {
		add(n, cshakeAlg{}, map[string]*dictType{opDigest: dictCShake})
	}

	add("HMAC", hmacAlg{}, map[string]*dictType{
		opSign: none, opVerify: none, opGenerateKey: dictHmacKeyGen, opImportKey: dictHmacImport,
		opExportKey: none, opGetKeyLength: dictHmacImport})

	aesCipher := map[*aesAlg]*dictType{aesCTR: dictAesCtr, aesCBC: dictAesCbc, aesGCM: dictAesGcm, aesOCB: dictAead}
	for a, d := range aesCipher {
		add(a.name, a, map[string]*dictType{
			opEncrypt: d, opDecrypt: d, opGenerateKey: dictAesKeyGen, opImportKey: none,
			opExportKey: none, opGetKeyLength: dictAesDerivedKey})
	}
	add(aesKW.name, aesKW, map[string]*dictType{
		opWrapKey: none, opUnwrapKey: none, opGenerateKey: dictAesKeyGen, opImportKey: none,
		opExportKey: none, opGetKeyLength: dictAesDerivedKey})

	add("HKDF", hkdfAlg, map[string]*dictType{opDeriveBits: dictHkdf, opImportKey: none, opGetKeyLength: none})
	add("PBKDF2", pbkdf2Alg, map[string]*dictType{opDeriveBits: dictPbkdf2, opImportKey: none, opGetKeyLength: none})

	add("RSASSA-PKCS1-v1_5", rsaPKCS1, map[string]*dictType{
		opSign: none, opVerify: none, opGenerateKey: dictRsaHashedKeyGen, opImportKey: dictRsaHashedImport, opExportKey: none})
	add("RSA-PSS", rsaPSS, map[string]*dictType{
		opSign: dictRsaPss, opVerify: dictRsaPss, opGenerateKey: dictRsaHashedKeyGen, opImportKey: dictRsaHashedImport, opExportKey: none})
	add("RSA-OAEP", rsaOAEP, map[string]*dictType{
		opEncrypt: dictRsaOaep, opDecrypt: dictRsaOaep, opGenerateKey: dictRsaHashedKeyGen, opImportKey: dictRsaHashedImport, opExportKey: none})

	add("ECDSA", ecdsaAlg, map[string]*dictType{
		opSign: dictEcdsa, opVerify: dictEcdsa, opGenerateKey: dictEcKeyGen, opImportKey: dictEcKeyImport, opExportKey: none})
	add("ECDH", ecdhAlg, map[string]*dictType{
		opDeriveBits: dictEcdhKeyDerive, opGenerateKey: dictEcKeyGen, opImportKey: dictEcKeyImport, opExportKey: none})

	add("Ed25519", ed25519Alg, map[string]*dictType{
		opSign: none, opVerify: none, opGenerateKey: none, opImportKey: none, opExportKey: none})
	add("Ed448", ed448Alg, map[string]*dictType{
		opSign: dictEd448, opVerify: dictEd448, opGenerateKey: none, opImportKey: none, opExportKey: none})
	for _, a := range []*okpAlg{x25519Alg, x448Alg} {
		add(a.name, a, map[string]*dictType{
			opDeriveBits: dictEcdhKeyDerive, opGenerateKey: none, opImportKey: none, opExportKey: none})
	}

	registerModern(add)

	for _, e := range entries {
		for op, d := range e.ops {
			regs := supportedAlgorithms[op]
			if regs == nil {
				regs = map[string]*registration{}
				supportedAlgorithms[op] = regs
			}
			r := &registration{name: e.name, dict: d, impl: e.impl}
			regs[e.name] = r
			regs[upperASCII(e.name)] = r
		}
	}
}

// publicUsagesOf returns the usages a public key of the named algorithm
// may have (for getPublicKey).
func publicUsagesOf(name string) (usageSet, bool) {
	reg := lookup(opExportKey, name)
	if reg == nil {
		return 0, false
	}
	switch a := reg.impl.(type) {
	case *rsaAlg:
		return a.public, true
	case *ecAlg:
		return a.public, true
	case *okpAlg:
		return a.public, true
	case interface{ publicUsages() usageSet }:
		return a.publicUsages(), true
	}
	return 0, false
}
