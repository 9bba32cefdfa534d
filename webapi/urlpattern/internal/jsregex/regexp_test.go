package jsregex

import (
	"errors"
	"reflect"
	"testing"
)

// undef marks a capture that did not participate (undefined in JS).
const undef = "<undefined>"

// matchTests give V8's results for /pattern/v (or /pattern/vi) exec'd on
// input: nil when exec returns null, else the captures from index 0.
var matchTests = []struct {
	pattern    string
	ignoreCase bool
	input      string
	want       []string
	engine     string
}{
	{`^\/foo\/([^\/]+?)$`, false, "/foo/bar", []string{"/foo/bar", "bar"}, "go"},
	{`^\/foo\/([^\/]+?)$`, false, "/foo/bar/baz", nil, "go"},
	{`^(.*)$`, false, "a\nb", nil, "go"},
	{`^([^\/]+?)([^\/]+?)$`, false, "xyz", []string{"xyz", "x", "yz"}, "go"},
	{`^(?:\/((?:[^\/]+?)(?:\/(?:[^\/]+?))*))?$`, false, "/a/b", []string{"/a/b", "a/b"}, "go"},
	{`^(?:\/((?:[^\/]+?)(?:\/(?:[^\/]+?))*))?$`, false, "", []string{"", undef}, "go"},
	{`^\/([[a-z]--a])$`, false, "/z", []string{"/z", "z"}, "go"},
	{`^\/([[a-z]--a])$`, false, "/a", nil, "go"},
	{`^\/([\d&&[0-1]])$`, false, "/0", []string{"/0", "0"}, "go"},
	{`^\/([\d&&[0-1]])$`, false, "/3", nil, "go"},
	{`^\/foo\/bar$`, true, "/FOO/BAR", []string{"/FOO/BAR"}, "go"},
	{`^s$`, true, "\u017f", []string{"\u017f"}, "go"},
	{`^k$`, true, "\u212a", []string{"\u212a"}, "go"},
	{`^[^a]$`, true, "A", nil, "go"},
	{`^[[a-z]--a]$`, true, "A", nil, "go"},
	{`^[[a-z]--a]$`, true, "B", []string{"B"}, "go"},
	{`^\p{Lu}+$`, false, "ÀB", []string{"ÀB"}, "go"},
	{`^\p{Lu}$`, false, "à", nil, "go"},
	{`^\p{Script=Greek}+$`, false, "αβγ", []string{"αβγ"}, "go"},
	{`^\P{L}$`, false, "1", []string{"1"}, "go"},
	{`^[\q{abc|d}]$`, false, "abc", []string{"abc"}, "go"},
	{`^[\q{abc|d}]$`, false, "ab", nil, "go"},
	{`^[\q{abc|ab}x]c$`, false, "abc", []string{"abc"}, "go"},
	{`^[\q{ABC}]$`, true, "abc", []string{"abc"}, "go"},
	{`^\u{1F345}$`, false, "🍅", []string{"🍅"}, "go"},
	{`^\uD83C\uDF45$`, false, "🍅", []string{"🍅"}, "go"},
	{`^.$`, false, "🍅", []string{"🍅"}, "go"},
	{`^(a)|b$`, false, "b", []string{"b", undef}, "go"},
	{`^(sub(?:.))?example$`, false, "example", []string{"example", undef}, "go"},
	{`^(?<y>\d{4})-\k<y>$`, false, "2020-2020", []string{"2020-2020", "2020"}, "regexp2"},
	{`^(?<y>\d{4})-\k<y>$`, false, "2020-2021", nil, "regexp2"},
	{`^(a)\1$`, true, "aA", []string{"aA", "a"}, "regexp2"},
	{`^(?:(?<n>a)|(?<n>b))\k<n>$`, false, "bb", []string{"bb", undef, "b"}, "regexp2"},
	{`^(?:(?<n>a)|(?<n>b))\k<n>$`, false, "aa", []string{"aa", "a", undef}, "regexp2"},
	{`^\1(a)$`, false, "a", []string{"a", "a"}, "regexp2"},
	{`^foo(?=bar)`, false, "foobar", []string{"foo"}, "regexp2"},
	{`(?<=\$)\d+`, false, "cost $42", []string{"42"}, "regexp2"},
	{`^(?!x).$`, false, "x", nil, "regexp2"},
	{`^a{1001}$`, false, "a", nil, "regexp2"},
	{`\bfoo\b`, false, "a foo b", []string{"foo"}, "go"},
	{`^[\w--\d]+$`, false, "ab_", []string{"ab_"}, "go"},
	{`^[\w--\d]+$`, false, "a1", nil, "go"},
	{`^[[\p{L}&&\p{Script=Latin}]--[a-z]]+$`, false, "ÀZ", []string{"ÀZ"}, "go"},
	{`^\x41\cJ\0$`, false, "A\n\x00", []string{"A\n\x00"}, "go"},
	{`^[\-\&]+$`, false, "-&", []string{"-&"}, "go"},
	{`^[]$`, false, "a", nil, "go"},
	// Optional iterations that match nothing are rejected.
	{`^(.*)(.*)?$`, false, "foobar", []string{"foobar", "foobar", undef}, "go"},
	{`^(a*)?$`, false, "", []string{"", undef}, "go"},
	{`^(a*)*$`, false, "aa", []string{"aa", "aa"}, "go"},
	{`^(a*?)?b$`, false, "ab", []string{"ab", "a"}, "go"},
	{`^(?:(a)|b?)*$`, false, "ab", []string{"ab", "a"}, "go"},
	{`^(?:(a?)(b?))*$`, false, "ab", []string{"ab", "a", "b"}, "regexp2"},
	{`^(?:(a?)(b?))*$`, false, "", []string{"", undef, undef}, "regexp2"},
	{`^(?:(a?)(b?))*(c)$`, false, "abc", []string{"abc", "a", "b", "c"}, "regexp2"},
	{`^[^]$`, false, "a", []string{"a"}, "go"},
}

