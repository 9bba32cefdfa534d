// Package urlpattern implements the URL Pattern Standard
// (https://urlpattern.spec.whatwg.org/): the URLPattern class and a Go API
// (New, NewWithBase, NewFromInit, Pattern.Exec/Test...) over the same
// algorithms, which the JS class is a thin layer on.
//
// The tokenizer, the pattern parser, the constructor string parser, the
// canonicalization (encoding) callbacks, URLPatternInit processing and the
// generation of regular expressions and pattern strings follow the spec's
// algorithms step by step, with the step numbers in comments. URL parsing
// and host canonicalization are webapi/url's.
//
// Each component's regular expression is what the spec generates, and is
// compiled with the v flag (vi with ignoreCase) by internal/jsregex, which
// validates it with V8's rules and runs it on Go's regexp or regexp2 with
// ECMAScript results (see that package for its few known differences).
// Components that are one fixed text or the default "*" wildcard are
// matched without a regexp, as the spec allows.
//
// compareComponent() and generate() are Chrome APIs that WPT tests as
// tentative and that have no spec text yet; they follow Chrome's
// behaviour (see CompareComponent and Pattern.Generate).
package urlpattern
