// Package server is edgerun's HTTP layer: it loads a Next.js project (env
// files, next.config, the pages/api route table, one bundle per route),
// keeps one isolate pool per edge route and one shared isolate for all
// Node-runtime routes, and answers requests the way `next start` (or
// `next dev`) would: canonicalising redirects, 404 pages, body parsing
// errors, handler errors and streamed responses.
//
// The public embedding API in package edgerun wraps it.
package server
