package bundler

// Route `config` is read statically, before bundling, because it decides
// how the route is bundled (edge or Node conditions, which built-ins are
// allowed) and Next.js itself never evaluates the module to find it
// (N:build/analysis/get-page-static-info.ts). Evaluating the bundle
// instead would run user top-level code before we know how to build it.
//
// The entry file alone is transformed by esbuild to CommonJS (types,
// `satisfies` and `as const` erased; every export listed in one
// `__export(x_exports, { name: () => local })` call), parsed with goja's
// parser, and each exported binding's initializer is converted to a Go
// value, accepting literals only — Next's rule, with Next's messages.

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/evanw/esbuild/pkg/api"
)

// RouteConfig is a route's static configuration: `export const config`,
// plus the top-level `export const runtime` and `export const maxDuration`
// (which win over the same keys inside config, as in Next).
type RouteConfig struct {
	// Runtime is RuntimeEdge for 'edge' and 'experimental-edge'.
	Runtime Runtime

	// DeclaredRuntime is the runtime as written ("", "nodejs", "edge",
	// "experimental-edge").
	DeclaredRuntime string

	// BodyParser is false for `api: { bodyParser: false }`.
	BodyParser bool

	// SizeLimit is api.bodyParser.sizeLimit as written (numbers in
	// JavaScript's spelling); Next echoes it in "Body exceeded 1mb limit".
	SizeLimit string

	// SizeLimitBytes is SizeLimit parsed with the `bytes` rules; -1 when it
	// does not parse, in which case Next (raw-body) applies no limit.
	SizeLimitBytes int64

	// ResponseLimit is false when api.responseLimit is false (or a size
	// that parses to 0 or nothing, which Next treats the same way).
	ResponseLimit bool

	// ResponseLimitBytes is the size at which Next warns "API response for
	// /x exceeds 4MB"; see [FormatBytes] for the spelling.
	ResponseLimitBytes int64

	// ExternalResolver is api.externalResolver: suppresses the "API
	// resolved without sending a response" warning.
	ExternalResolver bool

	// Regions is config.regions (a string becomes a one-element list).
	Regions []string

	// MaxDuration is maxDuration in seconds (0 = unset). Next only writes
	// it to the platform's manifest; it is not enforced locally.
	MaxDuration int

	// AllowDynamic is config.unstable_allowDynamic (globs relative to the
	// project root exempted from the build-time dynamic-code check).
	AllowDynamic []string
}

// Next's defaults (N:server/api-utils/node/api-resolver.ts).
const (
	defaultSizeLimit     = "1mb"
	defaultResponseLimit = 4 * 1024 * 1024
)

// DefaultRouteConfig is the configuration of a route without `config`.
func DefaultRouteConfig() RouteConfig {
	return RouteConfig{
		Runtime:            RuntimeNode,
		BodyParser:         true,
		SizeLimit:          defaultSizeLimit,
		SizeLimitBytes:     1 << 20,
		ResponseLimit:      true,
		ResponseLimitBytes: defaultResponseLimit,
	}
}

// configExports are the exports Next reads from a pages route
// (PagesSegmentConfigSchemaKeys).
var configExports = []string{"runtime", "maxDuration", "config"}

const invalidPageConfigURL = "https://nextjs.org/docs/messages/invalid-page-config"

// Messages Next prints for edge routes (N:build/warn-about-edge-runtime.ts,
// N:build/analysis/get-page-static-info.ts).
const (
	edgeDeprecatedWarning = `The Edge Runtime is deprecated. You can use the "nodejs" runtime instead. Learn more: https://nextjs.org/docs/messages/edge-runtime-deprecated`
	experimentalEdgeFmt   = `%s provided runtime 'experimental-edge'. It can be updated to 'edge' instead.`
)

// ReadConfig statically extracts a route's configuration from its entry
// file. path is relative to dir (or absolute). Only literal values are
// accepted; anything else is an *Error with Next's message, e.g.
//
//	Next.js can't recognize the exported `config` field in route "/api/x":
//	Unknown identifier "runtime" at "config.runtime".
//	Read More - https://nextjs.org/docs/messages/invalid-page-config
//
// located at the offending expression. An invalid runtime gives Next's
// "Invalid segment configuration options detected for ..." error. The
// returned messages are warnings: the Edge Runtime deprecation notice on
// every edge route and, for 'experimental-edge', Next's rename hint.
func ReadConfig(dir, path string) (RouteConfig, []Message, error) {
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(dir, path)
	}
	src, err := os.ReadFile(abs)
	if err != nil {
		return DefaultRouteConfig(), nil, fmt.Errorf("bundler: %w", err)
	}
	return readConfigSource(displayPath(dir, abs, ""), src)
}

