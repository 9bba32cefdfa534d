package crypto

// registerModern registers the algorithms of the Modern Algorithms draft
// (https://wicg.github.io/webcrypto-modern-algos/) other than SHA-3, cSHAKE
// and AES-OCB, which live with their families.
func registerModern(add func(name string, impl any, ops map[string]*dictType)) {
	none := dictAlgorithm
	add(chachaName, chachaAlg{}, map[string]*dictType{
		opEncrypt: dictAead, opDecrypt: dictAead, opGenerateKey: none, opImportKey: none,
		opExportKey: none, opGetKeyLength: none})
	for _, a := range []*kmacAlg{kmac128, kmac256} {
		add(a.name, a, map[string]*dictType{
			opSign: dictKmac, opVerify: dictKmac, opGenerateKey: dictKmacKeyGen, opImportKey: dictKmacImport,
			opExportKey: none, opGetKeyLength: dictKmacImport})
	}
	for _, a := range []*mlkemAlg{mlkem512Alg, mlkem768Alg, mlkem1024Alg} {
		add(a.name, mlkemKEM{a}, map[string]*dictType{
			opEncapsulate: none, opDecapsulate: none, opGenerateKey: none, opImportKey: none, opExportKey: none})
	}
	for _, a := range []*mldsaAlg{mldsa44Alg, mldsa65Alg, mldsa87Alg} {
		add(a.name, a, map[string]*dictType{
			opSign: dictContext, opVerify: dictContext, opGenerateKey: none, opImportKey: none, opExportKey: none})
	}
	for _, a := range []*argon2Alg{argon2dAlg, argon2iAlg, argon2idAlg} {
		add(a.name, a, map[string]*dictType{opDeriveBits: dictArgon2, opImportKey: none, opGetKeyLength: none})
	}
}
