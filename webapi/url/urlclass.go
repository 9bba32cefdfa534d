package url

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/file"
)

// urlObject backs a URL object (https://url.spec.whatwg.org/#url-class):
// its URL record and its query object. The query object (searchParams) is
// created on first use; until then there is nothing to keep in sync.
type urlObject struct {
	jsclass.Shell
	rec       *URL
	params    *SearchParams
	paramsObj *goja.Object
}

// URLOf returns the URL record behind a URL object. The record is live:
// changing it changes the object (but not a searchParams list already
// handed out; use the JS setters for that).
func URLOf(iso *runtime.Isolate, v goja.Value) (*URL, bool) {
	o, ok := jsclass.Unwrap[*urlObject](iso, v)
	if !ok {
		return nil, false
	}
	return o.rec, true
}

// NewURL creates a URL object for a parsed record (the object owns rec from then on).
func NewURL(iso *runtime.Isolate, rec *URL) *goja.Object {
	return jsclass.New(iso, URLClass, &urlObject{rec: rec})
}

var urlCtor = webidl.Construct("URL")

// URLClass is the URL interface.
var URLClass = &jsclass.Class{
	Name:      "URL",
	Length:    1,
	Construct: constructURL,
	Members: []jsclass.Member{
		jsclass.Accessor("href", (*urlObject).href, (*urlObject).setHref),
		jsclass.Getter("origin", getter((*URL).Origin)),
		jsclass.Accessor("protocol", getter((*URL).Protocol), setter("protocol", (*URL).SetProtocol)),
		jsclass.Accessor("username", getter((*URL).Username), setter("username", (*URL).SetUsername)),
		jsclass.Accessor("password", getter((*URL).Password), setter("password", (*URL).SetPassword)),
		jsclass.Accessor("host", getter((*URL).Host), setter("host", (*URL).SetHost)),
		jsclass.Accessor("hostname", getter((*URL).Hostname), setter("hostname", (*URL).SetHostname)),
		jsclass.Accessor("port", getter((*URL).Port), setter("port", (*URL).SetPort)),
		jsclass.Accessor("pathname", getter((*URL).Pathname), setter("pathname", (*URL).SetPathname)),
		jsclass.Accessor("search", getter((*URL).Search), (*urlObject).setSearch),
		jsclass.Getter("searchParams", (*urlObject).searchParams),
		jsclass.Accessor("hash", getter((*URL).Hash), setter("hash", (*URL).SetHash)),
		jsclass.Method("toJSON", 0, func(o *urlObject, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			return iso.VM().ToValue(o.rec.Href())
		}),
		jsclass.Method("toString", 0, func(o *urlObject, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			return iso.VM().ToValue(o.rec.Href())
		}),
	},
}

func init() {
	// Set here, not in the literal: URL.parse creates URL objects, which
	// refers back to URLClass.
	URLClass.Statics = append(URLClass.Statics,
		jsclass.Static("parse", 1, urlParse),
		jsclass.Static("canParse", 1, urlCanParse),
		jsclass.Static("createObjectURL", 1, createObjectURL),
		jsclass.Static("revokeObjectURL", 1, revokeObjectURL),
	)
}

// createObjectURL implements https://w3c.github.io/FileAPI/#dfn-createObjectURL
// (the blob URL store lives in package file).
func createObjectURL(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ctx := webidl.Method("URL", "createObjectURL")
	ctx.RequireArgs(vm, call, 1)
	blob, ok := file.BlobOf(iso, call.Argument(0))
	if !ok {
		// (Blob or MediaSource); there is no MediaSource here.
		ctx.TypeError(vm, "Overload resolution failed.")
	}
	return vm.ToValue(file.CreateObjectURL(iso, blob))
}

// revokeObjectURL implements https://w3c.github.io/FileAPI/#dfn-revokeObjectURL.
// The store is per isolate, so the same-origin check of step 5 always holds.
func revokeObjectURL(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ctx := webidl.Method("URL", "revokeObjectURL")
	ctx.RequireArgs(vm, call, 1)
	// 1. Let urlRecord be the result of parsing url.
	rec, err := Parse(ctx.USVString(vm, call.Argument(0)), "")
	// 2. If urlRecord's scheme is not "blob", return.
	if err != nil || rec.Scheme() != "blob" {
		return goja.Undefined()
	}
	// 6. Remove an entry from the Blob URL Store for url (serialized without fragment).
	file.RevokeObjectURL(iso, rec.HrefWithoutFragment())
	return goja.Undefined()
}

