package crypto

// The operations an algorithm may support
// (https://w3c.github.io/webcrypto/#supported-operations). An algorithm's
// Go implementation implements the interfaces of the operations it
// registers for; all of them run "in parallel", so they see only Go values
// and may run on any goroutine.

// keyData is what an import key operation receives: []byte for the binary
// formats, *jwk for "jwk".
type keyData any

type encrypter interface {
	encrypt(p *params, k *Key, plaintext []byte) ([]byte, error)
	decrypt(p *params, k *Key, ciphertext []byte) ([]byte, error)
}

type signer interface {
	sign(p *params, k *Key, message []byte) ([]byte, error)
	verify(p *params, k *Key, signature, message []byte) (bool, error)
}

type digester interface {
	digest(p *params, message []byte) ([]byte, error)
}

// keyGenerator returns a *Key or a keyPair.
type keyGenerator interface {
	generateKey(p *params, extractable bool, usages usageSet) (any, error)
}

// keyImporter creates a key from keyData; the caller sets its extractable
// and usages slots afterwards, as the importKey method does.
type keyImporter interface {
	importKey(p *params, format string, data keyData, extractable bool, usages usageSet) (*Key, error)
}

// keyExporter returns []byte, or *jwk for "jwk".
type keyExporter interface {
	exportKey(format string, k *Key) (any, error)
}

// bitsDeriver derives length bits; length < 0 means null.
type bitsDeriver interface {
	deriveBits(p *params, k *Key, length int64) ([]byte, error)
}

// keyLengther is the "get key length" operation; it returns -1 for null.
type keyLengther interface {
	keyLength(p *params) (int64, error)
}

type keyWrapper interface {
	wrapKey(p *params, k *Key, plaintext []byte) ([]byte, error)
	unwrapKey(p *params, k *Key, ciphertext []byte) ([]byte, error)
}

type kem interface {
	encapsulate(p *params, k *Key) (sharedKey, ciphertext []byte, err error)
	decapsulate(p *params, k *Key, ciphertext []byte) ([]byte, error)
}

// publicKeyDeriver supports getPublicKey: it returns the public key of a
// private key (type, algorithm and handle; the caller sets the rest).
type publicKeyDeriver interface {
	publicKey(k *Key) (*Key, error)
}

// paramChecker runs the steps of op that depend only on the normalized
// algorithm (and length), for SubtleCrypto.supports; see
// https://wicg.github.io/webcrypto-modern-algos/#dfn-check-support-for-an-algorithm.
type paramChecker interface {
	checkParams(op string, p *params, length int64) error
}

// heavyOp is implemented by algorithms with operations slow enough (RSA key
// generation, many PBKDF2 iterations, Argon2) to run off the isolate's
// goroutine.
type heavyOp interface {
	heavy(op string, p *params, k *Key, size int) bool
}
