package bundler

// The .env parser and `$VAR` expansion reproduce the exact packages Next
// bundles in @next/env (dotenv 16.3.1 and dotenv-expand 10.0.0), quirks
// included: `\n` is unescaped only inside double quotes, `\"` keeps its
// backslash, a later duplicate key overrides an earlier one, and
// expansion prefers the process environment over the file. A general
// dotenv library would differ on these edges, and users notice env
// differences between `next dev` and edgerun immediately.

import (
	"regexp"
	"strings"
)

// dotenvLine is dotenv 16's LINE regexp (multiline, global).
var dotenvLine = regexp.MustCompile("(?m)(?:^|^)\\s*(?:export\\s+)?([\\w.-]+)(?:\\s*=\\s*?|:\\s+?)(\\s*'(?:\\\\'|[^'])*'|\\s*\"(?:\\\\\"|[^\"])*\"|\\s*`(?:\\\\`|[^`])*`|[^#\\r\\n]+)?\\s*(?:#.*)?(?:$|$)")

// dotenvEntry is one parsed variable; order matters for expansion.
type dotenvEntry struct {
	Key, Value string
}

// parseDotenv is dotenv.parse: it returns the variables in first-seen
// order, later duplicates overwriting the value.
func parseDotenv(src string) []dotenvEntry {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	src = strings.ReplaceAll(src, "\r", "\n")
	var out []dotenvEntry
	index := map[string]int{}
	for _, m := range dotenvLine.FindAllStringSubmatch(src, -1) {
		key := m[1]
		value := strings.TrimFunc(m[2], isJSSpace)
		quote := byte(0)
		if value != "" {
			quote = value[0]
		}
		// value.replace(/^(['"`])([\s\S]*)\1$/mg, '$2')
		if len(value) >= 2 && (quote == '\'' || quote == '"' || quote == '`') && value[len(value)-1] == quote {
			value = value[1 : len(value)-1]
		}
		if quote == '"' {
			value = strings.ReplaceAll(value, `\n`, "\n")
			value = strings.ReplaceAll(value, `\r`, "\r")
		}
		if i, ok := index[key]; ok {
			out[i].Value = value
			continue
		}
		index[key] = len(out)
		out = append(out, dotenvEntry{key, value})
	}
	return out
}

// isJSSpace is the set String.prototype.trim removes.
func isJSSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// dotenv-expand 10's two regexps: all candidate references, and the parts
// of one reference (prefix char, name with optional ":-default").
var (
	expandMatches = regexp.MustCompile(`(.?\${*[\w]*(?::-[\w/]*)?}*)`)
	expandParts   = regexp.MustCompile(`(.?)\${*([\w]*(?::-[\w/]*)?)?}*`)
)

// maxExpandDepth stops `A=$A`-style cycles; dotenv-expand itself would
// overflow the JS stack there.
const maxExpandDepth = 32

// expandDotenv is dotenv-expand's expand(): every variable of the file is
// interpolated against env (the process environment plus what earlier,
// higher-priority files put there), with env winning over the file's own
// value; afterwards all of the file's variables are written into env.
func expandDotenv(parsed []dotenvEntry, env map[string]string) {
	values := make(map[string]string, len(parsed))
	for _, e := range parsed {
		values[e.Key] = e.Value
	}
	for i, e := range parsed {
		v := e.Value
		if ev, ok := env[e.Key]; ok {
			v = ev
		}
		v = interpolate(v, env, values, 0)
		parsed[i].Value = v
		values[e.Key] = v
	}
	for _, e := range parsed {
		env[e.Key] = e.Value
	}
}

// interpolate is dotenv-expand 10's _interpolate, including its use of
// String.prototype.replace (first occurrence, `$` patterns in the
// replacement).
func interpolate(value string, env, parsed map[string]string, depth int) string {
	if depth > maxExpandDepth {
		return value
	}
	matches := expandMatches.FindAllString(value, -1)
	out := value
	for i := 0; i < len(matches); i++ {
		match := matches[i]
		parts := expandParts.FindStringSubmatch(match)
		if parts == nil {
			continue
		}
		prefix := parts[1]
		var replacePart, repl string
		if prefix == `\` {
			replacePart = parts[0]
			repl = strings.Replace(replacePart, `\$`, "$", 1)
		} else {
			keyParts := strings.Split(parts[2], ":-")
			key := keyParts[0]
			replacePart = parts[0][len(prefix):]
			if ev, ok := env[key]; ok {
				repl = ev
			} else {
				repl = parsed[key]
				if repl == "" && len(keyParts) > 1 {
					repl = keyParts[1]
				}
			}
			if len(keyParts) > 1 && repl != "" && i+1 < len(matches) {
				nested := matches[i+1]
				matches[i+1] = ""
				out = jsReplace(out, nested, "")
			}
			repl = interpolate(repl, env, parsed, depth+1)
		}
		out = jsReplace(out, replacePart, repl)
	}
	return out
}

// jsReplace is String.prototype.replace(string, string): the first
// occurrence only, with $$, $&, $` and $' expanded in the replacement.
func jsReplace(s, pattern, repl string) string {
	i := strings.Index(s, pattern)
	if i < 0 {
		return s
	}
	if strings.IndexByte(repl, '$') >= 0 {
		var b strings.Builder
		for j := 0; j < len(repl); j++ {
			if repl[j] != '$' || j+1 == len(repl) {
				b.WriteByte(repl[j])
				continue
			}
			switch repl[j+1] {
			case '$':
				b.WriteByte('$')
			case '&':
				b.WriteString(pattern)
			case '`':
				b.WriteString(s[:i])
			case '\'':
				b.WriteString(s[i+len(pattern):])
			default:
				b.WriteByte('$')
				continue
			}
			j++
		}
		repl = b.String()
	}
	return s[:i] + repl + s[i+len(pattern):]
}
