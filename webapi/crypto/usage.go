package crypto

import "strings"

// https://w3c.github.io/webcrypto/#dfn-KeyUsage, extended by
// https://wicg.github.io/webcrypto-modern-algos/#key-usages.

// usageSet is a set of KeyUsage values. Iterating its bits in order yields
// "the list of recognized key usage values" order, which is the order
// CryptoKey.usages and JWK key_ops use (the usage intersection is defined
// in that order).
type usageSet uint16

const (
	useEncrypt usageSet = 1 << iota
	useDecrypt
	useSign
	useVerify
	useDeriveKey
	useDeriveBits
	useWrapKey
	useUnwrapKey
	useEncapsulateKey
	useEncapsulateBits
	useDecapsulateKey
	useDecapsulateBits
)

var usageNames = [...]string{
	"encrypt", "decrypt", "sign", "verify", "deriveKey", "deriveBits", "wrapKey", "unwrapKey",
	"encapsulateKey", "encapsulateBits", "decapsulateKey", "decapsulateBits",
}

// parseUsage maps a KeyUsage enum value to its bit; ok is false for strings
// that are not KeyUsage values.
func parseUsage(s string) (usageSet, bool) {
	for i, n := range usageNames {
		if n == s {
			return 1 << i, true
		}
	}
	return 0, false
}

// names lists the usages in the recognized order.
func (u usageSet) names() []string {
	out := make([]string, 0, 12)
	for i, n := range usageNames {
		if u&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

func (u usageSet) has(x usageSet) bool { return u&x == x }

// subsetOf reports whether every usage in u is in allowed.
func (u usageSet) subsetOf(allowed usageSet) bool { return u&^allowed == 0 }

func (u usageSet) String() string { return strings.Join(u.names(), ",") }

// Usage groups of the algorithms.
const (
	usagesCipher  = useEncrypt | useDecrypt | useWrapKey | useUnwrapKey
	usagesSign    = useSign | useVerify
	usagesDerive  = useDeriveKey | useDeriveBits
	usagesWrap    = useWrapKey | useUnwrapKey
	usagesEncaps  = useEncapsulateKey | useEncapsulateBits
	usagesDecaps  = useDecapsulateKey | useDecapsulateBits
	usagesPublic  = useEncrypt | useVerify | useWrapKey | usagesEncaps
	usagesPrivate = useDecrypt | useSign | useUnwrapKey | usagesDerive | usagesDecaps
)
