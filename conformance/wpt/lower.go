package wpt

import (
	"strings"

	"github.com/dop251/goja"
	"github.com/evanw/esbuild/pkg/api"
)

// lowerFeatures are the syntax features goja cannot parse that esbuild can
// lower (the bundler's goja table says the same for route code).
//
// "unicode-escapes": goja's parser panics ("unexpected unicode length") on
// the code point escape \u{10FFFF} in a string or template literal (other
// code points parse); printed without code point escapes, esbuild spells it
// as the surrogate pair \uDBFF\uDFFF, which goja reads. The gb18030
// decoder test has such a literal.
var lowerFeatures = map[string]bool{
	"async-generator": false,
	"for-await":       false,
	"using":           false,
	"decorators":      false,
	"unicode-escapes": false,
}

// compileLowered is the fallback for a script goja cannot parse (or whose
// parse panics, see lowerFeatures): it is
// lowered by esbuild the way edgerun's bundler lowers route code (async
// generators, for await, using), then compiled. Tests of streams'
// async iteration are written with that syntax; running them lowered
// measures the API the same way user code reaches it. The original syntax
// error is returned when lowering does not help.
func compileLowered(name, src string, syntaxErr error) (*goja.Program, error) {
	res := api.Transform(src, api.TransformOptions{
		Loader:     api.LoaderJS,
		Target:     api.ES2022,
		Supported:  lowerFeatures,
		Sourcefile: name,
		LogLevel:   api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		return nil, syntaxErr
	}
	prg, err := compileRaw(name, string(res.Code))
	if err != nil {
		return nil, syntaxErr
	}
	return prg, nil
}

// syntaxMessage is a goja syntax error's message without its "SyntaxError: " prefix.
func syntaxMessage(err error) string {
	return strings.TrimPrefix(err.Error(), "SyntaxError: ")
}
