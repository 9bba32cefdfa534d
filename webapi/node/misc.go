package node

import (
	"net"
	goruntime "runtime"
	"strings"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/jsclass"
)

// stubModule builds a module whose listed functions throw the
// not-supported error, plus a few real values (flags and constants that
// libraries read at import time to decide what to do).
func stubModule(e *env, name string, fns []string, values map[string]any) goja.Value {
	vm := e.vm
	obj := vm.NewObject()
	for _, fn := range fns {
		_ = obj.Set(fn, notSupportedFunc(vm, name, fn))
	}
	for k, v := range values {
		_ = obj.Set(k, v)
	}
	return obj
}

func netModule(e *env) goja.Value {
	vm := e.vm
	m := stubModule(e, "net", []string{"connect", "createConnection", "createServer", "Socket", "Server", "Stream", "BlockList", "SocketAddress"}, nil).(*goja.Object)
	_ = m.Set("isIP", jsclass.Function(vm, "isIP", 1, func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(ipVersion(call.Argument(0).String()))
	}))
	_ = m.Set("isIPv4", jsclass.Function(vm, "isIPv4", 1, func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(ipVersion(call.Argument(0).String()) == 4)
	}))
	_ = m.Set("isIPv6", jsclass.Function(vm, "isIPv6", 1, func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(ipVersion(call.Argument(0).String()) == 6)
	}))
	autoSelect := true
	_ = m.Set("getDefaultAutoSelectFamily", func() bool { return autoSelect })
	_ = m.Set("setDefaultAutoSelectFamily", func(v bool) { autoSelect = v })
	_ = m.Set("getDefaultAutoSelectFamilyAttemptTimeout", func() int { return 250 })
	_ = m.Set("setDefaultAutoSelectFamilyAttemptTimeout", func(int) {})
	return m
}

// ipVersion is net.isIP: 4 for dotted-decimal IPv4 (no leading zeros), 6
// for IPv6 (a %zone suffix allowed), else 0.
func ipVersion(s string) int {
	if strings.Contains(s, ":") {
		addr := s
		if i := strings.IndexByte(addr, '%'); i >= 0 {
			addr = addr[:i]
		}
		if ip := net.ParseIP(addr); ip != nil {
			return 6
		}
		return 0
	}
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return 0
	}
	for _, p := range parts {
		if p == "" || len(p) > 3 || (len(p) > 1 && p[0] == '0') {
			return 0
		}
		n := 0
		for _, c := range p {
			if c < '0' || c > '9' {
				return 0
			}
			n = n*10 + int(c-'0')
		}
		if n > 255 {
			return 0
		}
	}
	return 4
}

func v8Module(e *env) goja.Value {
	vm := e.vm
	m := stubModule(e, "v8", []string{"getHeapSnapshot", "writeHeapSnapshot", "serialize", "deserialize", "Serializer",
		"Deserializer", "DefaultSerializer", "DefaultDeserializer", "takeCoverage", "stopCoverage", "setHeapSnapshotNearHeapLimit",
		"queryObjects", "GCProfiler"}, nil).(*goja.Object)
	_ = m.Set("cachedDataVersionTag", func() int { return 0 })
	_ = m.Set("setFlagsFromString", func(string) {})
	_ = m.Set("getHeapStatistics", jsclass.Function(vm, "getHeapStatistics", 0, func(goja.FunctionCall) goja.Value {
		var ms goruntime.MemStats
		goruntime.ReadMemStats(&ms)
		o := vm.NewObject()
		for _, kv := range []struct {
			k string
			v uint64
		}{
			{"total_heap_size", ms.HeapSys}, {"total_heap_size_executable", 0}, {"total_physical_size", ms.HeapSys},
			{"total_available_size", ms.Sys - ms.HeapInuse}, {"used_heap_size", ms.HeapAlloc},
			{"heap_size_limit", 4 << 30}, {"malloced_memory", 0}, {"peak_malloced_memory", 0},
			{"does_zap_garbage", 0}, {"number_of_native_contexts", 1}, {"number_of_detached_contexts", 0},
			{"total_global_handles_size", 0}, {"used_global_handles_size", 0}, {"external_memory", 0},
		} {
			_ = o.Set(kv.k, kv.v)
		}
		return o
	}))
	_ = m.Set("getHeapSpaceStatistics", func() []any { return []any{} })
	_ = m.Set("getHeapCodeStatistics", func() map[string]any {
		return map[string]any{"code_and_metadata_size": 0, "bytecode_and_metadata_size": 0, "external_script_source_size": 0, "cpu_profiler_metadata_size": 0}
	})
	return m
}

