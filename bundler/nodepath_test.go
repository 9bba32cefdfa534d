package bundler

import "testing"

var nodePathTests = []struct {
	fn   string
	args []string
	want string
}{
	{"join", []string{"/a", "b", "../c"}, "/a/c"},
	{"join", []string{"a", "", "b/"}, "a/b/"},
	{"join", []string{}, "."},
	{"join", []string{"", ""}, "."},
	{"resolve", []string{"x", "y"}, "/proj/x/y"},
	{"resolve", []string{"/a", "b", "/c", "d/"}, "/c/d"},
	{"resolve", []string{}, "/proj"},
	{"normalize", []string{"a//b/../c/"}, "a/c/"},
	{"dirname", []string{"/a/b/"}, "/a"},
	{"dirname", []string{"/a"}, "/"},
	{"dirname", []string{"a"}, "."},
	{"basename", []string{"/a/b.js", ".js"}, "b"},
	{"basename", []string{"/a/b/", ""}, "b"},
	{"basename", []string{"b.js", "b.js"}, "b.js"},
	{"extname", []string{"index.coffee.md"}, ".md"},
	{"extname", []string{".bashrc"}, ""},
	{"extname", []string{"index."}, "."},
	{"extname", []string{"index"}, ""},
	{"relative", []string{"/data/a/b", "/data/c"}, "../../c"},
	{"relative", []string{"/a", "/a"}, ""},
	{"relative", []string{"/", "/x"}, "x"},
}

func TestNodePath(t *testing.T) {
	const cwd = "/proj"
	for _, tt := range nodePathTests {
		var got string
		switch tt.fn {
		case "join":
			got = nodePathJoin(tt.args...)
		case "resolve":
			got = nodePathResolve(cwd, tt.args...)
		case "normalize":
			got = nodePathNormalize(tt.args[0])
		case "dirname":
			got = nodePathDirname(tt.args[0])
		case "basename":
			got = nodePathBasename(tt.args[0], tt.args[1])
		case "extname":
			got = nodePathExtname(tt.args[0])
		case "relative":
			got = nodePathRelative(cwd, tt.args[0], tt.args[1])
		}
		if got != tt.want {
			t.Errorf("path.%s(%q) = %q, want %q", tt.fn, tt.args, got, tt.want)
		}
	}
}
