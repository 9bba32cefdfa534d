package router

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// urlNode is one level of the page tree that Next.js's sorted-routes.ts
// (UrlNode) builds to order routes and to reject ambiguous ones. We keep its
// algorithm step for step, because both the order and the error texts are
// observable: the order decides which route serves a URL, and the errors are
// what `next build` prints.
//
// Every node allows at most one param name per kind at its level: one
// [slug], one [...rest], one [[...optional]].
type urlNode struct {
	route    *Route // the page that ends here; nil for a placeholder
	children map[string]*urlNode

	slugName, restSlugName, optionalRestSlugName string
	hasSlug, hasRest, hasOptionalRest            bool
}

// Child keys standing for the param children, so that they sort apart from
// static names ("[]" and friends can't be static segment keys here: a
// static "[]" segment is filed under "[]" too, exactly as Next does).
const (
	slugKey         = "[]"
	restKey         = "[...]"
	optionalRestKey = "[[...]]"
)

func (n *urlNode) child(key string) *urlNode {
	if n.children == nil {
		n.children = make(map[string]*urlNode)
	}
	c := n.children[key]
	if c == nil {
		c = &urlNode{}
		n.children[key] = c
	}
	return c
}

// insert adds r. It follows UrlNode.insert: urlPath.split('/').filter(Boolean).
func (n *urlNode) insert(r *Route) error {
	var parts []string
	for _, p := range strings.Split(r.Page, "/") {
		if p != "" {
			parts = append(parts, p)
		}
	}
	var slugNames []string
	leaf, err := n.insertParts(parts, &slugNames, false)
	if err != nil {
		return &ConflictError{Message: err.Error(), Page: r.Page, Files: []string{r.File}}
	}
	// "this.placeholder = false". Duplicate pages are rejected before the
	// tree is built, so no route is overwritten here.
	leaf.route = r
	return nil
}

// insertParts is UrlNode._insert. The returned errors carry Next's text
// verbatim (the thrown Error messages of sorted-routes.ts).
func (n *urlNode) insertParts(urlPaths []string, slugNames *[]string, isCatchAll bool) (*urlNode, error) {
	if len(urlPaths) == 0 {
		return n, nil
	}
	if isCatchAll {
		return nil, errors.New("Catch-all must be the last part of the URL.")
	}

	// "The next segment in the urlPaths list"
	nextSegment := urlPaths[0]

	// "Check if the segment matches `[something]`"
	if strings.HasPrefix(nextSegment, "[") && strings.HasSuffix(nextSegment, "]") {
		// "Strip `[` and `]`, leaving only `something`"
		segmentName := nextSegment[1 : len(nextSegment)-1]

		isOptional := false
		if len(segmentName) >= 2 && strings.HasPrefix(segmentName, "[") && strings.HasSuffix(segmentName, "]") {
			segmentName = segmentName[1 : len(segmentName)-1]
			isOptional = true
		}

		if strings.HasPrefix(segmentName, "…") {
			return nil, fmt.Errorf("Detected a three-dot character ('…') at ('%s'). Did you mean ('...')?", segmentName)
		}

		if rest, ok := strings.CutPrefix(segmentName, "..."); ok {
			segmentName = rest
			isCatchAll = true
		}

		if strings.HasPrefix(segmentName, "[") || strings.HasSuffix(segmentName, "]") {
			return nil, fmt.Errorf("Segment names may not start or end with extra brackets ('%s').", segmentName)
		}

		if strings.HasPrefix(segmentName, ".") {
			return nil, fmt.Errorf("Segment names may not start with erroneous periods ('%s').", segmentName)
		}

		handleSlug := func(previousSlug string, hasPrevious bool, nextSlug string) error {
			// "If the specific segment already has a slug but the slug is
			// not `something`" … "multiple dynamic params on the same
			// segment level are not supported"
			if hasPrevious && previousSlug != nextSlug {
				return fmt.Errorf("You cannot use different slug names for the same dynamic path ('%s' !== '%s').", previousSlug, nextSlug)
			}
			for _, slug := range *slugNames {
				if slug == nextSlug {
					return fmt.Errorf("You cannot have the same slug name \"%s\" repeat within a single dynamic path", nextSlug)
				}
				if stripNonWord(slug) == stripNonWord(nextSlug) {
					return fmt.Errorf("You cannot have the slug names \"%s\" and \"%s\" differ only by non-word symbols within a single dynamic path", slug, nextSlug)
				}
			}
			*slugNames = append(*slugNames, nextSlug)
			return nil
		}

		if isCatchAll {
			if isOptional {
				if n.hasRest {
					return nil, fmt.Errorf("You cannot use both an required and optional catch-all route at the same level (\"[...%s]\" and \"%s\" ).", n.restSlugName, urlPaths[0])
				}
				if err := handleSlug(n.optionalRestSlugName, n.hasOptionalRest, segmentName); err != nil {
					return nil, err
				}
				n.optionalRestSlugName, n.hasOptionalRest = segmentName, true
				nextSegment = optionalRestKey
			} else {
				if n.hasOptionalRest {
					return nil, fmt.Errorf("You cannot use both an optional and required catch-all route at the same level (\"[[...%s]]\" and \"%s\").", n.optionalRestSlugName, urlPaths[0])
				}
				if err := handleSlug(n.restSlugName, n.hasRest, segmentName); err != nil {
					return nil, err
				}
				n.restSlugName, n.hasRest = segmentName, true
				nextSegment = restKey
			}
		} else {
			if isOptional {
				return nil, fmt.Errorf("Optional route parameters are not yet supported (\"%s\").", urlPaths[0])
			}
			if err := handleSlug(n.slugName, n.hasSlug, segmentName); err != nil {
				return nil, err
			}
			n.slugName, n.hasSlug = segmentName, true
			nextSegment = slugKey
		}
	}

	return n.child(nextSegment).insertParts(urlPaths[1:], slugNames, isCatchAll)
}

