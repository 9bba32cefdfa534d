package node

import (
	"bufio"
	"net"
	"os"
	"os/user"
	goruntime "runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/jsclass"
)

// osModule builds node:os from the host's real values (these are the
// facts a route would see under `next start` on the same machine).
func osModule(e *env) goja.Value {
	vm := e.vm
	m := vm.NewObject()
	fn := func(name string, f func(goja.FunctionCall) goja.Value) {
		_ = m.Set(name, jsclass.Function(vm, name, 0, f))
	}
	str := func(name string, f func() string) {
		fn(name, func(goja.FunctionCall) goja.Value { return vm.ToValue(f()) })
	}
	_ = m.Set("EOL", "\n")
	_ = m.Set("devNull", os.DevNull)
	str("arch", nodeArch)
	str("platform", nodePlatform)
	str("type", osType)
	str("release", func() string { return unameField("release") })
	str("version", func() string { return unameField("version") })
	str("machine", func() string { return unameField("machine") })
	str("hostname", func() string { h, _ := os.Hostname(); return h })
	str("homedir", func() string { h, _ := os.UserHomeDir(); return h })
	str("tmpdir", func() string {
		d := os.TempDir()
		if len(d) > 1 && strings.HasSuffix(d, "/") {
			d = d[:len(d)-1]
		}
		return d
	})
	str("endianness", func() string { return "LE" })
	fn("availableParallelism", func(goja.FunctionCall) goja.Value { return vm.ToValue(goruntime.NumCPU()) })
	fn("cpus", func(goja.FunctionCall) goja.Value {
		model, speed := cpuModel()
		out := make([]any, goruntime.NumCPU())
		for i := range out {
			c := vm.NewObject()
			_ = c.Set("model", model)
			_ = c.Set("speed", speed)
			t := vm.NewObject()
			for _, k := range []string{"user", "nice", "sys", "idle", "irq"} {
				_ = t.Set(k, 0)
			}
			_ = c.Set("times", t)
			out[i] = c
		}
		return vm.NewArray(out...)
	})
	fn("totalmem", func(goja.FunctionCall) goja.Value { return vm.ToValue(meminfo("MemTotal")) })
	fn("freemem", func(goja.FunctionCall) goja.Value { return vm.ToValue(meminfo("MemAvailable")) })
	fn("uptime", func(goja.FunctionCall) goja.Value { return vm.ToValue(systemUptime()) })
	fn("loadavg", func(goja.FunctionCall) goja.Value {
		l := loadavg()
		return vm.NewArray(l[0], l[1], l[2])
	})
	fn("userInfo", func(call goja.FunctionCall) goja.Value {
		o := vm.NewObject()
		_ = o.Set("uid", os.Getuid())
		_ = o.Set("gid", os.Getgid())
		if u, err := user.Current(); err == nil {
			_ = o.Set("username", u.Username)
			_ = o.Set("homedir", u.HomeDir)
		} else {
			_ = o.Set("username", os.Getenv("USER"))
			h, _ := os.UserHomeDir()
			_ = o.Set("homedir", h)
		}
		shell := os.Getenv("SHELL")
		if shell == "" {
			_ = o.Set("shell", goja.Null())
		} else {
			_ = o.Set("shell", shell)
		}
		return o
	})
	fn("networkInterfaces", func(goja.FunctionCall) goja.Value { return networkInterfaces(vm) })
	fn("getPriority", func(goja.FunctionCall) goja.Value { return vm.ToValue(0) })
	_ = m.Set("setPriority", notSupportedFunc(vm, "os", "setPriority"))
	_ = m.Set("constants", osConstants(vm))
	return m
}

func osType() string {
	switch goruntime.GOOS {
	case "linux":
		return "Linux"
	case "darwin":
		return "Darwin"
	case "windows":
		return "Windows_NT"
	case "freebsd":
		return "FreeBSD"
	}
	return goruntime.GOOS
}

// readProc reads a /proc file (Linux); other systems get "".
func readProc(name string) string {
	b, err := os.ReadFile("/proc/" + name)
	if err != nil {
		return ""
	}
	return string(b)
}

func unameField(field string) string {
	switch field {
	case "release":
		return strings.TrimSpace(readProc("sys/kernel/osrelease"))
	case "version":
		return strings.TrimSpace(readProc("sys/kernel/version"))
	case "machine":
		switch goruntime.GOARCH {
		case "amd64":
			return "x86_64"
		case "arm64":
			return "aarch64"
		case "386":
			return "i686"
		}
		return goruntime.GOARCH
	}
	return ""
}

