package node

import (
	"os"
	goruntime "runtime"
	"sort"
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/jsclass"
)

// processStart anchors process.uptime() and process.hrtime().
var processStart = time.Now()

func sinceStart() time.Duration { return time.Since(processStart) }

// envObject is process.env: a Go map behind a goja DynamicObject, so
// assignments coerce to strings and deletes work as in Node, and reads
// cost a map lookup.
type envObject struct {
	vm *goja.Runtime
	m  map[string]string
}

func (o *envObject) Get(k string) goja.Value {
	if v, ok := o.m[k]; ok {
		return o.vm.ToValue(v)
	}
	return nil
}

func (o *envObject) Set(k string, v goja.Value) bool {
	o.m[k] = v.String()
	return true
}

func (o *envObject) Has(k string) bool {
	_, ok := o.m[k]
	return ok
}

func (o *envObject) Delete(k string) bool {
	delete(o.m, k)
	return true
}

func (o *envObject) Keys() []string {
	keys := make([]string, 0, len(o.m))
	for k := range o.m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// nodeArch maps GOARCH to process.arch.
func nodeArch() string {
	switch goruntime.GOARCH {
	case "amd64":
		return "x64"
	case "386":
		return "ia32"
	case "arm64", "arm", "ppc64", "s390x", "riscv64", "loong64", "mips", "mipsel":
		return goruntime.GOARCH
	}
	return goruntime.GOARCH
}

// nodePlatform maps GOOS to process.platform.
func nodePlatform() string {
	if goruntime.GOOS == "windows" {
		return "win32"
	}
	return goruntime.GOOS
}

func processBinding(e *env) *goja.Object {
	vm := e.vm
	b := vm.NewObject()
	fn := func(name string, length int, f func(goja.FunctionCall) goja.Value) {
		_ = b.Set(name, jsclass.Function(vm, name, length, f))
	}
	envCopy := make(map[string]string, len(e.opts.Env))
	for k, v := range e.opts.Env {
		envCopy[k] = v
	}
	_ = b.Set("env", vm.NewDynamicObject(&envObject{vm: vm, m: envCopy}))
	_ = b.Set("version", "v"+NodeVersion)
	_ = b.Set("nodeVersion", NodeVersion)
	_ = b.Set("arch", nodeArch())
	_ = b.Set("platform", nodePlatform())
	_ = b.Set("pid", os.Getpid())
	_ = b.Set("ppid", os.Getppid())
	exe, _ := os.Executable()
	_ = b.Set("execPath", exe)
	argv := make([]any, len(e.opts.Argv))
	for i, a := range e.opts.Argv {
		argv[i] = a
	}
	_ = b.Set("argv", vm.NewArray(argv...))
	fn("cwd", 0, func(goja.FunctionCall) goja.Value { return vm.ToValue(e.opts.Dir) })
	// hrtime() → [seconds, nanoseconds] of a monotonic clock.
	fn("hrtime", 0, func(goja.FunctionCall) goja.Value {
		d := time.Since(processStart) + time.Hour // never zero, like a boot-relative clock
		return vm.NewArray(int64(d/time.Second), int64(d%time.Second))
	})
	fn("uptime", 0, func(goja.FunctionCall) goja.Value {
		return vm.ToValue(time.Since(processStart).Seconds())
	})
	fn("memoryUsage", 0, func(goja.FunctionCall) goja.Value {
		var ms goruntime.MemStats
		goruntime.ReadMemStats(&ms)
		o := vm.NewObject()
		_ = o.Set("rss", ms.Sys)
		_ = o.Set("heapTotal", ms.HeapSys)
		_ = o.Set("heapUsed", ms.HeapAlloc)
		_ = o.Set("external", 0)
		_ = o.Set("arrayBuffers", 0)
		return o
	})
	fn("cpuUsage", 0, func(goja.FunctionCall) goja.Value {
		user, sys := cpuTimes()
		o := vm.NewObject()
		_ = o.Set("user", user.Microseconds())
		_ = o.Set("system", sys.Microseconds())
		return o
	})
	// write(fd, chunk): process.stdout/stderr's sink.
	fn("write", 2, func(call goja.FunctionCall) goja.Value {
		w := e.opts.Stdout
		if call.Argument(0).ToInteger() == 2 {
			w = e.opts.Stderr
		}
		var data []byte
		if bs, ok := bytesArg(vm, call.Argument(1)); ok {
			data = bs
		} else {
			data = []byte(jsStringUTF8(call.Argument(1)))
		}
		_, _ = w.Write(data)
		return goja.Undefined()
	})
	fn("ids", 0, func(goja.FunctionCall) goja.Value {
		return vm.NewArray(os.Getuid(), os.Getgid(), os.Geteuid(), os.Getegid())
	})
	return b
}
