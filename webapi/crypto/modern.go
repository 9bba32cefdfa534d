package crypto

// registerModern registers the algorithms of the Modern Algorithms draft
// (https://wicg.github.io/webcrypto-modern-algos/) beyond SHA-3 and
// AES-OCB.
func registerModern(add func(name string, impl any, ops map[string]*dictType)) {
}
