package bundler

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
	"github.com/go-sourcemap/sourcemap"
)

// literal converts a literal expression to Go: string, int64/float64,
// bool, nil (null), undefinedValue, []any, or *orderedObject. Anything
// else is an error carrying the message next-swc's const-value extractor
// gives, with the code path ("config.api.bodyParser") in Next's format.
func (x *configExtractor) literal(e ast.Expression, path []string) (any, error) {
	if x.pathNodes == nil {
		x.pathNodes = map[string]ast.Node{}
	}
	x.pathNodes[formatCodePath(path)] = e
	switch n := e.(type) {
	case *ast.StringLiteral:
		return string(n.Value), nil
	case *ast.NumberLiteral:
		return numberValue(n.Value), nil
	case *ast.BooleanLiteral:
		return n.Value, nil
	case *ast.NullLiteral:
		return nil, nil
	case *ast.Identifier:
		if n.Name == "undefined" {
			return undefinedValue{}, nil
		}
		return nil, x.unsupportedValue(n, fmt.Sprintf("Unknown identifier %q", n.Name), path)
	case *ast.DotExpression:
		// esbuild turns a reference to an imported `c` into `import_x.c`.
		if id, ok := n.Left.(*ast.Identifier); ok && x.kinds[string(id.Name)] == "import" {
			return nil, x.unsupportedValue(n, fmt.Sprintf("Unknown identifier %q", n.Identifier.Name), path)
		}
	case *ast.UnaryExpression:
		if n.Postfix {
			break
		}
		switch n.Operator {
		case token.VOID:
			if _, ok := n.Operand.(*ast.NumberLiteral); ok {
				return undefinedValue{}, nil // esbuild prints `undefined` as `void 0`
			}
		case token.MINUS, token.PLUS:
			if num, ok := n.Operand.(*ast.NumberLiteral); ok {
				v := numberValue(num.Value)
				if n.Operator == token.PLUS {
					return v, nil
				}
				switch v := v.(type) {
				case int64:
					return -v, nil
				case float64:
					return -v, nil
				}
			}
		}
	case *ast.TemplateLiteral:
		if n.Tag != nil {
			return nil, x.unsupportedValue(n, `Unsupported node type "TaggedTemplateExpression"`, path)
		}
		if len(n.Expressions) > 0 {
			return nil, x.unsupportedValue(n, "Unsupported template literal with expressions", path)
		}
		var b strings.Builder
		for _, el := range n.Elements {
			b.WriteString(string(el.Parsed))
		}
		return b.String(), nil
	case *ast.ArrayLiteral:
		arr := make([]any, 0, len(n.Value))
		for i, el := range n.Value {
			if el == nil {
				arr = append(arr, undefinedValue{})
				continue
			}
			if _, ok := el.(*ast.SpreadElement); ok {
				return nil, x.unsupportedValue(el, "Unsupported spread operator in the Array Expression", path)
			}
			v, err := x.literal(el, append(path, "["+strconv.Itoa(i)+"]"))
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
		return arr, nil
	case *ast.ObjectLiteral:
		obj := &orderedObject{}
		for _, p := range n.Value {
			if short, ok := p.(*ast.PropertyShort); ok && short.Initializer == nil {
				// esbuild prints `{ runtime: runtime }` as `{ runtime }`, so
				// the explicit form (Next: Unknown identifier) and true
				// shorthand cannot be told apart; report the useful one.
				name := string(short.Name.Name)
				return nil, x.unsupportedValue(&short.Name, fmt.Sprintf("Unknown identifier %q", name), append(path, name))
			}
			kp, ok := p.(*ast.PropertyKeyed)
			if !ok || kp.Kind != ast.PropertyKindValue {
				// next-swc reports every non key-value property (spread,
				// shorthand, method, accessor) with this one message.
				return nil, x.unsupportedValue(p, "Unsupported spread operator in the Object Expression", path)
			}
			if kp.Computed {
				return nil, x.unsupportedValue(kp.Key, `Unsupported key type "Computed" in the Object Expression`, path)
			}
			key := propertyKeyName(kp.Key)
			v, err := x.literal(kp.Value, append(path, key))
			if err != nil {
				return nil, err
			}
			obj.set(key, v)
		}
		return obj, nil
	}
	return nil, x.unsupportedValue(e, fmt.Sprintf("Unsupported node type %q", swcNodeType(e)), path)
}

func numberValue(v any) any {
	switch v := v.(type) {
	case int64:
		return v
	case float64:
		return v
	case int:
		return int64(v)
	}
	return v
}

// swcNodeType names a goja AST node the way SWC (and so Next's message)
// does.
func swcNodeType(e ast.Node) string {
	switch n := e.(type) {
	case *ast.DotExpression, *ast.BracketExpression, *ast.PrivateDotExpression:
		return "MemberExpression"
	case *ast.FunctionLiteral:
		return "FunctionExpression"
	case *ast.ArrowFunctionLiteral:
		return "ArrowFunctionExpression"
	case *ast.ClassLiteral:
		return "ClassExpression"
	case *ast.AssignExpression:
		return "AssignmentExpression"
	case *ast.OptionalChain:
		return "OptionalChainingExpression"
	case *ast.RegExpLiteral:
		return "RegExpLiteral"
	case *ast.UnaryExpression:
		if n.Operator == token.INCREMENT || n.Operator == token.DECREMENT {
			return "UpdateExpression"
		}
		return "UnaryExpression"
	}
	t := reflect.TypeOf(e)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Name()
}

// formatCodePath joins a value path the way Next's UnsupportedValueError
// does: "config.matcher[0].source".
func formatCodePath(path []string) string {
	var b strings.Builder
	for _, p := range path {
		if strings.HasPrefix(p, "[") || b.Len() == 0 {
			b.WriteString(p)
		} else {
			b.WriteString("." + p)
		}
	}
	return b.String()
}

// unsupportedValue builds Next's "can't recognize the exported `config`
// field" error (get-page-static-info.ts warnAboutUnsupportedValue, which
// throws in dev).
func (x *configExtractor) unsupportedValue(node ast.Node, detail string, path []string) error {
	msg := fmt.Sprintf("Next.js can't recognize the exported `config` field in route %q:\n%s", x.page, detail)
	if len(path) > 0 {
		msg += fmt.Sprintf(" at %q", formatCodePath(path))
	}
	msg += ".\nRead More - " + invalidPageConfigURL
	return x.unsupported(node, msg)
}

func (x *configExtractor) unsupported(node ast.Node, text string) error {
	m := Message{Text: text}
	x.locate(&m, node)
	return &Error{Messages: []Message{m}}
}

// locate fills m's position with node's place in the original source.
func (x *configExtractor) locate(m *Message, node ast.Node) {
	m.File = x.file
	if node == nil {
		return
	}
	off := int(node.Idx0()) - 1 // goja's file base is 1
	if off < 0 || off > len(x.code) {
		return
	}
	genLine := strings.Count(x.code[:off], "\n") + 1
	genCol := off - (strings.LastIndexByte(x.code[:off], '\n') + 1)
	if x.mapping == nil {
		x.mapping = newPosMap(x.srcMap)
	}
	line, col16, ok := x.mapping.source(genLine, genCol)
	if !ok {
		return
	}
	lines := strings.Split(x.src, "\n")
	if line < 1 || line > len(lines) {
		return
	}
	text := strings.TrimSuffix(lines[line-1], "\r")
	m.Line = line
	m.Column = utf16ColToByte(text, col16) + 1
	m.LineText = text
	if end := int(node.Idx1()) - 1; end > off && end <= len(x.code) && !strings.Contains(x.code[off:end], "\n") {
		m.Length = min(end-off, len(text)-(m.Column-1))
	}
}

// posMap maps generated positions of the config transform back to the
// original file.
type posMap struct{ c *sourcemap.Consumer }

func newPosMap(data string) *posMap {
	c, err := sourcemap.Parse("", []byte(data))
	if err != nil {
		return &posMap{}
	}
	return &posMap{c}
}

// source takes a 1-based line and 0-based column and returns the original
// 1-based line and 0-based UTF-16 column.
func (p *posMap) source(line, col int) (int, int, bool) {
	if p.c == nil {
		return 0, 0, false
	}
	_, _, l, c, ok := p.c.Source(line, col)
	return l, c, ok
}

// utf16ColToByte converts a UTF-16 column (what source maps count) to a
// byte offset within line.
func utf16ColToByte(line string, col16 int) int {
	units := 0
	for i, r := range line {
		if units >= col16 {
			return i
		}
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
	}
	return len(line)
}

// orderedObject is an extracted object literal with its key order.
type orderedObject struct {
	keys   []string
	values map[string]any
}

func (o *orderedObject) set(k string, v any) {
	if o.values == nil {
		o.values = map[string]any{}
	}
	if _, ok := o.values[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.values[k] = v
}

// get returns a present, non-undefined value.
func (o *orderedObject) get(k string) (any, bool) {
	if o == nil {
		return nil, false
	}
	v, ok := o.values[k]
	if _, undef := v.(undefinedValue); undef {
		return nil, false
	}
	return v, ok
}