func ttyModule(e *env) goja.Value {
	m := stubModule(e, "tty", []string{"ReadStream", "WriteStream"}, nil).(*goja.Object)
	_ = m.Set("isatty", func(int) bool { return false })
	return m
}

func workerThreadsModule(e *env) goja.Value {
	return stubModule(e, "worker_threads", []string{"Worker", "MessageChannel", "MessagePort", "BroadcastChannel",
		"markAsUntransferable", "moveMessagePortToContext", "receiveMessageOnPort", "postMessageToThread",
		"setEnvironmentData", "getEnvironmentData"},
		map[string]any{"isMainThread": true, "parentPort": nil, "workerData": nil, "threadId": 0, "resourceLimits": map[string]any{},
			"SHARE_ENV": e.vm.ToValue(goja.NewSymbol("nodejs.worker_threads.SHARE_ENV"))})
}

func clusterModule(e *env) goja.Value {
	return stubModule(e, "cluster", []string{"fork", "disconnect", "setupPrimary", "setupMaster", "Worker", "on", "once"},
		map[string]any{"isPrimary": true, "isMaster": true, "isWorker": false, "workers": map[string]any{}, "settings": map[string]any{},
			"SCHED_NONE": 1, "SCHED_RR": 2, "schedulingPolicy": 2})
}

// perfHooksModule re-exports the global performance object when the
// host installed one (webapi/performance), else a monotonic one of its own.
func perfHooksModule(e *env) goja.Value {
	vm := e.vm
	m := stubModule(e, "perf_hooks", []string{"PerformanceObserver", "monitorEventLoopDelay", "createHistogram"}, nil).(*goja.Object)
	perf := vm.GlobalObject().Get("performance")
	if perf == nil || goja.IsUndefined(perf) {
		p := vm.NewObject()
		_ = p.Set("timeOrigin", float64(processStart.UnixNano())/1e6)
		_ = p.Set("now", jsclass.Function(vm, "now", 0, func(goja.FunctionCall) goja.Value {
			return vm.ToValue(float64(sinceStart().Nanoseconds()) / 1e6)
		}))
		perf = p
	}
	_ = m.Set("performance", perf)
	for _, name := range []string{"Performance", "PerformanceEntry", "PerformanceMark", "PerformanceMeasure", "PerformanceObserverEntryList", "PerformanceResourceTiming"} {
		if v := vm.GlobalObject().Get(name); v != nil && !goja.IsUndefined(v) {
			_ = m.Set(name, v)
		} else {
			_ = m.Set(name, notSupportedFunc(vm, "perf_hooks", name))
		}
	}
	c := vm.NewObject()
	for k, v := range map[string]int{"NODE_PERFORMANCE_GC_MAJOR": 4, "NODE_PERFORMANCE_GC_MINOR": 1, "NODE_PERFORMANCE_GC_INCREMENTAL": 8, "NODE_PERFORMANCE_GC_WEAKCB": 16} {
		_ = c.Set(k, v)
	}
	_ = m.Set("constants", c)
	return m
}

// consoleModule is the global console (webapi/console installs it).
func consoleModule(e *env) goja.Value {
	c := e.vm.GlobalObject().Get("console")
	if c == nil || goja.IsUndefined(c) {
		return stubModule(e, "console", []string{"log", "error", "warn", "info", "debug", "Console"}, nil)
	}
	return c
}

func moduleBinding(e *env) *goja.Object {
	vm := e.vm
	b := vm.NewObject()
	_ = b.Set("builtins", func() []string {
		out := make([]string, 0, len(Builtins))
		for _, id := range Builtins {
			if !nodeSchemeOnly[id] {
				out = append(out, id)
			}
		}
		return out
	})
	_ = b.Set("isBuiltin", func(id string) bool { return IsBuiltin(id) })
	return b
}

// nodeSchemeOnly are built-ins reachable only as "node:<id>".
var nodeSchemeOnly = map[string]bool{}
