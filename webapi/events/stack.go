package events

import (
	"bytes"
	"strings"

	"github.com/edgerun/edgerun/runtime"
)

// StackTrace renders the JS call stack of the running native call in goja's
// Error.stack format ("\n\tat f (file:1:2(3))" per frame), skipping the native
// frames on top and the constructor shims jsclass compiles. It is empty outside JS.
func StackTrace(iso *runtime.Isolate) string {
	frames := iso.VM().CaptureCallStack(0, nil)
	var buf bytes.Buffer
	top := true
	for i := range frames {
		f := &frames[i]
		src := f.SrcName()
		if src == "<native>" && top || strings.HasPrefix(src, "jsclass:") {
			continue
		}
		top = false
		buf.WriteString("\n\tat ")
		f.Write(&buf)
	}
	return buf.String()
}
