// Package nextserver provides the `next/server` module to edge (and Node)
// routes: NextRequest, NextResponse, NextURL, RequestCookies,
// ResponseCookies, NextFetchEvent and userAgent, as Next.js 16 defines them
// (packages/next/src/server/web/spec-extension/*; behaviour in
// shared/spec/nextjs-api-routes.md §2.4–2.5).
//
// Unlike the Web API packages it is written in JavaScript (next-server.js):
// it is a library layered on the Go-backed Request, Response, Headers and
// URL classes, not a platform API, and the subclasses must behave exactly
// like user-written subclasses of those classes. The source is compiled once
// per process and evaluated once per isolate, on first require.
package nextserver
