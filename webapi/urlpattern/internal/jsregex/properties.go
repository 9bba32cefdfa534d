package jsregex

import (
	"sync"
	"unicode"
)

// Unicode property escapes (\p{...}) are expanded here into explicit code
// point sets built from Go's unicode tables, because goja's RegExp accepts
// \p{...} and then silently never matches (see the notes on goja), and Go's
// regexp knows categories and scripts but not the ECMAScript names of the
// binary properties. The tables are Go's Unicode version, not V8's.
//
// Not available, so rejected with a SyntaxError that says so:
// Script_Extensions (Go has no scx table), the emoji properties, and the
// properties of strings that the v flag adds (Basic_Emoji, RGI_Emoji...).

// generalCategories maps every General_Category value name and alias that
// ECMAScript accepts (PropertyValueAliases.txt) to Go's table name. "LC",
// "C" and "Cn" are computed, as Go's unicode.C omits unassigned code points.
var generalCategories = map[string]string{
	"C": "C", "Other": "C",
	"Cc": "Cc", "Control": "Cc", "cntrl": "Cc",
	"Cf": "Cf", "Format": "Cf",
	"Cn": "Cn", "Unassigned": "Cn",
	"Co": "Co", "Private_Use": "Co",
	"Cs": "Cs", "Surrogate": "Cs",
	"L": "L", "Letter": "L",
	"LC": "LC", "Cased_Letter": "LC",
	"Ll": "Ll", "Lowercase_Letter": "Ll",
	"Lm": "Lm", "Modifier_Letter": "Lm",
	"Lo": "Lo", "Other_Letter": "Lo",
	"Lt": "Lt", "Titlecase_Letter": "Lt",
	"Lu": "Lu", "Uppercase_Letter": "Lu",
	"M": "M", "Mark": "M", "Combining_Mark": "M",
	"Mc": "Mc", "Spacing_Mark": "Mc",
	"Me": "Me", "Enclosing_Mark": "Me",
	"Mn": "Mn", "Nonspacing_Mark": "Mn",
	"N": "N", "Number": "N",
	"Nd": "Nd", "Decimal_Number": "Nd", "digit": "Nd",
	"Nl": "Nl", "Letter_Number": "Nl",
	"No": "No", "Other_Number": "No",
	"P": "P", "Punctuation": "P", "punct": "P",
	"Pc": "Pc", "Connector_Punctuation": "Pc",
	"Pd": "Pd", "Dash_Punctuation": "Pd",
	"Pe": "Pe", "Close_Punctuation": "Pe",
	"Pf": "Pf", "Final_Punctuation": "Pf",
	"Pi": "Pi", "Initial_Punctuation": "Pi",
	"Po": "Po", "Other_Punctuation": "Po",
	"Ps": "Ps", "Open_Punctuation": "Ps",
	"S": "S", "Symbol": "S",
	"Sc": "Sc", "Currency_Symbol": "Sc",
	"Sk": "Sk", "Modifier_Symbol": "Sk",
	"Sm": "Sm", "Math_Symbol": "Sm",
	"So": "So", "Other_Symbol": "So",
	"Z": "Z", "Separator": "Z",
	"Zl": "Zl", "Line_Separator": "Zl",
	"Zp": "Zp", "Paragraph_Separator": "Zp",
	"Zs": "Zs", "Space_Separator": "Zs",
}

// binaryAliases maps the short names of binary properties to long ones.
var binaryAliases = map[string]string{
	"AHex": "ASCII_Hex_Digit", "Alpha": "Alphabetic", "Bidi_C": "Bidi_Control",
	"Dep": "Deprecated", "Dia": "Diacritic", "Ext": "Extender", "Hex": "Hex_Digit",
	"IDC": "ID_Continue", "IDS": "ID_Start", "IDSB": "IDS_Binary_Operator",
	"IDST": "IDS_Trinary_Operator", "Ideo": "Ideographic", "Join_C": "Join_Control",
	"LOE": "Logical_Order_Exception", "Lower": "Lowercase", "NChar": "Noncharacter_Code_Point",
	"Pat_Syn": "Pattern_Syntax", "Pat_WS": "Pattern_White_Space", "QMark": "Quotation_Mark",
	"RI": "Regional_Indicator", "SD": "Soft_Dotted", "STerm": "Sentence_Terminal",
	"Term": "Terminal_Punctuation", "UIdeo": "Unified_Ideograph", "Upper": "Uppercase",
	"VS": "Variation_Selector", "space": "White_Space", "WSpace": "White_Space",
}

// goBinary names the ECMAScript binary properties Go's unicode.Properties
// holds under the same name.
var goBinary = map[string]bool{
	"ASCII_Hex_Digit": true, "Bidi_Control": true, "Dash": true, "Deprecated": true,
	"Diacritic": true, "Extender": true, "Hex_Digit": true, "IDS_Binary_Operator": true,
	"IDS_Trinary_Operator": true, "Ideographic": true, "Join_Control": true,
	"Logical_Order_Exception": true, "Noncharacter_Code_Point": true, "Pattern_Syntax": true,
	"Pattern_White_Space": true, "Quotation_Mark": true, "Radical": true,
	"Regional_Indicator": true, "Sentence_Terminal": true, "Soft_Dotted": true,
	"Terminal_Punctuation": true, "Unified_Ideograph": true, "Variation_Selector": true,
	"White_Space": true,
}

