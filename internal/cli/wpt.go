package cli

import (
	"io"

	"github.com/edgerun/edgerun/conformance/wpt"
)

func wptCommand(args []string, stdout, stderr io.Writer) int {
	return wpt.Main(args, stdout, stderr)
}
