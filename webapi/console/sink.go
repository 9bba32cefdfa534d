package console

import (
	"io"
	"sync"
)

// Log levels passed to a Sink.
const (
	LevelDebug = "debug"
	LevelLog   = "log"
	LevelInfo  = "info"
	LevelWarn  = "warn"
	LevelError = "error"
)

// A Sink receives console output: one call per console call, msg being the
// formatted text (which may span lines, group indentation applied, no
// trailing newline). Log is called on the isolate's goroutine and should
// not block for long.
type Sink interface {
	Log(level, msg string)
}

// SinkFunc adapts a function to Sink.
type SinkFunc func(level, msg string)

// Log calls f.
func (f SinkFunc) Log(level, msg string) { f(level, msg) }

// WriterSink writes debug, log and info lines to out and warn and error
// lines to errOut (as Node's console writes to stdout and stderr), each
// followed by a newline. Writes are serialised, so one writer may be shared
// by many isolates.
func WriterSink(out, errOut io.Writer) Sink {
	var mu sync.Mutex
	return SinkFunc(func(level, msg string) {
		w := out
		if level == LevelWarn || level == LevelError {
			w = errOut
		}
		mu.Lock()
		defer mu.Unlock()
		_, _ = io.WriteString(w, msg+"\n")
	})
}
