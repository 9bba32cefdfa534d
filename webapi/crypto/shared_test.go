package crypto_test

import "testing"

// sharedTests: WebCrypto's BufferSource arguments lack [AllowShared], and
// views on detached buffers hold no bytes (never a dangling slice).
var sharedTests = []jsCase{
	{"digest rejects a shared view", `return await crypto.subtle.digest("SHA-256", new Uint8Array(new SharedArrayBuffer(4)))`,
		"ERR TypeError: Failed to execute 'digest' on 'SubtleCrypto': The provided ArrayBufferView value must not be shared."},
	{"digest rejects a SharedArrayBuffer", `return await crypto.subtle.digest("SHA-256", new SharedArrayBuffer(4))`,
		"ERR TypeError: Failed to execute 'digest' on 'SubtleCrypto': parameter 2 is not of type '(ArrayBuffer or ArrayBufferView)'."},
	{"digest of a detached view is of nothing", `const b = new ArrayBuffer(1 << 20); const v = new Uint8Array(b, 1 << 19); b.transfer();
		return hex(await crypto.subtle.digest("SHA-256", v))`, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
	{"getRandomValues on a detached view", `const b = new ArrayBuffer(1 << 20); const v = new Uint8Array(b, 1 << 19); b.transfer();
		return crypto.getRandomValues(v) === v`, "true"},
}

func TestShared(t *testing.T) { runCases(t, sharedTests) }