// apiParse runs the API URL parser
// (https://url.spec.whatwg.org/#api-url-parser) on the url and optional
// base arguments. badBase reports that base was the failure.
func apiParse(vm *goja.Runtime, ctx webidl.Context, call []goja.Value) (rec *URL, badBase bool) {
	arg := func(i int) goja.Value {
		if i < len(call) {
			return call[i]
		}
		return goja.Undefined()
	}
	input := ctx.USVString(vm, arg(0))
	var base *URL
	// 1. Let parsedBase be null.
	// 2. If base is non-null: set parsedBase to the result of running the
	//    basic URL parser on base; if parsedBase is failure, then return failure.
	if b := arg(1); !goja.IsUndefined(b) {
		var err error
		base, err = ParseRef(ctx.USVString(vm, b), nil)
		if err != nil {
			return nil, true
		}
	}
	// 3. Return the result of running the basic URL parser on url with parsedBase.
	rec, err := ParseRef(input, base)
	if err != nil {
		return nil, false
	}
	return rec, false
}

func constructURL(iso *runtime.Isolate, call goja.ConstructorCall) any {
	vm := iso.VM()
	urlCtor.RequireConstructArgs(vm, call, 1)
	// 1. Let parsedURL be the result of running the API URL parser on url with base, if given.
	rec, badBase := apiParse(vm, urlCtor, call.Arguments)
	// 2. If parsedURL is failure, then throw a TypeError.
	if rec == nil {
		if badBase {
			urlCtor.TypeError(vm, "Invalid base URL")
		}
		urlCtor.TypeError(vm, "Invalid URL")
	}
	// 3. Initialize this with parsedURL (the query object is made on demand).
	return &urlObject{rec: rec}
}

func urlParse(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ctx := webidl.Method("URL", "parse")
	ctx.RequireArgs(vm, call, 1)
	// 1. Let parsedURL be the result of running the API URL parser on url with base, if given.
	// 2. If parsedURL is failure, then return null.
	rec, _ := apiParse(vm, ctx, call.Arguments)
	if rec == nil {
		return goja.Null()
	}
	// 3-5. Let url be a new URL object; initialize it with parsedURL; return url.
	return NewURL(iso, rec)
}

func urlCanParse(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ctx := webidl.Method("URL", "canParse")
	ctx.RequireArgs(vm, call, 1)
	rec, _ := apiParse(vm, ctx, call.Arguments)
	return vm.ToValue(rec != nil)
}

func getter(get func(*URL) string) func(o *urlObject, iso *runtime.Isolate) goja.Value {
	return func(o *urlObject, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(get(o.rec)) }
}

func setter(attr string, set func(*URL, string)) func(o *urlObject, iso *runtime.Isolate, v goja.Value) {
	ctx := webidl.Setter("URL", attr)
	return func(o *urlObject, iso *runtime.Isolate, v goja.Value) { set(o.rec, ctx.USVString(iso.VM(), v)) }
}

func (o *urlObject) href(iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(o.rec.Href()) }

var hrefSetter = webidl.Setter("URL", "href")

func (o *urlObject) setHref(iso *runtime.Isolate, v goja.Value) {
	vm := iso.VM()
	// 1. Let parsedURL be the result of running the basic URL parser on the given value.
	// 2. If parsedURL is failure, then throw a TypeError.
	if err := o.rec.SetHref(hrefSetter.USVString(vm, v)); err != nil {
		hrefSetter.TypeError(vm, "Invalid URL")
	}
	// 3. Set this's URL to parsedURL. 4. Empty this's query object's list.
	// 5. If this's URL's query is non-null, then set this's query object's
	//    list to the result of parsing it.
	o.syncParams()
}

var searchSetter = webidl.Setter("URL", "search")

func (o *urlObject) setSearch(iso *runtime.Isolate, v goja.Value) {
	o.rec.SetSearch(searchSetter.USVString(iso.VM(), v))
	// Set this's query object's list to the result of parsing input (the
	// query just set percent-decodes to the same list).
	o.syncParams()
}

// syncParams refreshes the query object's list from the URL's query.
func (o *urlObject) syncParams() {
	if o.params == nil {
		return
	}
	q, _ := o.rec.Query()
	o.params.list = ParseURLEncoded(q)
}

func (o *urlObject) searchParams(iso *runtime.Isolate) goja.Value {
	if o.paramsObj == nil {
		q, _ := o.rec.Query()
		o.params = &SearchParams{list: ParseURLEncoded(q), url: o}
		o.paramsObj = jsclass.New(iso, URLSearchParamsClass, o.params)
	}
	return o.paramsObj
}
