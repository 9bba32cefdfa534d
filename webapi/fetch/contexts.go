package fetch

import "github.com/edgerun/edgerun/runtime/webidl"

// Error-message contexts, built once (webidl.Method formats a string).
var (
	ctxFetch            = webidl.Method("Window", "fetch")
	ctxHeaders          = webidl.Construct("Headers")
	ctxHeadersAppend    = webidl.Method("Headers", "append")
	ctxHeadersDelete    = webidl.Method("Headers", "delete")
	ctxHeadersGet       = webidl.Method("Headers", "get")
	ctxHeadersHas       = webidl.Method("Headers", "has")
	ctxHeadersSet       = webidl.Method("Headers", "set")
	ctxRequest          = webidl.Construct("Request")
	ctxRequestClone     = webidl.Method("Request", "clone")
	ctxResponse         = webidl.Construct("Response")
	ctxResponseClone    = webidl.Method("Response", "clone")
	ctxResponseRedirect = webidl.Method("Response", "redirect")
	ctxResponseJSON     = webidl.Method("Response", "json")
)
