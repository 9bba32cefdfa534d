package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/edgerun/edgerun"
)

func version() string { return edgerun.Version }

// serveCommand runs `edgerun dev` or `edgerun start`.
func serveCommand(ctx context.Context, args []string, dev bool, stdout, stderr io.Writer) error {
	name := "start"
	if dev {
		name = "dev"
	}
	f, err := parseServeFlags(name, args, stderr)
	if err != nil {
		return err
	}
	started := time.Now()
	level := slog.LevelInfo
	switch {
	case f.quiet:
		level = slog.LevelError
	case f.verbose:
		level = slog.LevelDebug
	}
	log := slog.New(newTerminalHandler(stderr, level, isTerminal(stderr)))

	listenHost := f.hostname
	urlHost := f.hostname
	if urlHost == "" || urlHost == "0.0.0.0" || urlHost == "::" {
		urlHost = "localhost"
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(listenHost, strconv.Itoa(f.port)))
	if err != nil {
		return fmt.Errorf("edgerun %s: %w", name, err)
	}
	port := ln.Addr().(*net.TCPAddr).Port

	opts := []edgerun.Option{
		edgerun.WithLogger(log),
		edgerun.WithRequestLog(!f.quiet),
		edgerun.WithAddress(urlHost, port),
		edgerun.WithConsole(stdout),
		edgerun.WithLenientEdge(f.lenient),
	}
	if dev {
		opts = append(opts, edgerun.WithMode(edgerun.Development), edgerun.WithWatch(true))
	}
	if f.edgeProfile == "full" {
		opts = append(opts, edgerun.WithEdgeProfile(edgerun.ProfileFull))
	}
	srv, err := edgerun.New(f.dir, opts...)
	if err != nil {
		ln.Close()
		return err
	}
	defer srv.Close()

	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 30 * time.Second}
	ready := time.Since(started)
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	printBanner(stdout, name, fmt.Sprintf("http://%s:%d", urlHost, port), srv, ready)
	select {
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = hs.Shutdown(shutdown)
		return nil
	}
}
