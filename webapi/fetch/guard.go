package fetch

// A Guard restricts what scripts may change in a Headers object
// (https://fetch.spec.whatwg.org/#concept-headers-guard).
type Guard uint8

const (
	// GuardNone allows any valid header (new Headers()).
	GuardNone Guard = iota
	// GuardRequest is the guard of a Request's headers. With
	// Options.BrowserGuards, forbidden request-headers are ignored.
	GuardRequest
	// GuardRequestNoCORS is the guard of a no-cors Request's headers: only
	// no-CORS-safelisted request-headers are kept.
	GuardRequestNoCORS
	// GuardResponse is the guard of a Response's headers. With
	// Options.BrowserGuards, Set-Cookie and Set-Cookie2 are ignored.
	GuardResponse
	// GuardImmutable makes every change throw a TypeError (the headers of
	// fetch() responses, Response.error() and Response.redirect()).
	GuardImmutable
)

func (g Guard) String() string {
	switch g {
	case GuardRequest:
		return "request"
	case GuardRequestNoCORS:
		return "request-no-cors"
	case GuardResponse:
		return "response"
	case GuardImmutable:
		return "immutable"
	}
	return "none"
}
