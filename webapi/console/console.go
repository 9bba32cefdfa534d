package console

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/events"
)

// state is one isolate's console: its sink, counters, timers and group depth.
type state struct {
	iso         *runtime.Isolate
	out         Sink
	counts      map[string]int
	timers      map[string]time.Time
	groupIndent string
}

// Install defines the console namespace object as a lazy global writing to
// out, and routes uncaught errors (events.OnUncaught) to out at error level
// as "Uncaught <inspected error>". A nil out discards the output.
func Install(iso *runtime.Isolate, out Sink) {
	if out == nil {
		out = SinkFunc(func(string, string) {})
	}
	s := &state{iso: iso, out: out, counts: map[string]int{}, timers: map[string]time.Time{}}
	iso.DefineLazyGlobal("console", func() goja.Value { return s.namespace() })
	events.OnUncaught(iso, func(err goja.Value, inPromise bool) {
		prefix := "Uncaught "
		if inPromise {
			prefix = "Uncaught (in promise) "
		}
		var msg string
		if ex := iso.VM().Try(func() { msg = Inspect(iso, err) }); ex != nil {
			msg = "<error while inspecting the exception>"
		}
		s.print(LevelError, prefix+msg)
	})
}

// print applies the group indentation and writes to the sink.
func (s *state) print(level, msg string) {
	if s.groupIndent != "" {
		msg = s.groupIndent + strings.ReplaceAll(msg, "\n", "\n"+s.groupIndent)
	}
	s.out.Log(level, msg)
}

type method struct {
	name string
	fn   func(s *state, call goja.FunctionCall)
}

// methods are the operations of the console namespace
// (https://console.spec.whatwg.org/#console-namespace), in IDL order.
var methods = []method{
	{"assert", (*state).assert},
	{"clear", func(*state, goja.FunctionCall) {}}, // output is not a terminal
	{"debug", logAt(LevelDebug)},
	{"error", logAt(LevelError)},
	{"info", logAt(LevelInfo)},
	{"log", logAt(LevelLog)},
	{"table", (*state).table},
	{"trace", (*state).trace},
	{"warn", logAt(LevelWarn)},
	{"dir", (*state).dir},
	{"dirxml", logAt(LevelLog)},
	{"count", (*state).count},
	{"countReset", (*state).countReset},
	{"group", (*state).group},
	{"groupCollapsed", (*state).group},
	{"groupEnd", (*state).groupEnd},
	{"time", (*state).time},
	{"timeLog", (*state).timeLog},
	{"timeEnd", (*state).timeEnd},
}

