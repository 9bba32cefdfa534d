// Package bcrypt serves the npm password-hashing libraries bcryptjs
// (2.x and 3.x) and bcrypt (node.bcrypt.js, a native addon) to edgerun
// isolates from Go.
//
// Why: interpreted by goja, bcryptjs needs about a second per hash at
// cost 4 and minutes at the usual cost 10, so routes that hash or check
// passwords run into their CPU deadline; the native bcrypt package cannot
// load at all, since edgerun runs no native addons. The bundler
// (bundler.BcryptJSModule and friends) therefore leaves imports of
// either package as require("edgerun:bcryptjs"), "edgerun:bcryptjs@2" or
// "edgerun:bcrypt", and the servers' require functions call [Require].
// bundler.Options.DisableGoBcrypt turns this off.
//
// # Compatibility
//
// Each module has its library's exports, function names and lengths,
// argument handling, error messages ("Illegal arguments: string,
// undefined", "Invalid salt. Salt must be in the form of: ..."), callback
// and promise forms, and produces byte-identical hashes, including for
// inputs where the libraries disagree with each other: bcryptjs 2.x salts
// are $2a$ and 3.x salts $2b$; each encodes lone surrogates differently;
// native bcrypt reads salts as C strings, keeps the $2a$ key length in 8
// bits (passwords of 255+ bytes wrap), rejects $2y$ and cost 31, and
// accepts Buffers. testdata/vectors.json, produced by the real libraries
// under Node, pins about 700 such cases. The known differences:
//
//   - bcryptjs 2.x never returns for some passwords with lone surrogates
//     (its UTF-8 encoder loops); here hashSync throws instead.
//   - progressCallback is called with 0 and 1 only (bcryptjs adds
//     intermediate values for hashes that take over 100 ms in V8).
//   - setRandomFallback is accepted and ignored: salts always come from
//     crypto/rand, and bcryptjs only consults the fallback when no
//     CSPRNG exists.
//   - The native addon leaves salt bytes after an invalid character
//     uninitialised; here they are zero.
//
// # Execution
//
// hashSync and compareSync run on the isolate's goroutine, as they block
// Node's event loop; every few milliseconds they step into JavaScript so
// that the isolate's CPU deadline stops a runaway cost (goja only honours
// an interrupt while it runs JavaScript). hash, compare and genSalt return promises or take
// Node-style callbacks; the key schedule runs on its own goroutine, held
// by a runtime.Op, so one route hashing passwords does not stall the
// other requests its isolate serves (and it stops if the isolate exits),
// and callbacks run and promises settle back on the isolate's goroutine. Exceptions thrown by callbacks
// are uncaught exceptions (process 'uncaughtException' in Node routes).
//
// The hashing is golang.org/x/crypto/blowfish's salted key schedule
// (eksblowfish.go says why not golang.org/x/crypto/bcrypt); salt parsing,
// password encoding and radix-64 follow each library and are written out
// here, since no Go package reproduces them.
package bcrypt
