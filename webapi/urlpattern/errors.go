package urlpattern

import "errors"

// ErrInvalid is wrapped by every *Error: the input cannot be made into a
// URL pattern (bad syntax, an invalid regexp group, a value the URL
// parser rejects, a relative pattern without a base URL...).
var ErrInvalid = errors.New("urlpattern: invalid pattern")

// Error is a failure to create a pattern or to generate a component.
// Message is what the JS API throws as a TypeError, in Chrome's wording.
type Error struct {
	Message string
}

func (e *Error) Error() string { return "urlpattern: " + e.Message }

// Unwrap makes errors.Is(err, ErrInvalid) hold.
func (e *Error) Unwrap() error { return ErrInvalid }

func newError(msg string) *Error { return &Error{Message: msg} }

// patternError is an error inside one pattern string (tokenizer, parser,
// encoding callback); compiling a component prefixes it with the
// component and pattern ("Invalid pathname pattern '...'. ").
type patternError struct {
	msg string
}

func (e *patternError) Error() string { return e.msg }
