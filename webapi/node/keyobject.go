package node

import "github.com/edgerun/edgerun/runtime/jsclass"

// keyObject backs crypto.KeyObject instances.
type keyObject struct {
	jsclass.Shell
	kind string // "secret", "public" or "private"
	key  any    // []byte, *rsa.PublicKey, *ecdsa.PrivateKey, ed25519.PrivateKey...
}
