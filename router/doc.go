// Package router maps the files of a Next.js pages directory to API routes
// and matches request paths against them, with Next.js 16's semantics:
//
//   - file → page name (pageExtensions, index files, the api/ prefix);
//   - route priority (static > [param] > [...catchAll] > [[...optional]],
//     segment by segment, as Next's UrlNode.smoosh orders them);
//   - the build errors Next raises for conflicting routes, byte for byte;
//   - matching and param decoding (decodeURIComponent per captured value,
//     catch-alls split on "/" before decoding);
//   - path canonicalisation (repeated slashes, backslashes, trailingSlash).
//
// It is pure Go: no JavaScript engine, no bundler, no net/http. The server
// canonicalises a request path with Canonicalize, then resolves it with
// Table.Match.
//
// The yardstick is ../shared/spec/nextjs-api-routes.md §1.2, §1.7 and §3.1–3.4,
// itself established from vercel/next.js packages/next/src:
// shared/lib/router/utils/sorted-routes.ts, route-regex.ts, route-matcher.ts,
// server/lib/router-utils/filesystem.ts and lib/load-custom-routes.ts.
package router
