// Package encoding implements the Encoding Standard's API
// (https://encoding.spec.whatwg.org/): TextEncoder, and TextDecoder for
// every encoding the standard defines, with fatal, ignoreBOM and streaming;
// plus atob and btoa (https://html.spec.whatwg.org/multipage/webappapis.html#atob)
// with forgiving-base64.
//
// The decoders are the standard's algorithms, written out step by step
// (decoder.go, encodings.go, cjk.go); their tables come from
// golang.org/x/text (see index.go for why the algorithms are not x/text's).
// Go code decodes through Decode, NewDecoder (streaming) and UTF8Decode.
package encoding
