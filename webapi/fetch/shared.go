package fetch

import "net/http"

// SharedClient returns the process-wide client fetch() uses when no
// Options.Client is given (one connection pool, redirects handed back to
// the caller). The server's external rewrites proxy through it.
func SharedClient() *http.Client { return sharedClient }
