// Package nextapi runs Node-runtime API routes the way Next.js's
// api-resolver does (packages/next/src/server/api-utils/node/*; behaviour in
// shared/spec/nextjs-api-routes.md §1): NextApiRequest with query, cookies
// and the parsed body, NextApiResponse with status/send/json/redirect and
// the preview helpers, ETags with If-None-Match, and the dev warnings.
//
// The request and response objects are JavaScript (api.js) because they
// must be real Node streams (libraries pipe into res and read req with
// on('data') and for-await) built on the Node shim's stream module. The Go
// side does the work that is hot or byte-level: reading and decoding the
// body (ReadBody, ParseContentType), building query and header objects
// (BuildQuery), the ETag hash and freshness check, header character checks,
// preview-mode tokens (PreviewKeys), and moving response bytes to the HTTP
// goroutine through a Sink.
//
// Cost per request matters: every Node route shares one isolate. api.js is
// evaluated once per isolate and its host functions are created once; a
// request passes an opaque handle instead of fresh closures, the Readable
// state of req is only built when a route uses req as a stream, the res
// helpers are made on first use, and a handler that returns synchronously
// runs without promises in production.
package nextapi
