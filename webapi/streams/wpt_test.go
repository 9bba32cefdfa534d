package streams

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/evanw/esbuild/pkg/api"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/console"
	"github.com/edgerun/edgerun/webapi/encoding"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/timers"
)

// TestWPTDev runs Web Platform Tests files against this package for
// development: set STREAMS_WPT to a WPT checkout (and optionally
// STREAMS_WPT_FILES to a comma-separated list of globs relative to it, and
// STREAMS_WPT_VERBOSE=1 to list failures). The project's conformance runner
// (conformance/) is the authoritative measurement; this is the quick loop.
func TestWPTDev(t *testing.T) {
	root := os.Getenv("STREAMS_WPT")
	if root == "" {
		t.Skip("STREAMS_WPT is not set")
	}
	globs := []string{"streams/**/*.any.js", "encoding/streams/*.any.js", "compression/*.any.js"}
	if g := os.Getenv("STREAMS_WPT_FILES"); g != "" {
		globs = strings.Split(g, ",")
	}
	var files []string
	for _, g := range globs {
		files = append(files, globFiles(root, g)...)
	}
	sort.Strings(files)
	verbose := os.Getenv("STREAMS_WPT_VERBOSE") != ""
	harness := mustRead(t, filepath.Join(root, "resources/testharness.js"))
	totalPass, total := 0, 0
	for _, f := range files {
		res := runWPTFile(t, root, f, harness)
		pass := 0
		for _, r := range res.tests {
			if r.status == 0 {
				pass++
			}
		}
		totalPass += pass
		total += len(res.tests)
		rel, _ := filepath.Rel(root, f)
		line := fmt.Sprintf("%-70s %4d/%-4d", rel, pass, len(res.tests))
		if res.harnessErr != "" {
			line += " HARNESS: " + res.harnessErr
		}
		t.Log(line)
		if verbose {
			for _, r := range res.tests {
				if r.status != 0 {
					t.Logf("    FAIL %s: %s", r.name, r.message)
				}
			}
		}
	}
	t.Logf("TOTAL %d/%d = %.2f%%", totalPass, total, 100*float64(totalPass)/float64(max(total, 1)))
}