func TestMatch(t *testing.T) {
	for _, tt := range matchTests {
		re, err := Compile(tt.pattern, tt.ignoreCase)
		if err != nil {
			t.Errorf("Compile(%q): %v", tt.pattern, err)
			continue
		}
		if re.Engine() != tt.engine {
			t.Errorf("Compile(%q) runs on %s, want %s", tt.pattern, re.Engine(), tt.engine)
		}
		idx, err := re.FindStringSubmatchIndex(tt.input)
		if err != nil {
			t.Errorf("%q on %q: %v", tt.pattern, tt.input, err)
			continue
		}
		var got []string
		if idx != nil {
			for i := 0; i < len(idx); i += 2 {
				if idx[i] < 0 {
					got = append(got, undef)
					continue
				}
				got = append(got, tt.input[idx[i]:idx[i+1]])
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("/%s/v%s.exec(%q) = %q, want %q", tt.pattern, map[bool]string{true: "i"}[tt.ignoreCase], tt.input, got, tt.want)
		}
		ok, err := re.MatchString(tt.input)
		if err != nil || ok != (tt.want != nil) {
			t.Errorf("/%s/.test(%q) = %v, %v", tt.pattern, tt.input, ok, err)
		}
	}
}

// syntaxErrorTests are patterns V8 rejects with the v flag.
var syntaxErrorTests = []string{
	`\m`, `(`, `)`, `a**`, `{1}`, `a{`, `}`, `]`, `[a-]`, `[(]`, `[a&&&b]`, `[a-z&&b]`,
	`[a&&b--c]`, `[a||b]`, `[^\q{ab}]`, `\2(a)`, `\k<x>`, `(?<x>a)(?<x>b)`, `(?<1>a)`,
	`\p{Nope}`, `\p{Script_Extensions=Latin}`, `a{2,1}`, `[z-a]`, `\u{110000}`, `\c1`,
	`\x4`, `\00`, `(?=a)*`, `^*`, `(?i:a)`, `[\q{a]`, `\-`,
}

func TestSyntaxErrors(t *testing.T) {
	for _, src := range syntaxErrorTests {
		_, err := Compile(src, false)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Compile(%q) = %v, want a SyntaxError", src, err)
		}
	}
}

// validTests are patterns V8 accepts with the v flag.
var validTests = []string{
	`a|b`, `(?:a)`, `(?<name>a)\k<name>`, `(?:(?<n>a)|(?<n>b))`, `[a-z\d]`, `[\p{L}--\p{Lu}]`,
	`[[a-z]&&[aeiou]]`, `\/`, `a{2}`, `a{2,}`, `a{2,3}?`, `[\&]`, `\b`, `(?<!a)b`, `\cA`,
	`\u0041`, `[\b]`, `/`,
}

func TestValid(t *testing.T) {
	for _, src := range validTests {
		if _, err := Compile(src, false); err != nil {
			t.Errorf("Compile(%q): %v", src, err)
		}
		if _, err := Compile(src, true); err != nil {
			t.Errorf("Compile(%q, i): %v", src, err)
		}
	}
}

var identifierTests = []struct {
	r           rune
	start, part bool
}{
	{'a', true, true}, {'$', true, true}, {'_', true, true}, {'1', false, true},
	{'-', false, false}, {'é', true, true}, {'\u200c', false, true}, {'🍅', false, false},
	{'\u0301', false, true}, {'℘', true, true},
}

func TestIdentifier(t *testing.T) {
	for _, tt := range identifierTests {
		if got := IsIdentifierStart(tt.r); got != tt.start {
			t.Errorf("IsIdentifierStart(%q) = %v", tt.r, got)
		}
		if got := IsIdentifierPart(tt.r); got != tt.part {
			t.Errorf("IsIdentifierPart(%q) = %v", tt.r, got)
		}
	}
}
