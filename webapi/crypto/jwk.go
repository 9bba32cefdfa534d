package crypto

// The JsonWebKey dictionary (https://w3c.github.io/webcrypto/#JsonWebKey-dictionary,
// with the "pub" and "priv" members of the Modern Algorithms draft) and the
// checks every JWK import shares.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// jwkMembers lists the JsonWebKey members in lexicographic order (the order
// WebIDL reads and writes them). "ext", "key_ops" and "oth" are not
// DOMStrings and are kept in their own fields.
var jwkMembers = []string{"alg", "crv", "d", "dp", "dq", "e", "ext", "k", "key_ops", "kty", "n", "oth", "p", "priv", "pub", "q", "qi", "use", "x", "y"}

// jwk is a JsonWebKey dictionary.
type jwk struct {
	fields    map[string]string // present DOMString members
	ext       *bool
	keyOps    []string
	hasKeyOps bool
	oth       []map[string]string
	hasOth    bool
}

func newJWK() *jwk { return &jwk{fields: make(map[string]string, 8)} }

func (j *jwk) get(name string) (string, bool) {
	s, ok := j.fields[name]
	return s, ok
}

func (j *jwk) set(name, v string) { j.fields[name] = v }

// bytesOf base64url-decodes a member; missing or malformed members are a
// DataError.
func (j *jwk) bytesOf(name string) ([]byte, error) {
	s, ok := j.fields[name]
	if !ok {
		return nil, errorf(errData, "The required JWK member \"%s\" was missing", name)
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, errorf(errData, "The JWK member \"%s\" could not be base64url decoded or contained padding", name)
	}
	return b, nil
}

func (j *jwk) setBytes(name string, b []byte) {
	j.fields[name] = base64.RawURLEncoding.EncodeToString(b)
}

// jwkFromJS converts a JS value to a JsonWebKey dictionary.
func jwkFromJS(iso *runtime.Isolate, ctx webidl.Context, v goja.Value) *jwk {
	vm := iso.VM()
	j := newJWK()
	obj, _ := v.(*goja.Object)
	if obj == nil {
		return j
	}
	for _, name := range jwkMembers {
		mv := obj.Get(name)
		if mv == nil || goja.IsUndefined(mv) {
			continue
		}
		switch name {
		case "ext":
			b := mv.ToBoolean()
			j.ext = &b
		case "key_ops":
			j.hasKeyOps = true
			for _, x := range ctx.Sequence(vm, mv) {
				j.keyOps = append(j.keyOps, ctx.DOMString(vm, x))
			}
		case "oth":
			j.hasOth = true
			for _, x := range ctx.Sequence(vm, mv) {
				info := map[string]string{}
				if o, ok := x.(*goja.Object); ok {
					for _, m := range []string{"d", "r", "t"} {
						if mv := o.Get(m); mv != nil && !goja.IsUndefined(mv) {
							info[m] = ctx.DOMString(vm, mv)
						}
					}
				} else if !webidl.IsNullish(x) {
					ctx.TypeError(vm, "The provided value is not of type 'RsaOtherPrimesInfo'.")
				}
				j.oth = append(j.oth, info)
			}
		default:
			j.fields[name] = ctx.DOMString(vm, mv)
		}
	}
	return j
}

// toJS converts the dictionary to a new object.
func (j *jwk) toJS(iso *runtime.Isolate) goja.Value {
	vm := iso.VM()
	obj := vm.NewObject()
	for _, name := range jwkMembers {
		switch name {
		case "ext":
			if j.ext != nil {
				_ = obj.Set(name, *j.ext)
			}
		case "key_ops":
			if j.hasKeyOps {
				ops := make([]any, len(j.keyOps))
				for i, op := range j.keyOps {
					ops[i] = op
				}
				_ = obj.Set(name, vm.NewArray(ops...))
			}
		case "oth":
			// Never exported: keys with other primes are not imported.
		default:
			if s, ok := j.fields[name]; ok {
				_ = obj.Set(name, s)
			}
		}
	}
	return obj
}

// marshal serializes the dictionary as JSON.stringify would.
func (j *jwk) marshal() []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	first := true
	key := func(name string) {
		if !first {
			b.WriteByte(',')
		}
		first = false
		writeJSONString(&b, name)
		b.WriteByte(':')
	}
	for _, name := range jwkMembers {
		switch name {
		case "ext":
			if j.ext != nil {
				key(name)
				b.WriteString(strconv.FormatBool(*j.ext))
			}
		case "key_ops":
			if j.hasKeyOps {
				key(name)
				b.WriteByte('[')
				for i, op := range j.keyOps {
					if i > 0 {
						b.WriteByte(',')
					}
					writeJSONString(&b, op)
				}
				b.WriteByte(']')
			}
		case "oth":
		default:
			if s, ok := j.fields[name]; ok {
				key(name)
				writeJSONString(&b, s)
			}
		}
	}
	b.WriteByte('}')
	return b.Bytes()
}

