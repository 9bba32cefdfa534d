package wpt

import (
	"bufio"
	"bytes"
	"regexp"
	"strings"
)

// metaLine matches a `// META: key=value` line. As in wptserve, only the
// leading run of such lines counts; the first other line ends the metadata.
var metaLine = regexp.MustCompile(`^//\s*META:\s*(\w*)=(.*)$`)

// metadata is what a test file declares in its META lines.
type metadata struct {
	globals  []string // raw global= entries; nil when absent
	scripts  []string // script= URLs, in order
	variants []string // variant= values (each "?..." or "#...")
	long     bool     // timeout=long
	title    string   // title=
}

func parseMetadata(src []byte) metadata {
	var m metadata
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \t\r")
		line = strings.TrimPrefix(line, "\ufeff")
		g := metaLine.FindStringSubmatch(line)
		if g == nil {
			break
		}
		key, value := g[1], strings.TrimSpace(g[2])
		switch key {
		case "global":
			for _, s := range strings.Split(value, ",") {
				if s = strings.TrimSpace(s); s != "" {
					m.globals = append(m.globals, s)
				}
			}
		case "script":
			m.scripts = append(m.scripts, value)
		case "variant":
			m.variants = append(m.variants, value)
		case "timeout":
			m.long = value == "long"
		case "title":
			m.title = value
		}
	}
	return m
}

// runsInDedicatedWorker reports whether the test's global= list includes a
// classic dedicated worker, the scope edgerun emulates. No global= line means
// the default, window and dedicatedworker (WPT manifest rules).
func (m metadata) runsInDedicatedWorker() bool {
	if m.globals == nil {
		return true
	}
	for _, g := range m.globals {
		switch g {
		case "worker", "dedicatedworker", "default":
			return true
		}
	}
	return false
}
