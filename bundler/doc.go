// Package bundler turns a Next.js project's API route files into
// CommonJS bundles that goja can run, using esbuild's Go API, and reads
// everything about the project that must be known before a route runs:
// each route's static `config`, the .env files, and next.config.
//
// # Bundles
//
// A [Builder] keeps one esbuild context per route, so a dev edit rebuilds
// only the routes whose inputs changed ([Builder.Affected]), each
// incrementally. Every bundle targets ES2022 minus what goja lacks (the
// feature table in target.go, checked against goja by its tests), and its
// [Bundle.Code] is a function expression:
//
//	(function (exports, require, module, __filename, __dirname) { ... })   // Node routes
//	(function (exports, require, module) { ... })                         // edge routes
//
// The runtime compiles Code once with goja.Compile(bundle.Path, code,
// false) into a shared *goja.Program, runs it to obtain the function, and
// calls it per isolate with fresh module objects and its own require.
// Imports left to that require are Node built-ins ("fs", "node:crypto";
// in edge routes only node:buffer, node:events, node:async_hooks,
// node:assert and node:util), "next/server", and the bcrypt libraries the
// runtime implements in Go ([BcryptJSModule], [BcryptJS2Module],
// [BcryptModule]; see [Options.DisableGoBcrypt]). The inline source map makes
// goja's stack traces name the TypeScript source: "pages/api/x.ts:7:8".
//
// The edgerun esbuild plugin (plugins.go) enforces Next's import rules:
// an edge route importing any other built-in fails to build with the
// import trace, `next` is a virtual empty module, and other next/* modules
// are rejected.
//
// # Configuration
//
// [ReadConfig] reads `export const config` (and top-level `runtime` and
// `maxDuration`) without running the route, accepting literals only, with
// Next's error messages. [LoadEnv] loads .env files with @next/env's
// precedence and dotenv's parsing rules. [LoadNextConfig] bundles and
// evaluates next.config.{js,mjs,ts,mts,cjs} and returns the options that
// affect API routes.
//
// Errors are *[Error] values listing every [Message] with a 1-based
// file:line:column; [Error.Format] prints them with code frames.
package bundler