// readConfigSource is ReadConfig on file contents; rel is the display path.
func readConfigSource(rel string, src []byte) (RouteConfig, []Message, error) {
	cfg := DefaultRouteConfig()
	// Next only parses files that mention a config export at all
	// (PARSE_PATTERN); the same shortcut skips the transform for most
	// routes.
	if !bytes.Contains(src, []byte("config")) && !bytes.Contains(src, []byte("runtime")) &&
		!bytes.Contains(src, []byte("maxDuration")) {
		return cfg, nil, nil
	}
	x := &configExtractor{src: string(src), file: rel, page: pageName(rel)}
	values, err := x.extract()
	if err != nil {
		return cfg, nil, err
	}
	if err := x.apply(&cfg, values); err != nil {
		return cfg, nil, err
	}
	var warnings []Message
	warn := func(text string) {
		m := Message{Text: text}
		// Point at the runtime value that caused the warning.
		node := x.pathNodes["runtime"]
		if node == nil {
			node = x.pathNodes["config.runtime"]
		}
		x.locate(&m, node)
		warnings = append(warnings, m)
	}
	if cfg.DeclaredRuntime == "experimental-edge" {
		warn(fmt.Sprintf(experimentalEdgeFmt, x.page))
	}
	if cfg.Runtime == RuntimeEdge {
		warn(edgeDeprecatedWarning)
	}
	return cfg, warnings, nil
}

// pageName turns "pages/api/users/[id].ts" into Next's page name
// "/api/users/[id]" ("pages/api/index.ts" is "/api").
func pageName(rel string) string {
	p := rel
	for _, prefix := range []string{"src/pages/", "pages/"} {
		if strings.HasPrefix(p, prefix) {
			p = p[len(prefix)-1:]
			break
		}
	}
	p = strings.TrimSuffix(p, path.Ext(p))
	if p == "/index" {
		return "/"
	}
	p = strings.TrimSuffix(p, "/index")
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return p
}

// loaderFor picks the esbuild loader for a source file. Plain .js may
// contain JSX in Next projects (SWC accepts it), so .js uses the JSX loader.
func loaderFor(file string) api.Loader {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".ts", ".mts", ".cts":
		return api.LoaderTS
	case ".tsx":
		return api.LoaderTSX
	case ".js", ".jsx":
		return api.LoaderJSX
	case ".json":
		return api.LoaderJSON
	}
	return api.LoaderJS
}

// configExtractor holds one file's transform and parse.
type configExtractor struct {
	src  string // original source
	file string // display path
	page string

	code    string  // transformed CommonJS
	srcMap  string  // esbuild source map of the transform
	mapping *posMap // lazily parsed srcMap
	locals  map[string]ast.Expression
	kinds   map[string]string // local name → "const", "let", "var", "import", "function", "class"
	nodes   map[string]ast.Node

	pathNodes map[string]ast.Node // "config.runtime" → its expression

	// names are the exports to read; nil means configExports (a pages
	// route's). App Router routes read their segment config names.
	names []string
	// lenient skips exports whose value is not a literal instead of
	// failing, for the segment config keys Next reads from the module at
	// run time.
	lenient map[string]bool
}

// exportedValue is one extracted export: its value and where it came from.
type exportedValue struct {
	value any
	node  ast.Node
}

// undefinedValue stands for JavaScript undefined in extracted values
// (nil is null).
type undefinedValue struct{}

