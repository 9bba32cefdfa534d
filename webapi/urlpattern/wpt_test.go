package urlpattern

import (
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
)

// The WPT urlpattern data files run through JS in an isolate, checked the
// way WPT's urlpattern/resources/urlpatterntests.js (urlpattern.any.js and
// urlpattern.https.any.js), urlpattern-compare-tests.tentative.js and
// urlpattern-generate.tentative.any.js check them. Each failing case is
// reported as "<test name> :: <why>"; the test names are WPT's.

// knownFailures lists WPT subtests expected to fail, with the reason.
var knownFailures = map[string]string{}

// runData runs a JS harness over a data file; the harness returns
// "<total>\n<failure>\n<failure>...".
func runData(t *testing.T, file, harness string) {
	t.Helper()
	jstest.RunWPTData(t, newIsolate(t), file, assertions+harness, knownFailures)
}

// assertions are minimal stand-ins for testharness.js's asserts: they
// throw an Error whose message says what differed.
const assertions = `
const show = v => typeof v === "string" ? JSON.stringify(v) : String(v);
function assertEquals(actual, expected, what) {
	if (!Object.is(actual, expected)) throw new Error(what + ": got " + show(actual) + ", want " + show(expected));
}
function assertObjectEquals(actual, expected, what) {
	if (typeof actual !== "object" || actual === null || typeof expected !== "object" || expected === null) {
		assertEquals(actual, expected, what);
		return;
	}
	for (const k in actual) {
		if (!Object.prototype.hasOwnProperty.call(expected, k)) throw new Error(what + ": unexpected property " + k);
		assertObjectEquals(actual[k], expected[k], what + "." + k);
	}
	for (const k in expected) {
		if (!Object.prototype.hasOwnProperty.call(actual, k)) throw new Error(what + ": missing property " + k);
	}
}
function assertThrowsTypeError(fn, what) {
	try { fn() } catch (e) {
		if (!(e instanceof TypeError)) throw new Error(what + ": threw " + e + ", want a TypeError");
		return;
	}
	throw new Error(what + ": did not throw");
}
function runAll(cases, nameOf, check) {
	const fails = [];
	for (const c of cases) {
		try { check(c) } catch (e) { fails.push(nameOf(c) + " :: " + (e && e.message)) }
	}
	return cases.length + "\n" + fails.join("\n");
}
`

// urlpatternHarness checks urlpatterntestdata.json entries: the compiled
// component pattern strings (defaulted from the constructor arguments as
// WPT defaults them), test(), and exec()'s inputs and component results.
const urlpatternHarness = `
const components = ["protocol", "username", "password", "hostname", "port", "pathname", "search", "hash"];
const earlier = {
	protocol: [], username: [], password: [], hostname: ["protocol"], port: ["protocol", "hostname"],
	pathname: ["protocol", "hostname", "port"], search: ["protocol", "hostname", "port", "pathname"],
	hash: ["protocol", "hostname", "port", "pathname", "search"],
};
function expectedPattern(entry, component) {
	const given = (entry.expected_obj || {})[component];
	if (given !== undefined && given !== null) return given;
	if (entry.exactly_empty_components && entry.exactly_empty_components.includes(component)) return "";
	const first = entry.pattern[0];
	if (typeof first === "object" && first[component]) return first[component];
	if (typeof first === "object" && earlier[component].some(c => c in first)) return "*";
	let base = null;
	if (entry.pattern.length > 0 && entry.pattern[0].baseURL) base = new URL(entry.pattern[0].baseURL);
	else if (entry.pattern.length > 1 && typeof entry.pattern[1] === "string") base = new URL(entry.pattern[1]);
	if (base && component !== "username" && component !== "password") {
		const v = base[component];
		if (component === "protocol") return v.substring(0, v.length - 1);
		if (component === "search" || component === "hash") return v.substring(1);
		return v;
	}
	return "*";
}
function check(entry) {
	if (entry.expected_obj === "error") {
		assertThrowsTypeError(() => new URLPattern(...entry.pattern), "URLPattern() constructor");
		return;
	}
	const pattern = new URLPattern(...entry.pattern);
	for (const c of components) assertEquals(pattern[c], expectedPattern(entry, c), "compiled pattern property '" + c + "'");
	if (entry.expected_match === "error") {
		assertThrowsTypeError(() => pattern.test(...entry.inputs), "test() result");
		assertThrowsTypeError(() => pattern.exec(...entry.inputs), "exec() result");
		return;
	}
	assertEquals(pattern.test(...entry.inputs), !!entry.expected_match, "test() result");
	const result = pattern.exec(...entry.inputs);
	if (!entry.expected_match || typeof entry.expected_match !== "object") {
		assertEquals(result, entry.expected_match, "exec() failed match result");
		return;
	}
	const wantInputs = entry.expected_match.inputs || entry.inputs;
	assertEquals(result.inputs.length, wantInputs.length, "exec() result.inputs.length");
	for (let i = 0; i < result.inputs.length; i++) {
		if (typeof result.inputs[i] === "string") {
			assertEquals(result.inputs[i], wantInputs[i], "exec() result.inputs[" + i + "]");
			continue;
		}
		for (const c of components) assertEquals(result.inputs[i][c], wantInputs[i][c], "exec() result.inputs[" + i + "][" + c + "]");
	}
	for (const c of components) {
		let want = entry.expected_match[c];
		if (!want) {
			want = { input: "", groups: {} };
			if (!entry.exactly_empty_components || !entry.exactly_empty_components.includes(c)) want.groups["0"] = "";
		}
		for (const k in want.groups) if (want.groups[k] === null) want.groups[k] = undefined;
		assertObjectEquals(result[c], want, "exec() result for " + c);
	}
}
return runAll(JSON.parse(DATA), e => "Pattern: " + JSON.stringify(e.pattern) + " Inputs: " + JSON.stringify(e.inputs), check);
`

func TestWPTURLPattern(t *testing.T) {
	runData(t, "urlpattern/resources/urlpatterntestdata.json", urlpatternHarness)
}

// compareHarness checks URLPattern.compareComponent both ways and against
// itself.
const compareHarness = `
return runAll(JSON.parse(DATA), e => "Component: " + e.component + " Left: " + JSON.stringify(e.left) + " Right: " + JSON.stringify(e.right), e => {
	const left = new URLPattern(e.left), right = new URLPattern(e.right);
	assertEquals(URLPattern.compareComponent(e.component, left, right), e.expected, "compareComponent");
	assertEquals(URLPattern.compareComponent(e.component, right, left), ~~(e.expected * -1), "reverse order");
	assertEquals(URLPattern.compareComponent(e.component, left, left), 0, "left equality");
	assertEquals(URLPattern.compareComponent(e.component, right, right), 0, "right equality");
});
`

func TestWPTCompare(t *testing.T) {
	runData(t, "urlpattern/resources/urlpattern-compare-test-data.json", compareHarness)
}

// generateHarness checks URLPattern.prototype.generate.
const generateHarness = `
return runAll(JSON.parse(DATA), e => "Pattern: " + JSON.stringify(e.pattern) + " Component: " + e.component + " Groups: " + JSON.stringify(e.groups), e => {
	const pattern = new URLPattern(e.pattern);
	if (e.expected === null) {
		assertThrowsTypeError(() => pattern.generate(e.component, e.groups), "generate() should fail with TypeError");
		return;
	}
	assertEquals(pattern.generate(e.component, e.groups), e.expected, "generate()");
});
`

func TestWPTGenerate(t *testing.T) {
	runData(t, "urlpattern/resources/urlpattern-generate-test-data.json", generateHarness)
}
