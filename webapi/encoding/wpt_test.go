package encoding

import (
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
)

// runData runs a JS harness over a WPT data file (bound to DATA); the
// harness returns "<total>\n<failure>\n...".
func runData(t *testing.T, file, harness string) {
	t.Helper()
	jstest.RunWPTData(t, newIsolate(t), file, harness, nil)
}

// Every label of every encoding through TextDecoder, as WPT's
// textdecoder-labels.any.js does (with surrounding whitespace and case
// changes), and the replacement encoding's labels rejected.
func TestWPTEncodingLabels(t *testing.T) {
	runData(t, "encoding/resources/encodings.json", `
const fails = [];
let total = 0;
const ws = ["\t", "\n", "\f", "\r", " "];
for (const group of JSON.parse(DATA)) {
	for (const enc of group.encodings) {
		for (const label of enc.labels) {
			for (const l of [label, label.toUpperCase(), ws.join("") + label + ws.join("")]) {
				total++;
				if (enc.name === "replacement") {
					try { new TextDecoder(l); fails.push(JSON.stringify(l) + " :: replacement label accepted") }
					catch (e) { if (!(e instanceof RangeError)) fails.push(JSON.stringify(l) + " :: threw " + e) }
					continue;
				}
				try {
					const got = new TextDecoder(l).encoding;
					if (got !== enc.name.toLowerCase()) fails.push(JSON.stringify(l) + " :: encoding " + got + " want " + enc.name.toLowerCase());
				} catch (e) { fails.push(JSON.stringify(l) + " :: threw " + e) }
			}
		}
	}
}
return total + "\n" + fails.join("\n");
`)
}

// fetch/data-urls/resources/base64.json through atob (WPT's
// html/webappapis/atob/base64.any.js uses the same data).
func TestWPTBase64(t *testing.T) {
	runData(t, "fetch/data-urls/resources/base64.json", `
const fails = [];
const cases = JSON.parse(DATA);
for (const [input, want] of cases) {
	const name = JSON.stringify(input);
	try {
		if (want === null) {
			let ok = false;
			try { atob(input) } catch (e) { ok = e instanceof DOMException && e.name === "InvalidCharacterError" && e.code === 5 }
			if (!ok) fails.push(name + " :: did not throw InvalidCharacterError");
			continue;
		}
		const got = atob(input);
		const wantStr = String.fromCharCode(...want);
		if (got !== wantStr) fails.push(name + " :: got " + JSON.stringify(got));
	} catch (e) { fails.push(name + " :: threw " + e) }
}
return cases.length + "\n" + fails.join("\n");
`)
}