// namespace builds the console object: a namespace object whose
// [[Prototype]] is an empty object inheriting Object.prototype.
func (s *state) namespace() goja.Value {
	vm := s.iso.VM()
	proto := vm.NewObject()
	obj := vm.CreateObject(proto)
	for _, m := range methods {
		m := m
		fn := jsclass.Function(vm, m.name, 0, func(call goja.FunctionCall) goja.Value {
			m.fn(s, call)
			return goja.Undefined()
		})
		_ = obj.DefineDataProperty(m.name, fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	_ = obj.DefineDataPropertySymbol(goja.SymToStringTag, vm.ToValue("console"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return obj
}

func logAt(level string) func(s *state, call goja.FunctionCall) {
	return func(s *state, call goja.FunctionCall) {
		s.print(level, Format(s.iso, call.Arguments))
	}
}

// assert logs "Assertion failed[: data]" when the condition is falsy.
func (s *state) assert(call goja.FunctionCall) {
	if call.Argument(0).ToBoolean() {
		return
	}
	data := append([]goja.Value(nil), call.Arguments[min(1, len(call.Arguments)):]...)
	vm := s.iso.VM()
	if len(data) == 0 {
		data = []goja.Value{vm.ToValue("Assertion failed")}
	} else {
		data[0] = vm.ToValue("Assertion failed: " + data[0].String())
	}
	s.print(LevelWarn, Format(s.iso, data))
}

// trace logs "Trace: <data>" and the caller's stack.
func (s *state) trace(call goja.FunctionCall) {
	msg := "Trace"
	if len(call.Arguments) > 0 {
		msg += ": " + Format(s.iso, call.Arguments)
	}
	s.print(LevelError, nodeStack(msg+events.StackTrace(s.iso)))
}

// dir logs util.inspect(item, {customInspect: false, ...options}).
func (s *state) dir(call goja.FunctionCall) {
	d := DefaultInspectOptions()
	d.CustomInspect = false
	opts := ParseInspectOptions(call.Argument(1), d)
	s.print(LevelLog, InspectWith(s.iso, call.Argument(0), opts))
}

// label converts the optional label argument ("default"), rethrowing what
// its toString throws.
func (s *state) label(call goja.FunctionCall) string {
	v := call.Argument(0)
	if goja.IsUndefined(v) {
		return "default"
	}
	return webidl.Context("").DOMString(s.iso.VM(), v)
}

func (s *state) count(call goja.FunctionCall) {
	label := s.label(call)
	s.counts[label]++
	s.print(LevelLog, label+": "+strconv.Itoa(s.counts[label]))
}

func (s *state) countReset(call goja.FunctionCall) {
	label := s.label(call)
	if _, ok := s.counts[label]; !ok {
		s.print(LevelWarn, "Warning: Count for '"+label+"' does not exist")
		return
	}
	s.counts[label] = 0
}

func (s *state) group(call goja.FunctionCall) {
	if len(call.Arguments) > 0 {
		s.print(LevelLog, Format(s.iso, call.Arguments))
	}
	s.groupIndent += "  "
}

func (s *state) groupEnd(goja.FunctionCall) {
	if len(s.groupIndent) >= 2 {
		s.groupIndent = s.groupIndent[:len(s.groupIndent)-2]
	}
}

func (s *state) time(call goja.FunctionCall) {
	label := s.label(call)
	if _, ok := s.timers[label]; ok {
		s.print(LevelWarn, "Warning: Label '"+label+"' already exists for console.time()")
		return
	}
	s.timers[label] = time.Now()
}

func (s *state) timeLog(call goja.FunctionCall) { s.timeLogImpl("timeLog", call, false) }

func (s *state) timeEnd(call goja.FunctionCall) { s.timeLogImpl("timeEnd", call, true) }

func (s *state) timeLogImpl(name string, call goja.FunctionCall, end bool) {
	label := s.label(call)
	start, ok := s.timers[label]
	if !ok {
		s.print(LevelWarn, "Warning: No such label '"+label+"' for console."+name+"()")
		return
	}
	if end {
		delete(s.timers, label)
	}
	msg := label + ": " + formatTime(float64(time.Since(start))/float64(time.Millisecond))
	if !end && len(call.Arguments) > 1 {
		msg += " " + Format(s.iso, call.Arguments[1:])
	}
	s.print(LevelLog, msg)
}

// formatTime is Node's console time format: "1.234ms", "1.500s",
// "1:02.345 (m:ss.mmm)", "1:02:03.456 (h:mm:ss.mmm)".
func formatTime(ms float64) string {
	var hours, minutes int
	seconds := 0.0
	if ms >= 1000 {
		if ms >= 60000 {
			if ms >= 3600000 {
				hours = int(ms / 3600000)
				ms = math.Mod(ms, 3600000)
			}
			minutes = int(ms / 60000)
			ms = math.Mod(ms, 60000)
		}
		seconds = ms / 1000
	}
	if hours != 0 || minutes != 0 {
		parts := strings.SplitN(strconv.FormatFloat(seconds, 'f', 3, 64), ".", 2)
		res := strconv.Itoa(minutes)
		unit := "m:ss.mmm"
		if hours != 0 {
			res = strconv.Itoa(hours) + ":" + pad2(strconv.Itoa(minutes))
			unit = "h:mm:ss.mmm"
		}
		return res + ":" + pad2(parts[0]) + "." + parts[1] + " (" + unit + ")"
	}
	if seconds != 0 {
		return strconv.FormatFloat(seconds, 'f', 3, 64) + "s"
	}
	f, _ := strconv.ParseFloat(strconv.FormatFloat(ms, 'f', 3, 64), 64)
	return strconv.FormatFloat(f, 'f', -1, 64) + "ms"
}

func pad2(s string) string {
	if len(s) < 2 {
		return "0" + s
	}
	return s
}
