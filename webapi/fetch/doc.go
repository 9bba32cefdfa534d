// Package fetch implements the Fetch Standard (https://fetch.spec.whatwg.org/)
// for edgerun isolates: Headers, Request, Response, the Body mixin and
// fetch(), plus the data: URL processor, forgiving-base64 and the MIME type
// parser (https://mimesniff.spec.whatwg.org/#mime-type-representation) that
// fetch depends on.
//
// # Bodies
//
// A body keeps whatever it was made from for as long as JS does not ask for
// a stream: bytes for bodies built from strings, BufferSources, Blobs,
// URLSearchParams and FormData, and an io.ReadCloser for bodies that arrive
// from the network (the server's incoming request, a fetch() response).
// Reading such a body with text(), json(), arrayBuffer()... never creates a
// ReadableStream: bytes are decoded directly, and readers are drained on
// another goroutine. The first access to .body turns the source into a
// ReadableStream (webapi/streams), and from then on the stream is the body,
// as the standard describes. The server reads byte bodies without a stream
// through (*Response).Body.
//
// # Network
//
// fetch() runs on Go's net/http client with one process-wide transport (so
// every isolate shares one connection pool). Redirects are followed by this
// package, not by net/http, so that the Fetch Standard's HTTP-redirect fetch
// steps apply exactly (method rewriting, header removal, the 20-redirect
// limit, non-replayable bodies). As in undici (Node's fetch, which Next.js
// uses), redirect: "manual" resolves with the real 3xx response rather than
// an opaque-redirect filtered response, network failures reject with
// TypeError("fetch failed") whose cause says why, and the headers the
// standard forbids scripts to set (Cookie, Host, Set-Cookie on responses...)
// are not filtered unless [Options].BrowserGuards asks for it: server code
// sets them all the time.
//
// Besides http(s), fetch() serves data: URLs (the standard's processor) and
// blob: URLs from webapi/file's blob URL store (with Range support). about:
// URLs are network errors, as in browsers; file: and other schemes too.
//
// Response bodies that no script reads are closed once they become garbage,
// so a route that only looks at response.ok does not pin a connection.
package fetch
