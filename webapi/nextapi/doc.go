// Package nextapi runs Node-runtime API routes the way Next.js's
// api-resolver does (packages/next/src/server/api-utils/node/*; behaviour in
// shared/spec/nextjs-api-routes.md §1): NextApiRequest with query, cookies
// and the parsed body, NextApiResponse with status/send/json/redirect and
// the preview helpers, ETags with If-None-Match, and the dev warnings.
//
// req and res are real Node streams (libraries pipe into res and read req
// with on('data') and for-await), so their classes are declared in api.js
// on the Node shim's stream module. What every request touches is Go: the
// host creates req and res from those prototypes (handle.go), implements
// ServerResponse's header, writeHead, write and end methods (response.go)
// and Next's status, send and json helpers (send.go), parses the body, and
// moves response bytes to the HTTP goroutine through a Sink. api.js keeps
// the paths a plain request does not take: streams and events, redirect,
// preview mode, and the error and dev-check paths.
//
// Cost per request matters: every Node route shares one isolate, and under
// goja's interpreter a line of JS costs about what a small Go function
// does with its allocations. So req.headers is built on first read, the
// Readable state of req only when a route uses req as a stream, the
// helpers on first use, and 'finish'/'close' are only emitted when someone
// listens; a route that replaces a method (res.end = ...) is still called
// through, as Next would.
package nextapi
