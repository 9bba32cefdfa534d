// Command edgerun runs the API routes of a Next.js project without Node.js.
// See package github.com/edgerun/edgerun/internal/cli for the commands.
package main

import (
	"context"
	"os"

	"github.com/edgerun/edgerun/internal/cli"
)

func main() {
	os.Exit(cli.Main(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}
