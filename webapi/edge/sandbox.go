package edge

import (
	"sort"
	"sync"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/webapi/fetch"
	"github.com/edgerun/edgerun/webapi/node"
)

// Next's edge sandbox (server/web/sandbox/context.ts) extends the edge
// runtime's globals. This file reproduces those extensions in JS, where
// their shapes (getters, non-enumerable properties, fresh functions per
// access) are plain to express:
//
//   - process: { env } plus one non-enumerable accessor per own key of
//     Node's process. Function-valued keys read as a fresh function that
//     throws Next's "A Node.js API is used (process.x)" error; the others
//     read as undefined (`process.version` is undefined, not throwing);
//     assignments override.
//   - the EDGE_UNSUPPORTED_NODE_APIS stubs: accessors returning a fresh
//     function that throws the same error (typeof says "function").
//   - require: serves only node:buffer, node:events, node:async_hooks,
//     node:assert and node:util, else TypeError "Native module not found".
//   - Request: a subclass whose constructor rejects relative URLs with
//     Next's "URL is malformed" error (before the base constructor for a
//     string, after it otherwise) and records init.next; Response.redirect
//     gets the same URL check.
const sandboxSource = `(function (env, processKeys, stubs, nativeRequire) {
  'use strict';
  function unsupported(name) {
    throw new Error('A Node.js API is used (' + name + ') which is not supported in the Edge Runtime.\nLearn more: https://nextjs.org/docs/api-reference/edge-runtime');
  }
  const processPolyfill = { env };
  const overridden = {};
  for (const [key, isFunction] of processKeys) {
    Object.defineProperty(processPolyfill, key, {
      get() {
        if (overridden[key] !== undefined) return overridden[key];
        if (isFunction) return () => unsupported('process.' + key);
        return undefined;
      },
      set(value) { overridden[key] = value; },
      enumerable: false,
    });
  }
  for (const name of stubs) {
    Object.defineProperty(globalThis, name, {
      get() { return function () { unsupported(name); }; },
      enumerable: false,
      configurable: true,
    });
  }
  Object.defineProperty(globalThis, 'require', {
    enumerable: false,
    value: (id) => nativeRequire(String(id)),
  });
  function validateURL(url) {
    try {
      return String(new URL(String(url)));
    } catch (error) {
      throw new Error('URL is malformed "' + String(url) + '". Please use only absolute URLs - https://nextjs.org/docs/messages/middleware-relative-urls', { cause: error });
    }
  }
  function patchRequest(Base) {
    return class extends Base {
      constructor(input, init) {
        const url = typeof input !== 'string' && 'url' in input ? input.url : String(input);
        if (typeof input === 'string') {
          validateURL(url);
          super(input, init);
        } else {
          super(input, init);
          validateURL(url);
        }
        this.next = init == null ? undefined : init.next;
      }
    };
  }
  function patchResponse(Response) {
    const redirect = Response.redirect.bind(Response);
    Response.redirect = (...args) => {
      validateURL(args[0]);
      return redirect(...args);
    };
    return Response;
  }
  return { process: processPolyfill, patchRequest, patchResponse };
})`