// stripNonWord is JS s.replace(/\W/g, ""): \W without the u flag is
// everything but [A-Za-z0-9_], so non-ASCII letters go too.
func stripNonWord(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if isWordByte(s[i]) {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// smoosh is UrlNode._smoosh: it appends the routes to out in match
// priority order. At each level: the page ending here first, then static
// children in JS sort order, then the [slug] child, then [...rest], then
// [[...optional]]. Checks run in Next's order too (static and [slug]
// subtrees before this node's own optional catch-all check), so the first
// error reported is the one `next build` reports.
func (n *urlNode) smoosh(prefix string, out []*Route) ([]*Route, error) {
	keys := make([]string, 0, len(n.children))
	for k := range n.children {
		if (k == slugKey && n.hasSlug) || (k == restKey && n.hasRest) || (k == optionalRestKey && n.hasOptionalRest) {
			continue
		}
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return jsLess(keys[i], keys[j]) })

	start := len(out)
	var err error
	for _, k := range keys {
		if out, err = n.children[k].smoosh(prefix+k+"/", out); err != nil {
			return nil, err
		}
	}
	if n.hasSlug {
		if out, err = n.children[slugKey].smoosh(prefix+"["+n.slugName+"]/", out); err != nil {
			return nil, err
		}
	}

	if n.route != nil {
		r := "/"
		if prefix != "/" {
			r = prefix[:len(prefix)-1]
		}
		if n.hasOptionalRest {
			files := []string{n.route.File}
			if opt := n.children[optionalRestKey]; opt.route != nil {
				files = append(files, opt.route.File)
			}
			return nil, &ConflictError{
				Message: fmt.Sprintf("You cannot define a route with the same specificity as a optional catch-all route (\"%s\" and \"%s[[...%s]]\").", r, r, n.optionalRestSlugName),
				Page:    n.route.Page,
				Files:   files,
			}
		}
		// "routes.unshift(r)": the page itself precedes its children.
		out = append(out, nil)
		copy(out[start+1:], out[start:])
		out[start] = n.route
	}

	if n.hasRest {
		if out, err = n.children[restKey].smoosh(prefix+"[..."+n.restSlugName+"]/", out); err != nil {
			return nil, err
		}
	}
	if n.hasOptionalRest {
		if out, err = n.children[optionalRestKey].smoosh(prefix+"[[..."+n.optionalRestSlugName+"]]/", out); err != nil {
			return nil, err
		}
	}
	return out, nil
}
