package server

import (
	"io"
	"log/slog"
	"net/http"
	"time"
)

// Mode selects `next dev` or `next start` behaviour.
type Mode int

const (
	// Production answers like `next start`: handler errors are a plain 500.
	Production Mode = iota
	// Development answers like `next dev`: error pages carry the
	// source-mapped stack, and dev-only warnings are logged.
	Development
)

// EdgeProfile selects the edge global surface.
type EdgeProfile int

const (
	// ProfileNext mirrors Next.js's edge runtime, including the APIs it only
	// exposes as throwing stubs (CompressionStream, MessageChannel...).
	ProfileNext EdgeProfile = iota
	// ProfileFull replaces those stubs with real implementations.
	ProfileFull
)

// Config configures a Server.
type Config struct {
	Dir         string
	Mode        Mode
	EdgeProfile EdgeProfile
	// Lenient allows eval/new Function in edge routes with Next's dev
	// warning instead of production's EvalError.
	Lenient bool
	// Env overrides environment variables seen by routes (on top of .env
	// files and the process environment).
	Env map[string]string
	// ProcessEnv is the environment .env files are layered under; nil means
	// os.Environ().
	ProcessEnv map[string]string
	// CPUDeadline bounds the CPU time of one request (default 30 s).
	CPUDeadline time.Duration
	// LogRequests logs one line per request ("GET /api/x 200 in 3ms").
	LogRequests bool
	// Logger receives request lines, warnings and errors.
	Logger *slog.Logger
	// Console receives console.* output from routes; nil writes to stderr.
	Console io.Writer
	// AllowFetch decides which hosts outbound fetch() may reach; nil allows all.
	AllowFetch func(host string) bool
	// HTTPClient is used by fetch(); nil means a shared client with its own pool.
	HTTPClient *http.Client
	// FSRoots widens the Node fs sandbox beyond the project and temp dirs.
	FSRoots []string
	// BuildID is the project's build id. API routes never see it: Next sets
	// nextUrl.buildId only for /_next/data/<id>/ URLs (checked against
	// next start 16.4.6), so edge handlers read undefined in dev and prod.
	BuildID string
	// Hostname and Port form the absolute URLs edge handlers see
	// (http://localhost:3000/api/x), as next start's own hostname does.
	Hostname string
	Port     int
	// Watch reloads the project when its files change (Development mode
	// only; `edgerun dev` sets it): see Server.Reload.
	Watch bool
}