func cpuModel() (string, int) {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "unknown", 0
	}
	defer f.Close()
	model, speed := "unknown", 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		switch k {
		case "model name":
			if model == "unknown" {
				model = v
			}
		case "cpu MHz":
			if speed == 0 {
				if mhz, err := strconv.ParseFloat(v, 64); err == nil {
					speed = int(mhz)
				}
			}
		}
		if model != "unknown" && speed != 0 {
			break
		}
	}
	return model, speed
}

func meminfo(key string) int64 {
	for _, line := range strings.Split(readProc("meminfo"), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok && k == key {
			fields := strings.Fields(v)
			if len(fields) > 0 {
				n, _ := strconv.ParseInt(fields[0], 10, 64)
				return n * 1024
			}
		}
	}
	return 0
}

func systemUptime() float64 {
	fields := strings.Fields(readProc("uptime"))
	if len(fields) > 0 {
		if f, err := strconv.ParseFloat(fields[0], 64); err == nil {
			return f
		}
	}
	return 0
}

func loadavg() [3]float64 {
	var out [3]float64
	fields := strings.Fields(readProc("loadavg"))
	for i := 0; i < 3 && i < len(fields); i++ {
		out[i], _ = strconv.ParseFloat(fields[i], 64)
	}
	return out
}

func networkInterfaces(vm *goja.Runtime) goja.Value {
	res := vm.NewObject()
	ifaces, err := net.Interfaces()
	if err != nil {
		return res
	}
	for _, ifc := range ifaces {
		addrs, err := ifc.Addrs()
		if err != nil || len(addrs) == 0 {
			continue
		}
		var list []any
		for _, a := range addrs {
			ipnet, ok := a.(*net.IPNet)
			if !ok {
				continue
			}
			o := vm.NewObject()
			ones, bits := ipnet.Mask.Size()
			family := "IPv4"
			if ipnet.IP.To4() == nil {
				family = "IPv6"
			}
			_ = o.Set("address", ipnet.IP.String())
			_ = o.Set("netmask", net.IP(ipnet.Mask).String())
			_ = o.Set("family", family)
			mac := ifc.HardwareAddr.String()
			if mac == "" {
				mac = "00:00:00:00:00:00"
			}
			_ = o.Set("mac", mac)
			_ = o.Set("internal", ifc.Flags&net.FlagLoopback != 0)
			_ = o.Set("cidr", ipnet.IP.String()+"/"+strconv.Itoa(ones))
			if family == "IPv6" {
				_ = o.Set("scopeid", 0)
			}
			_ = bits
			list = append(list, o)
		}
		_ = res.Set(ifc.Name, vm.NewArray(list...))
	}
	return res
}

func osConstants(vm *goja.Runtime) *goja.Object {
	c := vm.NewObject()
	errno := vm.NewObject()
	for _, info := range errnoTable {
		_ = errno.Set(info.code, int(info.errno))
	}
	_ = c.Set("errno", errno)
	signals := vm.NewObject()
	for name, sig := range map[string]syscall.Signal{
		"SIGHUP": syscall.SIGHUP, "SIGINT": syscall.SIGINT, "SIGQUIT": syscall.SIGQUIT, "SIGILL": syscall.SIGILL,
		"SIGTRAP": syscall.SIGTRAP, "SIGABRT": syscall.SIGABRT, "SIGFPE": syscall.SIGFPE, "SIGKILL": syscall.SIGKILL,
		"SIGSEGV": syscall.SIGSEGV, "SIGPIPE": syscall.SIGPIPE, "SIGALRM": syscall.SIGALRM, "SIGTERM": syscall.SIGTERM,
	} {
		_ = signals.Set(name, int(sig))
	}
	_ = c.Set("signals", signals)
	prio := vm.NewObject()
	for k, v := range map[string]int{"PRIORITY_LOW": 19, "PRIORITY_BELOW_NORMAL": 10, "PRIORITY_NORMAL": 0, "PRIORITY_ABOVE_NORMAL": -7, "PRIORITY_HIGH": -14, "PRIORITY_HIGHEST": -20} {
		_ = prio.Set(k, v)
	}
	_ = c.Set("priority", prio)
	return c
}
