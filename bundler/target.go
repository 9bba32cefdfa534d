package bundler

// This file is the single place that states what JavaScript goja can run.
//
// Bundles target ES2022 (everything esbuild knows up to ES2022 is supported
// by goja except the entries marked false below), and the table overrides
// esbuild's per-feature support so that whatever goja cannot parse or run is
// lowered by esbuild (async generators, for-await, `using`, decorators) or
// rejected at build time (top-level await). Each entry carries a probe: a
// script that evaluates to true in goja exactly when the feature works.
// target_test.go runs every probe against the linked goja and fails when a
// result disagrees with the table, so a goja upgrade that adds (or breaks)
// a feature is noticed instead of silently shipping lowered code or, worse,
// code goja cannot run.

import "github.com/evanw/esbuild/pkg/api"

// gojaVerifiedVersion is the goja module version the table was verified
// against (target_test.go checks the linked version and asks for a re-run
// of the probes when it changes).
const gojaVerifiedVersion = "v0.0.0-20260917113740-793a2a65c13b"

// jsTarget is the esbuild language target for every bundle and transform.
const jsTarget = api.ES2022

// gojaFeature is one esbuild feature name with goja's support for it.
type gojaFeature struct {
	Name      string // esbuild's feature name (https://esbuild.github.io/api/#supported)
	Supported bool
	Probe     string // evaluates to true in goja when the feature works
	Why       string // for unsupported features: what esbuild does instead
}

// gojaFeatures lists the features goja lacks (Supported false: esbuild
// lowers them) and the ES2016–ES2022 features it has that bundles rely on
// (Supported true: stated so the probes keep checking them).
var gojaFeatures = []gojaFeature{
	// Missing in goja: lowered or rejected by esbuild.
	{"async-generator", false, `(async function* () {}); true`,
		"goja: \"Async generators are not supported yet\" (dop251/goja#555); esbuild lowers to generators + promises"},
	{"for-await", false, `(async function () { for await (const x of []) {} }); true`,
		"lowered to __forAwait; the host defines Symbol.asyncIterator"},
	{"using", false, `{ using x = null; } true`,
		"lowered to __using/__callDispose; the host defines Symbol.dispose/asyncDispose"},
	{"decorators", false, `function d(c) { return c } @d class A {} true`,
		"lowered by esbuild"},
	{"regexp-match-indices", false, `new RegExp("a", "d").exec("a").indices[0][0] === 0`,
		"the /d flag throws at construction; esbuild turns literals into new RegExp so the error is at run time, not parse time"},
	{"regexp-set-notation", false, `new RegExp("[a--b]", "v").test("a")`,
		"the /v flag throws at construction; deferred to run time as above"},
	{"regexp-unicode-property-escapes", false, `/\p{L}/u.test("a")`,
		"\\p{…} silently never matches in goja; esbuild can only defer it to new RegExp, which still fails (known conformance hole)"},
	{"top-level-await", false, `await 1; true`,
		"goja runs scripts, not modules; top-level await becomes a build error"},
	{"import-meta", false, `typeof import.meta === "object"`,
		"scripts have no import.meta; esbuild substitutes an empty object in CommonJS output"},
	{"unicode-escapes", false, `"\u{10FFFF}".length === 2 && "\u{1F600}".length === 2`,
		"goja's parser panics on the escape \\u{10FFFF} (the last code point); esbuild writes \\u{...} escapes out as UTF-16"},
	{"dynamic-import", false, `typeof import("x") === "object"`,
		"goja cannot parse import(); esbuild rewrites it to Promise.resolve().then(() => require(...))"},

	// Present in goja (verified), listed so an upgrade that breaks one is caught.
	{"async-await", true, `(async () => { await 1 })(); true`, ""},
	{"generator", true, `(function* () { yield 1 })().next().value === 1`, ""},
	{"exponent-operator", true, `2 ** 10 === 1024`, ""},
	{"object-rest-spread", true, `const { a, ...r } = { a: 1, b: 2 }; ({ ...r }).b === 2`, ""},
	{"optional-catch-binding", true, `try { throw 1 } catch { } true`, ""},
	{"regexp-named-capture-groups", true, `/(?<y>\d+)/.exec("x12").groups.y === "12"`, ""},
	{"regexp-lookbehind-assertions", true, `/(?<=a)b/.test("ab") && !/(?<!a)b/.test("ab")`, ""},
	{"regexp-dot-all-flag", true, `/a.b/s.test("a\nb")`, ""},
	{"regexp-sticky-and-unicode-flags", true, `/a/y.sticky && /^.$/u.test("\u{1F600}")`, ""},
	{"bigint", true, `typeof 10n === "bigint" && 2n ** 64n > 0n`, ""},
	{"optional-chain", true, `({ a: { b: 1 } })?.a?.b === 1 && undefined?.x === undefined`, ""},
	{"nullish-coalescing", true, `(null ?? 2) === 2 && (0 ?? 2) === 0`, ""},
	{"logical-assignment", true, `let a = null; a ??= 1; let b = 1; b &&= 2; a === 1 && b === 2`, ""},
	{"class-field", true, `class A { x = 1 } new A().x === 1`, ""},
	{"class-static-field", true, `class A { static x = 1 } A.x === 1`, ""},
	{"class-private-field", true, `class A { #x = 1; get() { return this.#x } } new A().get() === 1`, ""},
	{"class-private-method", true, `class A { #m() { return 2 } get() { return this.#m() } } new A().get() === 2`, ""},
	{"class-private-accessor", true, `class A { get #g() { return 3 } get() { return this.#g } } new A().get() === 3`, ""},
	{"class-private-static-field", true, `class A { static #x = 4; static get() { return A.#x } } A.get() === 4`, ""},
	{"class-private-static-method", true, `class A { static #m() { return 5 } static get() { return A.#m() } } A.get() === 5`, ""},
	{"class-private-static-accessor", true, `class A { static get #g() { return 6 } static get() { return A.#g } } A.get() === 6`, ""},
	{"class-private-brand-check", true, `class A { #x; static is(o) { return #x in o } } A.is(new A()) && !A.is({})`, ""},
	{"class-static-blocks", true, `class A { static y; static { A.y = 7 } } A.y === 7`, ""},
	{"new-target", true, `function F() { this.ok = new.target === F } new F().ok`, ""},
	{"from-base64", true, `Uint8Array.fromBase64("AQI=")[1] === 2`, ""},
}

// gojaSupported is esbuild's Supported override map derived from the table.
var gojaSupported = func() map[string]bool {
	m := make(map[string]bool, len(gojaFeatures))
	for _, f := range gojaFeatures {
		m[f.Name] = f.Supported
	}
	return m
}()
