package crypto_test

import "testing"

func TestSmoke(t *testing.T) {
	runCases(t, []jsCase{
		{"digest", `return hex(await crypto.subtle.digest("SHA-256", utf8("abc")))`, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
		{"uuid", `return /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID())`, "true"},
	})
}
