package cli

import (
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/edgerun/edgerun"
)

// buildCommand bundles every route and writes the bundles to .edgerun/.
func buildCommand(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(reorderFlags(args)); err != nil {
		return err
	}
	dir := "."
	if fs.NArg() > 0 {
		dir = fs.Arg(0)
	}
	out, err := edgerun.Build(dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, " ✓ Built %d routes into %s\n", out.Routes, out.Dir)
	return nil
}

func discardLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}
