package bundler

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// ErrNoPagesDir is wrapped by [FindPagesDir] when a project has no
// pages/api (or src/pages/api) folder, i.e. nothing for edgerun to serve.
var ErrNoPagesDir = errors.New("bundler: no pages/api directory")

// Message is one diagnostic (error or warning) from bundling, config
// extraction or next.config evaluation.
//
// Line and Column are 1-based, as in Next.js's error overlay, goja stack
// traces and editors' "file:line:col" links (esbuild itself counts columns
// from 0; the conversion happens once, when messages leave esbuild).
// Line is 0 when the message has no location.
type Message struct {
	Text     string
	File     string // relative to the project root, slash-separated ("pages/api/x.ts")
	Line     int    // 1-based; 0 = no location
	Column   int    // 1-based, in bytes
	Length   int    // bytes to underline in the code frame (0 = one caret)
	LineText string // the source line Line refers to, for code frames
	Notes    []string
	Plugin   string // "edgerun" for messages from our esbuild plugin
}

// location returns "file:line:col", "file" or "".
func (m Message) location() string {
	switch {
	case m.File == "":
		return ""
	case m.Line == 0:
		return m.File
	}
	return m.File + ":" + strconv.Itoa(m.Line) + ":" + strconv.Itoa(m.Column)
}

// String renders the message on one line: "file:line:col: text".
func (m Message) String() string {
	if loc := m.location(); loc != "" {
		return loc + ": " + m.Text
	}
	return m.Text
}

// Error is a failed build, config extraction or next.config load. It carries
// every message so a dev server can show them all (the first is in Error()).
type Error struct {
	Messages []Message
}

// Error returns "bundler: <file:line:col>: <first message>", plus
// "(and N more)" when there are several.
func (e *Error) Error() string {
	if len(e.Messages) == 0 {
		return "bundler: build failed"
	}
	s := "bundler: " + e.Messages[0].String()
	if n := len(e.Messages) - 1; n > 0 {
		s += fmt.Sprintf(" (and %d more)", n)
	}
	return s
}

// Format renders every message the way esbuild prints them: a header line,
// the location, a code frame with a caret under the column, then notes.
// With color, ANSI escapes highlight the header and caret as a terminal
// would show them.
func (e *Error) Format(color bool) string {
	return formatMessages(e.Messages, "ERROR", color)
}

// FormatWarnings renders warnings in the same style as [Error.Format].
func FormatWarnings(msgs []Message, color bool) string {
	return formatMessages(msgs, "WARNING", color)
}

const (
	ansiReset   = "\x1b[0m"
	ansiBold    = "\x1b[1m"
	ansiRed     = "\x1b[31m"
	ansiYellow  = "\x1b[33m"
	ansiDim     = "\x1b[37m"
	ansiGreen   = "\x1b[32m"
	ansiRedBold = "\x1b[1;31m"
)

// formatMessages is hand-written rather than api.FormatMessages because
// esbuild prints 0-based columns while every other position edgerun shows
// (stack traces, Next's own errors) is 1-based; mixing both in one terminal
// would send users to the wrong character.
func formatMessages(msgs []Message, kind string, color bool) string {
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return code + s + ansiReset
	}
	mark, markColor := "✘", ansiRedBold
	if kind == "WARNING" {
		mark, markColor = "▲", ansiYellow+ansiBold
	}
	var b strings.Builder
	for _, m := range msgs {
		b.WriteString(paint(markColor, mark+" ["+kind+"]") + " " + paint(ansiBold, m.Text))
		if m.Plugin != "" {
			b.WriteString(" " + paint(ansiDim, "[plugin "+m.Plugin+"]"))
		}
		b.WriteString("\n\n")
		if loc := m.location(); loc != "" {
			if m.Line > 0 {
				loc += ":"
			}
			b.WriteString("    " + loc + "\n")
			if m.Line > 0 && m.LineText != "" {
				num := strconv.Itoa(m.Line)
				b.WriteString("      " + paint(ansiDim, num+" │ ") + m.LineText + "\n")
				col := max(m.Column-1, 0)
				col = min(col, len(m.LineText))
				pad := strings.Repeat(" ", len(num)) + " │ " + expandTabsPrefix(m.LineText[:col])
				under := "^"
				if m.Length > 1 {
					under = strings.Repeat("~", m.Length)
				}
				b.WriteString("      " + paint(ansiDim, pad[:len(num)+3]) + pad[len(num)+3:] + paint(ansiGreen, under) + "\n")
			}
			b.WriteString("\n")
		}
		for _, n := range m.Notes {
			b.WriteString("  " + strings.ReplaceAll(n, "\n", "\n  ") + "\n\n")
		}
	}
	return b.String()
}

// expandTabsPrefix turns the text before the caret into spaces, keeping
// tabs, so the caret lines up under the column in a terminal.
func expandTabsPrefix(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// fromESBuild converts esbuild messages (0-based columns, file paths
// relative to the working directory or in a plugin namespace).
func fromESBuild(msgs []api.Message, dir string) []Message {
	out := make([]Message, 0, len(msgs))
	for _, m := range msgs {
		out = append(out, convertESBuildMessage(m, dir))
	}
	return out
}

func convertESBuildMessage(m api.Message, dir string) Message {
	msg := Message{Text: m.Text, Plugin: m.PluginName}
	if l := m.Location; l != nil {
		msg.File = displayPath(dir, l.File, l.Namespace)
		msg.Line = l.Line
		msg.Column = l.Column + 1
		msg.Length = l.Length
		msg.LineText = l.LineText
	}
	for _, n := range m.Notes {
		text := n.Text
		if l := n.Location; l != nil && l.File != "" {
			text = fmt.Sprintf("%s:%d:%d: %s", displayPath(dir, l.File, l.Namespace), l.Line, l.Column+1, text)
		}
		msg.Notes = append(msg.Notes, text)
	}
	return msg
}

// displayPath makes esbuild's location paths relative to the project root
// and slash-separated. esbuild reports file-namespace paths relative to
// AbsWorkingDir already; absolute ones (outside the project) are made
// relative where possible.
func displayPath(dir, file, namespace string) string {
	if namespace != "" && namespace != "file" {
		return namespace + ":" + file
	}
	if filepath.IsAbs(file) {
		if rel, err := filepath.Rel(dir, file); err == nil {
			file = rel
		}
	}
	return filepath.ToSlash(file)
}
