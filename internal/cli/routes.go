package cli

import (
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/edgerun/edgerun"
)

// routesCommand prints the route table, or explains a match.
func routesCommand(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("routes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	match := fs.String("match", "", "explain which route serves this path")
	if err := fs.Parse(reorderFlags(args)); err != nil {
		return err
	}
	dir := "."
	if fs.NArg() > 0 {
		dir = fs.Arg(0)
	}
	srv, err := edgerun.New(dir, edgerun.WithMode(edgerun.Development), edgerun.WithLogger(discardLogger()))
	if err != nil {
		return err
	}
	defer srv.Close()
	if err := srv.RouteError(); err != nil {
		return err
	}
	if *match != "" {
		steps, final := srv.Explain(*match)
		for _, st := range steps {
			fmt.Fprintln(stdout, st.String())
		}
		if final == "" {
			return nil
		}
		if len(steps) > 0 {
			fmt.Fprintf(stdout, "\nroutes for %s:\n", final)
		}
		for _, e := range srv.Match(final) {
			fmt.Fprintln(stdout, e.String())
		}
		return nil
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PATTERN\tFILE\tRUNTIME")
	for _, r := range srv.Routes() {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Page, r.File, r.Runtime)
	}
	return tw.Flush()
}