func writeJSONString(b *bytes.Buffer, s string) {
	enc, _ := json.Marshal(s)
	b.Write(enc)
}

// parseJWK implements https://w3c.github.io/webcrypto/#concept-parse-a-jwk
// for unwrapKey: the bytes are UTF-8 JSON text whose top-level object
// converts to a JsonWebKey, and the kty member must be present. Member
// values convert as WebIDL would convert the values JSON.parse returns.
func parseJWK(data []byte) (*jwk, error) {
	if !utf8.Valid(data) {
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil || dec.More() {
		return nil, errorf(errData, "JWK input could not be parsed to a JSON dictionary")
	}
	obj, ok := raw.(map[string]any)
	if !ok {
		if raw == nil {
			obj = map[string]any{}
		} else {
			return nil, errorf(errData, "JWK input could not be parsed to a JSON dictionary")
		}
	}
	j := newJWK()
	for _, name := range jwkMembers {
		v, ok := obj[name]
		if !ok {
			continue
		}
		switch name {
		case "ext":
			b := jsonTruthy(v)
			j.ext = &b
		case "key_ops":
			arr, ok := v.([]any)
			if !ok {
				return nil, errorf(errData, "The JWK member \"key_ops\" must be a list")
			}
			j.hasKeyOps = true
			for _, x := range arr {
				j.keyOps = append(j.keyOps, jsonToString(x))
			}
		case "oth":
			arr, ok := v.([]any)
			if !ok {
				return nil, errorf(errData, "The JWK member \"oth\" must be a list")
			}
			j.hasOth = true
			for range arr {
				j.oth = append(j.oth, map[string]string{})
			}
		default:
			j.fields[name] = jsonToString(v)
		}
	}
	// If the kty field of key is not defined, then throw a DataError.
	if _, ok := j.fields["kty"]; !ok {
		return nil, errorf(errData, "The required JWK member \"kty\" was missing")
	}
	return j, nil
}

// jsonToString is ECMAScript ToString of a JSON.parse result.
func jsonToString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case nil:
		return "null"
	case json.Number:
		f, err := x.Float64()
		if err != nil {
			return x.String()
		}
		if f == math.Trunc(f) && math.Abs(f) < 1e21 {
			return strconv.FormatFloat(f, 'f', -1, 64)
		}
		return strconv.FormatFloat(f, 'g', -1, 64)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			if e != nil {
				parts[i] = jsonToString(e)
			}
		}
		return strings.Join(parts, ",")
	}
	return "[object Object]"
}

func jsonTruthy(v any) bool {
	switch x := v.(type) {
	case bool:
		return x
	case nil:
		return false
	case string:
		return x != ""
	case json.Number:
		f, _ := x.Float64()
		return f != 0 && !math.IsNaN(f)
	}
	return true
}

// checkJWKCommon runs the checks every JWK import performs on the "ext",
// "key_ops" and "use" members. use is the "use" value the algorithm
// requires ("sig" or "enc"), or "" when the algorithm ignores it.
func checkJWKCommon(j *jwk, extractable bool, usages usageSet, use string) error {
	// If usages is non-empty and the use field of jwk is present and is not
	// the value the algorithm requires, then throw a DataError.
	if u, ok := j.get("use"); ok && usages != 0 && use != "" && u != use {
		return errorf(errData, "The JWK \"use\" member was inconsistent with that specified by the Web Crypto call. The JWK usage must be a superset of those requested")
	}
	// If the key_ops field of jwk is present, and is invalid according to
	// the requirements of JSON Web Key, or it does not contain all of the
	// specified usages values, then throw a DataError.
	if j.hasKeyOps {
		var ops usageSet
		seen := map[string]bool{}
		for _, op := range j.keyOps {
			if seen[op] {
				return errorf(errData, "The \"key_ops\" member of the JWK dictionary contains duplicate usages.")
			}
			seen[op] = true
			if bit, ok := parseUsage(op); ok {
				ops |= bit
			}
		}
		if !usages.subsetOf(ops) {
			return errorf(errData, "The JWK \"key_ops\" member was inconsistent with that specified by the Web Crypto call. The JWK usage must be a superset of those requested")
		}
	}
	// If the ext field of jwk is present and has the value false and
	// extractable is true, then throw a DataError.
	if j.ext != nil && !*j.ext && extractable {
		return errorf(errData, "The \"ext\" member of the JWK dictionary is inconsistent what that specified by the Web Crypto call")
	}
	return nil
}

// exportJWKCommon sets the key_ops and ext members of an exported JWK.
func exportJWKCommon(j *jwk, k *Key) {
	// Set the key_ops attribute of jwk to the usages attribute of key.
	j.keyOps = k.usages.names()
	j.hasKeyOps = true
	// Set the ext attribute of jwk to the [[extractable]] internal slot of key.
	ext := k.extractable
	j.ext = &ext
}
