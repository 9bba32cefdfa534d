// Package crypto implements the Web Cryptography API for edgerun isolates:
// the crypto global (Crypto: getRandomValues, randomUUID, subtle),
// CryptoKey and SubtleCrypto, on Go's crypto packages.
//
// Specifications:
//   - Web Cryptography API Level 2, https://w3c.github.io/webcrypto/
//   - Secure Curves in the Web Cryptography API (Ed448, X448),
//     https://wicg.github.io/webcrypto-secure-curves/
//   - Modern Algorithms in the Web Cryptography API (ML-KEM, ML-DSA,
//     AES-OCB, ChaCha20-Poly1305, SHA-3, cSHAKE, KMAC, Argon2; key
//     encapsulation, getPublicKey, SubtleCrypto.supports),
//     https://wicg.github.io/webcrypto-modern-algos/
//
// # Algorithms
//
// digest: SHA-1, SHA-256, SHA-384, SHA-512, SHA3-256, SHA3-384, SHA3-512,
// cSHAKE128, cSHAKE256. Signatures: HMAC, RSASSA-PKCS1-v1_5, RSA-PSS,
// ECDSA (P-256, P-384, P-521), Ed25519, Ed448, ML-DSA-44/65/87, KMAC128,
// KMAC256. Encryption: AES-CTR, AES-CBC, AES-GCM, AES-OCB,
// ChaCha20-Poly1305, RSA-OAEP; AES-KW for wrapping. Key agreement and
// derivation: ECDH, X25519, X448, HKDF, PBKDF2, Argon2d/i/id. KEM:
// ML-KEM-512/768/1024. Key formats: raw, raw-secret, raw-public, raw-seed,
// spki, pkcs8 and jwk, as each algorithm defines them.
//
// Go's standard library supplies almost everything; Cloudflare's circl
// supplies Ed448, X448, ML-DSA and ML-KEM-512, golang.org/x/crypto
// ChaCha20-Poly1305, BLAKE2b and strict DER parsing, ProtonMail's go-crypto
// AES-OCB, and filippo.io/edwards25519 the small-order point check Ed25519
// verification needs. AES-KW (RFC 3394), KMAC (on crypto/sha3's cSHAKE),
// Argon2 with secret and associated data, and zero-salt RSA-PSS are written
// here because no maintained Go library offers them; each file says why.
//
// # Shape of an operation
//
// Every SubtleCrypto method converts its arguments and normalizes its
// algorithms on the isolate goroutine (WebIDL conversion errors and
// exceptions from user getters reject the returned promise; nothing is
// thrown), copies the input bytes, and then runs the specification's
// "in parallel" steps against plain Go values. Cheap operations run at
// once; expensive ones (RSA key generation and private-key operations,
// PBKDF2 from 10,000 iterations, Argon2, digests over 1 MiB) run on their
// own goroutine and settle their promise through runtime.Isolate.StartOp
// and Op.Complete, so one route's key generation never blocks the other
// requests an isolate serves.
//
// Errors are the exceptions the specifications name (NotSupportedError,
// SyntaxError, InvalidAccessError, DataError, OperationError as
// DOMExceptions from webapi/events; TypeError), with Chrome's messages.
//
// # Go API
//
// Install adds the globals to an isolate. Crypto returns the isolate's
// Crypto instance, the object the crypto global holds; Node's shim exposes
// it as require("crypto").webcrypto and its subtle attribute as
// crypto.subtle. KeyOf and (*Key).Material give Go code access to a
// CryptoKey's key material.
package crypto