func globFiles(root, g string) []string {
	var out []string
	re := regexp.MustCompile("^" + strings.NewReplacer("**/", "(.*/)?", "*", "[^/]*", ".", `\.`).Replace(g) + "$")
	_ = filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		if re.MatchString(rel) {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func mustRead(t *testing.T, p string) string {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

type wptResult struct {
	name, message string
	status        int
}

type wptFileResult struct {
	tests      []wptResult
	harnessErr string
}

var metaScript = regexp.MustCompile(`(?m)^//\s*META:\s*script=(\S+)`)

var lowered sync.Map

// lower compiles src with the bundler's goja settings (async generators and
// for-await lowered).
func lower(name, src string) (string, error) {
	if v, ok := lowered.Load(src); ok {
		return v.(string), nil
	}
	res := api.Transform(src, api.TransformOptions{
		Target:     api.ES2022,
		Sourcefile: name,
		Supported:  map[string]bool{"async-generator": false, "for-await": false, "regexp-unicode-property-escapes": false},
	})
	if len(res.Errors) > 0 {
		return "", fmt.Errorf("%s: %s", name, res.Errors[0].Text)
	}
	lowered.Store(src, string(res.Code))
	return string(res.Code), nil
}

func runWPTFile(t *testing.T, root, file, harness string) wptFileResult {
	src := mustRead(t, file)
	var scripts [][2]string
	for _, m := range metaScript.FindAllStringSubmatch(src, -1) {
		p := m[1]
		if p == "/resources/WebIDLParser.js" {
			p = "/resources/webidl2/lib/webidl2.js"
		}
		var full string
		if strings.HasPrefix(p, "/") {
			full = filepath.Join(root, p)
		} else {
			full = filepath.Join(filepath.Dir(file), p)
		}
		b, err := os.ReadFile(full)
		if err != nil {
			return wptFileResult{harnessErr: "missing script " + p}
		}
		scripts = append(scripts, [2]string{p, string(b)})
	}
	scripts = append(scripts, [2]string{filepath.Base(file), src})

	done := make(chan wptFileResult, 1)
	var unhandled []string
	iso, err := runtime.New(runtime.Options{
		CPUDeadline: 60 * time.Second,
		Setup: func(iso *runtime.Isolate) error {
			events.Install(iso)
			timers.Install(iso, timers.Options{ReportError: true})
			console.Install(iso, discardSink{})
			encoding.Install(iso)
			Install(iso)
			return nil
		},
		OnUnhandledRejection: func(_ *runtime.Isolate, p *goja.Promise) {
			unhandled = append(unhandled, fmt.Sprint(p.Result()))
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Kill()
	var results []wptResult
	runErr := iso.Do(func() error {
		vm := iso.VM()
		iso.ForceGlobals()
		g := vm.GlobalObject()
		_ = g.Set("self", g)
		if _, err := vm.RunString(`globalThis.GLOBAL = { isWindow() { return false }, isWorker() { return false }, isShadowRealm() { return false } };`); err != nil {
			return err
		}
		// fetch for idlharness: serves files of the checkout, nothing else.
		_ = vm.Set("fetch", func(call goja.FunctionCall) goja.Value {
			p, res, rej := vm.NewPromise()
			b, err := os.ReadFile(filepath.Join(root, call.Argument(0).String()))
			if err != nil {
				_ = rej(vm.NewTypeError("Failed to fetch"))
				return vm.ToValue(p)
			}
			resp := vm.NewObject()
			_ = resp.Set("ok", true)
			_ = resp.Set("text", func(goja.FunctionCall) goja.Value {
				tp, tres, _ := vm.NewPromise()
				_ = tres(string(b))
				return vm.ToValue(tp)
			})
			_ = res(resp)
			return vm.ToValue(p)
		})
		if _, err := vm.RunScript("testharness.js", harness); err != nil {
			return err
		}
		_ = vm.Set("__report", func(call goja.FunctionCall) goja.Value {
			tests := call.Argument(0).(*goja.Object)
			n := int(tests.Get("length").ToInteger())
			for i := 0; i < n; i++ {
				tt := tests.Get(fmt.Sprint(i)).(*goja.Object)
				msg := ""
				if m := tt.Get("message"); m != nil && !goja.IsNull(m) && !goja.IsUndefined(m) {
					msg = m.String()
				}
				results = append(results, wptResult{name: tt.Get("name").String(), message: msg, status: int(tt.Get("status").ToInteger())})
			}
			hs := call.Argument(1).(*goja.Object)
			herr := ""
			if st := hs.Get("status").ToInteger(); st != 0 {
				herr = fmt.Sprint(hs.Get("message"))
			}
			if len(unhandled) > 0 {
				herr += " unhandled rejections: " + strings.Join(unhandled, "; ")
			}
			done <- wptFileResult{tests: results, harnessErr: herr}
			return goja.Undefined()
		})
		if _, err := vm.RunString(`add_completion_callback((tests, status) => __report(tests, status)); setup({ explicit_done: true, explicit_timeout: false, timeout_multiplier: 1 });`); err != nil {
			return err
		}
		for _, s := range scripts {
			code, err := lower(s[0], s[1])
			if err != nil {
				return err
			}
			if _, err := vm.RunScript(s[0], code); err != nil {
				return fmt.Errorf("%s: %w", s[0], err)
			}
		}
		_, err := vm.RunString(`done()`)
		return err
	})
	if runErr != nil {
		// A script error at top level: testharness reports it as a harness error.
		select {
		case r := <-done:
			if r.harnessErr == "" {
				r.harnessErr = runErr.Error()
			}
			return r
		case <-time.After(2 * time.Second):
			return wptFileResult{harnessErr: runErr.Error()}
		}
	}
	select {
	case r := <-done:
		return r
	case <-time.After(60 * time.Second):
		return wptFileResult{harnessErr: "timeout"}
	}
}

type discardSink struct{}

func (discardSink) Log(level, msg string) {}
