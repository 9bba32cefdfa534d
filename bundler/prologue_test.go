package bundler

import "testing"

var prologueTests = []struct {
	src  string
	want string // src[:prologueEnd(src)]
}{
	{`foo()`, ``},
	{"'use strict';\nfoo()", `'use strict';`},
	{"\"use strict\"\nfoo()", `"use strict"`},
	{"// c\n/* d */ 'use strict'; 'x';\nf()", "// c\n/* d */ 'use strict'; 'x';"},
	{"#!/usr/bin/env node\n'use strict';\nf()", "#!/usr/bin/env node\n'use strict';"},
	{`'a' + b`, ``},
	{"  \n", ``},
}

func TestPrologueEnd(t *testing.T) {
	for _, tt := range prologueTests {
		src := []byte(tt.src)
		if got := string(src[:prologueEnd(src)]); got != tt.want {
			t.Errorf("prologueEnd(%q) kept %q, want %q", tt.src, got, tt.want)
		}
	}
}
