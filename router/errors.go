package router

import "errors"

// ErrConflict is matched (errors.Is) by every *ConflictError: the set of
// files cannot form a route table, exactly where Next.js fails its build.
var ErrConflict = errors.New("router: conflicting routes")

// ErrDuplicatePage is matched by a *ConflictError raised because two files
// resolve to the same page (a.ts + a/index.ts, a.js + a.ts). Next.js only
// warns and serves one of them; we refuse, so that which file runs never
// depends on scan order.
var ErrDuplicatePage = errors.New("router: duplicate page")

// ErrAppPageConflict is matched by the *ConflictError NewProject returns
// when a pages API route and an App Router route handler have the same
// path, which Next.js refuses ("Conflicting app and page file was
// found...").
var ErrAppPageConflict = errors.New("router: conflicting app and page files")

// ErrBadEscape is wrapped by the error Match returns when a captured param
// is not valid for decodeURIComponent (a bad %XX or an escape that is not
// UTF-8). Next.js throws DecodeError("failed to decode param") there and
// answers 400 Bad Request; so should the server.
var ErrBadEscape = errors.New("router: failed to decode param")

// ConflictError reports routes Next.js refuses to build.
//
// Message is byte-identical to the text Next.js prints (from
// sorted-routes.ts, or the "Duplicate page detected." warning), so tooling
// and users can compare it with `next build` output. Error() adds the
// package prefix.
type ConflictError struct {
	Message string   // Next.js's text, verbatim
	Page    string   // the page being added or checked when the conflict was found
	Files   []string // the files involved, as given to New
	dup     bool
	appPage bool
}

func (e *ConflictError) Error() string { return "router: " + e.Message }

// Is reports ErrConflict for every conflict, ErrDuplicatePage for
// duplicates and ErrAppPageConflict for app/pages conflicts.
func (e *ConflictError) Is(target error) bool {
	return target == ErrConflict || (e.dup && target == ErrDuplicatePage) || (e.appPage && target == ErrAppPageConflict)
}
