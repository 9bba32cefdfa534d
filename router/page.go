package router

import "strings"

// pageFromFile turns a file path relative to the pages directory into
// Next.js's page name, and reports whether the file is a page at all.
//
// It follows Next's createPagesMapping + removePagePathTail:
//   - a file is a page when it ends in "." + one of exts;
//   - "*.d.ts" files are skipped when "ts" is a page extension;
//   - the extension is removed with /\.+(?:ext1|ext2…)$/, so the leftmost
//     dot-run followed by a whole extension wins ("a.page.ts" with
//     ["ts","page.ts"] is "/a", not "/a.page");
//   - one trailing "/index" is removed ("api/index/index.ts" → "/api/index").
//
// Files with an empty path segment (".ts", "api//x.ts") are not pages: Next
// would mint a page name with an empty segment that no URL can reach.
func pageFromFile(file string, exts []string) (page string, ok bool) {
	p := "/" + strings.TrimLeft(strings.ReplaceAll(file, `\`, "/"), "/")
	if !hasPageExtension(p, exts) {
		return "", false
	}
	if strings.HasSuffix(p, ".d.ts") && contains(exts, "ts") {
		return "", false
	}
	p = trimPageExtension(p, exts)
	p = strings.TrimSuffix(p, "/index")
	if p == "" {
		p = "/"
	}
	if p != "/" && strings.Contains(p[1:]+"/", "//") {
		return "", false
	}
	return p, true
}

func hasPageExtension(p string, exts []string) bool {
	for _, ext := range exts {
		if len(p) > len(ext) && strings.HasSuffix(p, ext) && p[len(p)-len(ext)-1] == '.' {
			return true
		}
	}
	return false
}

// trimPageExtension removes the leftmost run of dots that is followed by a
// whole page extension up to the end of p, as the regexp \.+(?:exts)$ does
// when it scans from the left.
func trimPageExtension(p string, exts []string) string {
	for i := 0; i < len(p); i++ {
		if p[i] != '.' {
			continue
		}
		j := i
		for j < len(p) && p[j] == '.' {
			j++
		}
		// The regexp backtracks the dot-run too, so an extension that
		// itself starts with dots could match from inside the run; page
		// extensions never start with a dot (Options rejects it).
		if contains(exts, p[j:]) {
			return p[:i]
		}
		i = j - 1
	}
	return p
}

// isAPIPage is Next's isAPIRoute: "/api" itself (pages/api.ts or
// pages/api/index.ts) and everything below it.
func isAPIPage(page string) bool {
	return page == "/api" || strings.HasPrefix(page, "/api/")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
