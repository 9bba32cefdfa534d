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
// body, building query and header objects, the ETag hash and freshness
// check, and moving response bytes to the HTTP goroutine.
package nextapi