// extract returns the literal value of each config export present.
func (x *configExtractor) extract() (map[string]exportedValue, error) {
	res := api.Transform(x.src, api.TransformOptions{
		Loader:     loaderFor(x.file),
		Format:     api.FormatCommonJS,
		Target:     jsTarget,
		Supported:  gojaSupported,
		Sourcefile: x.file,
		Sourcemap:  api.SourceMapExternal,
		LogLevel:   api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		return nil, &Error{Messages: fromESBuild(res.Errors, "")}
	}
	x.code, x.srcMap = string(res.Code), string(res.Map)
	prog, err := parser.ParseFile(nil, x.file, x.code, 0, parser.WithDisableSourceMaps)
	if err != nil {
		return nil, &Error{Messages: []Message{{Text: "edgerun: could not read the route's exports: " + err.Error(), File: x.file}}}
	}
	exports := x.scan(prog)
	values := map[string]exportedValue{}
	names := x.names
	if names == nil {
		names = configExports
	}
	for _, name := range names {
		getter, ok := exports[name]
		if !ok {
			continue
		}
		local, isIdent := getter.(*ast.Identifier)
		if x.lenient[name] && (!isIdent || x.locals[string(local.Name)] == nil) {
			continue
		}
		if !isIdent || x.kinds[string(local.Name)] == "import" {
			// `export { config } from './x'` or `export { c as config }` of an import.
			text := fmt.Sprintf("Next.js can't recognize the exported `%s` field in route %q:\nIt mustn't be reexported.\nRead More - %s", name, x.page, invalidPageConfigURL)
			m := Message{Text: text}
			x.locateExportName(&m, name)
			return nil, &Error{Messages: []Message{m}}
		}
		init, ok := x.locals[string(local.Name)]
		if !ok {
			// A function or class declaration, or a binding without initializer.
			node := x.nodes[string(local.Name)]
			if node == nil {
				node = getter
			}
			return nil, x.unsupportedValue(node, fmt.Sprintf("Unsupported node type %q", declarationNodeType(x.kinds[string(local.Name)])), []string{name})
		}
		v, err := x.literal(init, []string{name})
		if err != nil {
			if x.lenient[name] {
				continue
			}
			return nil, err
		}
		values[name] = exportedValue{v, init}
	}
	return values, nil
}

func declarationNodeType(kind string) string {
	switch kind {
	case "function":
		return "FunctionDeclaration"
	case "class":
		return "ClassDeclaration"
	}
	return "Identifier"
}

// scan indexes the transformed module: the __export getters and every
// top-level binding.
func (x *configExtractor) scan(prog *ast.Program) map[string]ast.Expression {
	exports := map[string]ast.Expression{}
	x.locals = map[string]ast.Expression{}
	x.kinds = map[string]string{}
	x.nodes = map[string]ast.Node{}
	bind := func(list []*ast.Binding, kind string) {
		for _, b := range list {
			id, ok := b.Target.(*ast.Identifier)
			if !ok {
				continue
			}
			name := string(id.Name)
			x.nodes[name] = id
			if k := importKind(b.Initializer); k != "" {
				x.kinds[name] = k
				continue
			}
			x.kinds[name] = kind
			if b.Initializer != nil {
				x.locals[name] = b.Initializer
			}
		}
	}
	for _, st := range prog.Body {
		switch s := st.(type) {
		case *ast.LexicalDeclaration:
			bind(s.List, s.Token.String())
		case *ast.VariableStatement:
			bind(s.List, "var")
		case *ast.FunctionDeclaration:
			if s.Function.Name != nil {
				x.kinds[string(s.Function.Name.Name)] = "function"
				x.nodes[string(s.Function.Name.Name)] = s
			}
		case *ast.ClassDeclaration:
			if s.Class.Name != nil {
				x.kinds[string(s.Class.Name.Name)] = "class"
				x.nodes[string(s.Class.Name.Name)] = s
			}
		case *ast.ExpressionStatement:
			call, ok := s.Expression.(*ast.CallExpression)
			if !ok || len(call.ArgumentList) != 2 {
				continue
			}
			if callee, ok := call.Callee.(*ast.Identifier); !ok || callee.Name != "__export" {
				continue
			}
			obj, ok := call.ArgumentList[1].(*ast.ObjectLiteral)
			if !ok {
				continue
			}
			for _, p := range obj.Value {
				kp, ok := p.(*ast.PropertyKeyed)
				if !ok {
					continue
				}
				arrow, ok := kp.Value.(*ast.ArrowFunctionLiteral)
				if !ok {
					continue
				}
				body, ok := arrow.Body.(*ast.ExpressionBody)
				if !ok {
					continue
				}
				exports[propertyKeyName(kp.Key)] = body.Expression
			}
		}
	}
	return exports
}

// importKind reports "import" for esbuild's `require("x")` and
// `__toESM(require("x"))` import bindings.
func importKind(init ast.Expression) string {
	call, ok := init.(*ast.CallExpression)
	if !ok {
		return ""
	}
	if id, ok := call.Callee.(*ast.Identifier); ok {
		switch id.Name {
		case "require":
			return "import"
		case "__toESM":
			if len(call.ArgumentList) > 0 {
				return importKind(call.ArgumentList[0])
			}
		}
	}
	return ""
}

func propertyKeyName(key ast.Expression) string {
	switch k := key.(type) {
	case *ast.StringLiteral:
		return string(k.Value)
	case *ast.Identifier:
		return string(k.Name)
	case *ast.NumberLiteral:
		return k.Literal
	}
	return ""
}

// exportListRE finds `export { ... }` lists in the original source.
var exportListRE = regexp.MustCompile(`\bexport\s*(?:type\s*)?\{([^}]*)\}`)

// locateExportName points m at name inside an `export { … }` list of the
// original source: re-exports have no binding in the transformed code
// whose position could be mapped back.
func (x *configExtractor) locateExportName(m *Message, name string) {
	m.File = x.file
	word := regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`)
	for _, loc := range exportListRE.FindAllStringSubmatchIndex(x.src, -1) {
		w := word.FindStringIndex(x.src[loc[2]:loc[3]])
		if w == nil {
			continue
		}
		off := loc[2] + w[0]
		lineStart := strings.LastIndexByte(x.src[:off], '\n') + 1
		lineEnd := strings.IndexByte(x.src[off:], '\n')
		if lineEnd < 0 {
			lineEnd = len(x.src) - off
		}
		m.Line = strings.Count(x.src[:off], "\n") + 1
		m.Column = off - lineStart + 1
		m.Length = len(name)
		m.LineText = strings.TrimSuffix(x.src[lineStart:off+lineEnd], "\r")
		return
	}
}