// nodeProcessKeys are Object.keys(process) under `next start` on Node
// 20.20 (the spec's setup, read from an edge route's process): Node's own
// keys, then the event methods Next's server installs on process. Each
// says whether the value is a function.
var nodeProcessKeys = []struct {
	name     string
	function bool
}{
	{"version", false}, {"versions", false}, {"arch", false}, {"platform", false}, {"release", false},
	{"_rawDebug", true}, {"moduleLoadList", false}, {"binding", true}, {"_linkedBinding", true},
	{"_events", false}, {"_eventsCount", false}, {"_maxListeners", false}, {"domain", false},
	{"_exiting", false}, {"exitCode", false}, {"config", false}, {"dlopen", true}, {"uptime", true},
	{"_getActiveRequests", true}, {"_getActiveHandles", true}, {"getActiveResourcesInfo", true},
	{"reallyExit", true}, {"_kill", true}, {"loadEnvFile", true}, {"cpuUsage", true}, {"resourceUsage", true},
	{"memoryUsage", true}, {"constrainedMemory", true}, {"availableMemory", true}, {"kill", true},
	{"exit", true}, {"hrtime", true}, {"openStdin", true}, {"getuid", true}, {"geteuid", true},
	{"getgid", true}, {"getegid", true}, {"getgroups", true}, {"allowedNodeEnvironmentFlags", false},
	{"assert", true}, {"features", false}, {"_fatalException", true},
	{"setUncaughtExceptionCaptureCallback", true}, {"hasUncaughtExceptionCaptureCallback", true},
	{"emitWarning", true}, {"nextTick", true}, {"_tickCallback", true}, {"sourceMapsEnabled", false},
	{"setSourceMapsEnabled", true}, {"getBuiltinModule", true}, {"_debugProcess", true}, {"_debugEnd", true},
	{"_startProfilerIdleNotifier", true}, {"_stopProfilerIdleNotifier", true}, {"stdout", false},
	{"stdin", false}, {"stderr", false}, {"abort", true}, {"umask", true}, {"chdir", true}, {"cwd", true},
	{"initgroups", true}, {"setgroups", true}, {"setegid", true}, {"seteuid", true}, {"setgid", true},
	{"setuid", true}, {"title", false}, {"argv", false}, {"execArgv", false}, {"pid", false},
	{"ppid", false}, {"execPath", false}, {"debugPort", false}, {"argv0", false},
	{"_preload_modules", false}, {"report", false}, {"mainModule", false},
	{"addListener", true}, {"removeListener", true}, {"on", true}, {"off", true}, {"prependListener", true},
	{"once", true}, {"prependOnceListener", true}, {"removeAllListeners", true}, {"listeners", true},
}

var (
	sandboxOnce sync.Once
	sandboxProg *goja.Program
)

// installSandbox installs process, require and (in the Next-parity
// profile) the throwing stubs and the URL-checking Request and
// Response.redirect.
func installSandbox(iso *runtime.Isolate, env map[string]string, next bool) error {
	sandboxOnce.Do(func() { sandboxProg = goja.MustCompile("edgerun:next-sandbox", sandboxSource, true) })
	vm := iso.VM()
	fv, err := vm.RunProgram(sandboxProg)
	if err != nil {
		return err
	}
	fn, _ := goja.AssertFunction(fv)

	envObj := vm.NewObject()
	keys := make([]string, 0, len(env))
	for k := range env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		_ = envObj.Set(k, env[k])
	}
	_ = envObj.Set("NEXT_RUNTIME", "edge")

	pk := make([]any, len(nodeProcessKeys))
	for i, k := range nodeProcessKeys {
		pk[i] = []any{k.name, k.function}
	}
	var stubs []any
	if next {
		for _, s := range stubbedAPIs {
			stubs = append(stubs, s)
		}
	}
	nativeRequire := func(call goja.FunctionCall) goja.Value {
		v, err := node.RequireEdge(iso, call.Argument(0).String())
		if err != nil {
			node.ThrowRequireError(vm, err)
		}
		return v
	}
	resV, err := fn(goja.Undefined(), envObj, vm.ToValue(pk), vm.ToValue(stubs), vm.ToValue(nativeRequire))
	if err != nil {
		return err
	}
	res := resV.(*goja.Object)
	// Next assigns context.process: an ordinary (enumerable) property.
	_ = vm.GlobalObject().Set("process", res.Get("process"))
	if !next {
		return nil
	}
	patchRequest, _ := goja.AssertFunction(res.Get("patchRequest"))
	patchResponse, _ := goja.AssertFunction(res.Get("patchResponse"))
	iso.DefineLazyGlobal("Request", func() goja.Value {
		v, err := patchRequest(goja.Undefined(), jsclass.Get(iso, fetch.RequestClass).Ctor)
		if err != nil {
			panic(err)
		}
		return v
	})
	iso.DefineLazyGlobal("Response", func() goja.Value {
		v, err := patchResponse(goja.Undefined(), jsclass.Get(iso, fetch.ResponseClass).Ctor)
		if err != nil {
			panic(err)
		}
		return v
	})
	return nil
}
