package fetch

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"strings"
)

// Subresource Integrity (https://w3c.github.io/webappsec-subresource-integrity/),
// which main fetch applies when a request has integrity metadata: the body
// is read in full and the fetch fails unless it matches.

// sriPriority ranks the hash algorithms SRI knows; higher is stronger.
var sriPriority = map[string]int{"sha256": 1, "sha384": 2, "sha512": 3}

// integrityMatches implements "do bytes match metadataList?".
func integrityMatches(data []byte, metadata string) bool {
	// 1. Let parsedMetadata be the result of parsing metadataList.
	type item struct{ alg, value string }
	var parsed []item
	for _, token := range strings.Fields(metadata) {
		// Each token is hash-algo "-" base64-value ["?" option-expression].
		alg, value, ok := strings.Cut(token, "-")
		if !ok {
			continue
		}
		alg = strings.ToLower(alg)
		if _, known := sriPriority[alg]; !known {
			continue
		}
		value, _, _ = strings.Cut(value, "?")
		parsed = append(parsed, item{alg, value})
	}
	// 2. If parsedMetadata is empty set, return true.
	if len(parsed) == 0 {
		return true
	}
	// 3. Let metadata be the result of getting the strongest metadata from parsedMetadata.
	strongest := 0
	for _, it := range parsed {
		strongest = max(strongest, sriPriority[it.alg])
	}
	// 4. For each item in metadata: if applying the algorithm to bytes and
	//    base64-encoding gives the expected value, return true.
	for _, it := range parsed {
		if sriPriority[it.alg] != strongest {
			continue
		}
		var sum []byte
		switch it.alg {
		case "sha256":
			s := sha256.Sum256(data)
			sum = s[:]
		case "sha384":
			s := sha512.Sum384(data)
			sum = s[:]
		case "sha512":
			s := sha512.Sum512(data)
			sum = s[:]
		}
		actual := base64.StdEncoding.EncodeToString(sum)
		// base64url values are accepted too, and padding is optional.
		expected := strings.NewReplacer("-", "+", "_", "/").Replace(it.value)
		if strings.TrimRight(actual, "=") == strings.TrimRight(expected, "=") {
			return true
		}
	}
	// 5. Return false.
	return false
}
