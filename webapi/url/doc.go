// Package url implements the URL Standard's API (https://url.spec.whatwg.org/):
// the URL and URLSearchParams classes, URL.parse and URL.canParse, and the
// application/x-www-form-urlencoded parser and serializer other packages
// (fetch bodies, FormData) share.
//
// Parsing is github.com/nlnwa/whatwg-url's WHATWG state machine, configured
// for the current standard, with three parts of it replaced where the
// library lags behind the standard (each is documented where it is done):
// hosts of special URLs (UTS #46 with UseSTD3ASCIIRules=false plus the
// Unicode 15.1-17.0 mapping changes, and a non-overflowing IPv4 parser),
// the "%20" rule for a space ending an opaque path, and "^" in the path
// percent-encode set. URLSearchParams is written here: the library's
// version decodes "+" after percent-decoding and does not keep the URL's
// query in sync the way the standard's update steps do.
//
// Go code can use the same parser through Parse, whose *URL record
// re-serialises with the URL serializer (Href).
package url
