package node

// builtinTable is the module table: every id Node 20's require knows
// (module.builtinModules), plus internal helpers shared by the embedded
// modules.
//
// It is filled in init because the loaders refer back to the table.
var builtinTable map[string]builtin

func init() {
	builtinTable = map[string]builtin{
		"internal/errors": {internal: true, js: "errors.js"},

		"buffer": {js: "buffer.js", binding: bufferBinding},
		"events": {js: "events.js"},
	}
	Builtins = publicBuiltins()
}
