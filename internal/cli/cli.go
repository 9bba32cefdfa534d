// Package cli implements the edgerun command line: dev, start, build,
// routes and wpt, with flags shaped like next's (-p/--port,
// -H/--hostname). cmd/edgerun only calls Main.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

const usage = `edgerun runs the API routes of a Next.js project without Node.js.

Usage:
  edgerun dev    [dir] [-p port] [-H hostname] [--lenient] [--edge-profile next|full] [--quiet|--verbose]
  edgerun start  [dir] [-p port] [-H hostname] [--edge-profile next|full] [--quiet|--verbose]
  edgerun build  [dir]
  edgerun routes [dir] [--match /api/path]
  edgerun wpt    --root WPT_DIR [--report FILE] [--expectations DIR] [--update] [--jobs N] [--timeout-scale F] [PATH ...]
  edgerun version

dir defaults to the current directory (the folder holding pages/ or src/pages/).
`

// Main runs the command line and returns the exit code.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	var err error
	switch cmd {
	case "dev":
		err = serveCommand(ctx, rest, true, stdout, stderr)
	case "start":
		err = serveCommand(ctx, rest, false, stdout, stderr)
	case "build":
		err = buildCommand(rest, stdout, stderr)
	case "routes":
		err = routesCommand(rest, stdout, stderr)
	case "wpt":
		return wptCommand(rest, stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "edgerun", version())
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "edgerun: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stderr, "%s\n", strings.TrimRight(err.Error(), "\n"))
		}
		return 1
	}
	return 0
}

// serveFlags are the flags dev and start share.
type serveFlags struct {
	dir         string
	port        int
	hostname    string
	lenient     bool
	edgeProfile string
	quiet       bool
	verbose     bool
}

func parseServeFlags(name string, args []string, stderr io.Writer) (*serveFlags, error) {
	f := &serveFlags{}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	port := envInt("PORT", 3000)
	fs.IntVar(&f.port, "p", port, "port to listen on")
	fs.IntVar(&f.port, "port", port, "port to listen on")
	fs.StringVar(&f.hostname, "H", "", "hostname to listen on (default: all interfaces, URLs say localhost)")
	fs.StringVar(&f.hostname, "hostname", "", "hostname to listen on")
	fs.BoolVar(&f.lenient, "lenient", false, "allow eval/new Function in edge routes with a warning, as next dev does")
	fs.StringVar(&f.edgeProfile, "edge-profile", "next", "edge globals: next (Next.js parity, stubs throw) or full")
	fs.BoolVar(&f.quiet, "quiet", false, "log errors only")
	fs.BoolVar(&f.verbose, "verbose", false, "log debug details")
	if err := fs.Parse(reorderFlags(args)); err != nil {
		return nil, err
	}
	f.dir = "."
	if fs.NArg() > 0 {
		f.dir = fs.Arg(0)
	}
	if fs.NArg() > 1 {
		return nil, fmt.Errorf("edgerun %s: unexpected arguments %q", name, fs.Args()[1:])
	}
	if f.edgeProfile != "next" && f.edgeProfile != "full" {
		return nil, fmt.Errorf("edgerun %s: --edge-profile must be next or full, not %q", name, f.edgeProfile)
	}
	return f, nil
}

// reorderFlags moves positional arguments after flags so that
// `edgerun dev ./app -p 4000` works as it does with next.
func reorderFlags(args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if strings.HasPrefix(a, "-") && a != "-" {
			flags = append(flags, a)
			if !strings.Contains(a, "=") && takesValue(a) && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
			continue
		}
		pos = append(pos, a)
	}
	return append(flags, pos...)
}

func takesValue(flagName string) bool {
	switch strings.TrimLeft(flagName, "-") {
	case "p", "port", "H", "hostname", "edge-profile", "match":
		return true
	}
	return false
}

func envInt(name string, def int) int {
	var n int
	if v := os.Getenv(name); v != "" {
		if _, err := fmt.Sscanf(v, "%d", &n); err == nil && n > 0 {
			return n
		}
	}
	return def
}
