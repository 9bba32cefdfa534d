// Package edge assembles the global scope of edge routes from the Web API
// packages, in one of two profiles:
//
//   - ProfileNext (default) mirrors Next.js 16's edge runtime exactly
//     (shared/spec/nextjs-api-routes.md §2.6–2.7): the APIs Next ships as
//     throwing stubs throw its message, there is no Buffer, `process` is
//     Next's polyfill, require serves only Next's five node: modules, and
//     eval/new Function throw EvalError as in production.
//   - ProfileFull swaps in edgerun's real implementations of the stubbed
//     APIs (the WPT runner and `--edge-profile full` use it).
//
// It also assembles the Web platform part of the Node-runtime global scope
// (Node has fetch, Request, URL, streams... as globals too).
package edge
