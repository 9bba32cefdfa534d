package bundler

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Env is the environment a project sees after loading its .env files.
type Env struct {
	// Vars is the combined environment: the process environment passed to
	// [LoadEnv] plus every variable from the files that it did not already
	// set — what process.env holds under `next dev`/`next start`.
	Vars map[string]string

	// FromFiles holds only the variables taken from the files.
	FromFiles map[string]string

	// Files lists the files loaded, in priority order, by name relative to
	// the project (".env.development.local", ".env.local", ...), as Next's
	// dev banner shows them ("- Environments: .env.local, .env").
	Files []string
}

// EnvFiles returns the .env file names @next/env considers for a mode
// ("development", "production" or "test"), highest priority first:
// .env.$(MODE).local, .env.local (not for "test": tests should give the
// same results for everyone), .env.$(MODE), .env.
func EnvFiles(mode string) []string {
	files := []string{".env." + mode + ".local"}
	if mode != "test" {
		files = append(files, ".env.local")
	}
	return append(files, ".env."+mode, ".env")
}

// LoadEnv loads a project's .env files the way @next/env's loadEnvConfig
// does (spec §5): files in [EnvFiles] order, each parsed with dotenv's rules
// and expanded with dotenv-expand's `$VAR`/`${VAR}`/`${VAR:-default}`;
// a variable already in processEnv wins over every file, and a
// higher-priority file wins over a lower one. processEnv is not modified.
//
// Missing files are skipped; a file that exists but cannot be read is an
// error (Next logs "Failed to load env from <file>" and continues; a Go
// caller gets to decide).
func LoadEnv(dir string, mode string, processEnv map[string]string) (*Env, error) {
	switch mode {
	case "development", "production", "test":
	default:
		return nil, fmt.Errorf("bundler: LoadEnv: mode must be development, production or test, got %q", mode)
	}
	env := &Env{Vars: make(map[string]string, len(processEnv)), FromFiles: map[string]string{}}
	// work is the mutable process.env dotenv-expand writes into.
	work := make(map[string]string, len(processEnv))
	for k, v := range processEnv {
		env.Vars[k] = v
		work[k] = v
	}
	var errs []error
	for _, name := range EnvFiles(mode) {
		p := filepath.Join(dir, name)
		fi, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) || err == nil && !fi.Mode().IsRegular() {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			errs = append(errs, fmt.Errorf("bundler: Failed to load env from %s: %w", name, err))
			continue
		}
		env.Files = append(env.Files, name)
		parsed := parseDotenv(string(data))
		expandDotenv(parsed, work)
		for _, e := range parsed {
			if _, set := env.Vars[e.Key]; set {
				continue // earlier file or the process environment wins
			}
			env.Vars[e.Key] = e.Value
			env.FromFiles[e.Key] = e.Value
		}
	}
	return env, errors.Join(errs...)
}