var propertyCache sync.Map // string → *charSet

// property resolves the contents of \p{...}: "Name", "Name=Value".
func property(expr string) (*charSet, error) {
	if cs, ok := propertyCache.Load(expr); ok {
		return cs.(*charSet).clone(), nil
	}
	cs, err := resolveProperty(expr)
	if err != nil {
		return nil, err
	}
	propertyCache.Store(expr, cs)
	return cs.clone(), nil
}

func resolveProperty(expr string) (*charSet, error) {
	name, value, hasValue := cut(expr, '=')
	if hasValue {
		switch name {
		case "General_Category", "gc":
			if cat, ok := generalCategories[value]; ok {
				return category(cat), nil
			}
		case "Script", "sc":
			if t, ok := unicode.Scripts[value]; ok {
				return fromTable(t), nil
			}
		case "Script_Extensions", "scx":
			return nil, syntaxErr("Script_Extensions property escapes are not supported")
		}
		return nil, syntaxErr("Invalid property name")
	}
	if cat, ok := generalCategories[expr]; ok {
		return category(cat), nil
	}
	if long, ok := binaryAliases[expr]; ok {
		expr = long
	}
	if goBinary[expr] {
		return fromTable(unicode.Properties[expr]), nil
	}
	if cs := derivedProperty(expr); cs != nil {
		return cs, nil
	}
	return nil, syntaxErr("Invalid property name")
}

func cut(s string, sep byte) (before, after string, found bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == sep {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// category returns a General_Category set by Go table name.
func category(name string) *charSet {
	switch name {
	case "LC":
		cs := fromTable(unicode.Lu)
		cs.union(fromTable(unicode.Ll))
		cs.union(fromTable(unicode.Lt))
		return cs
	case "Cn":
		return assigned().complement()
	case "C":
		cs := fromTable(unicode.C)
		cs.union(assigned().complement())
		return cs
	}
	return fromTable(unicode.Categories[name])
}

// assigned is every code point with a General_Category other than Cn.
var assigned = sync.OnceValue(func() *charSet {
	cs := &charSet{}
	for _, t := range unicode.Categories {
		cs.spans = append(cs.spans, fromTable(t).spans...)
	}
	cs.normalize()
	return cs
})

// derivedProperty computes the binary properties DerivedCoreProperties.txt
// defines from tables Go has; nil when unknown.
func derivedProperty(name string) *charSet {
	union := func(tables ...*unicode.RangeTable) *charSet {
		cs := &charSet{}
		for _, t := range tables {
			cs.spans = append(cs.spans, fromTable(t).spans...)
		}
		cs.normalize()
		return cs
	}
	switch name {
	case "Any":
		return newSpans(span{0, maxRune})
	case "ASCII":
		return newSpans(span{0, 0x7F})
	case "Assigned":
		return assigned().clone()
	case "Alphabetic":
		return union(unicode.Lu, unicode.Ll, unicode.Lt, unicode.Lm, unicode.Lo, unicode.Nl, unicode.Other_Alphabetic)
	case "Lowercase":
		return union(unicode.Ll, unicode.Other_Lowercase)
	case "Uppercase":
		return union(unicode.Lu, unicode.Other_Uppercase)
	case "Math":
		return union(unicode.Sm, unicode.Other_Math)
	case "ID_Start":
		return idStart().clone()
	case "ID_Continue":
		return idContinue().clone()
	}
	return nil
}

// idStart is ID_Start (DerivedCoreProperties.txt): L, Nl and Other_ID_Start,
// minus Pattern_Syntax and Pattern_White_Space.
var idStart = sync.OnceValue(func() *charSet {
	cs := &charSet{}
	for _, t := range []*unicode.RangeTable{unicode.L, unicode.Nl, unicode.Other_ID_Start} {
		cs.spans = append(cs.spans, fromTable(t).spans...)
	}
	cs.normalize()
	return cs.subtract(fromTable(unicode.Pattern_Syntax)).subtract(fromTable(unicode.Pattern_White_Space))
})

// idContinue is ID_Continue: ID_Start, Mn, Mc, Nd, Pc and Other_ID_Continue,
// minus Pattern_Syntax and Pattern_White_Space.
var idContinue = sync.OnceValue(func() *charSet {
	cs := idStart().clone()
	for _, t := range []*unicode.RangeTable{unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue} {
		cs.spans = append(cs.spans, fromTable(t).spans...)
	}
	cs.normalize()
	return cs.subtract(fromTable(unicode.Pattern_Syntax)).subtract(fromTable(unicode.Pattern_White_Space))
})

// IsIdentifierStart reports whether r is in ECMAScript's IdentifierStart
// set: ID_Start, "$" and "_" (a UnicodeEscapeSequence is not a code point).
func IsIdentifierStart(r rune) bool {
	if r < 0x80 {
		return r == '$' || r == '_' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
	}
	return idStart().contains(r)
}

// IsIdentifierPart reports whether r is in ECMAScript's IdentifierPart
// set: ID_Continue, "$", U+200C and U+200D.
func IsIdentifierPart(r rune) bool {
	if r < 0x80 {
		return r == '$' || r == '_' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9')
	}
	return r == 0x200C || r == 0x200D || idContinue().contains(r)
}
