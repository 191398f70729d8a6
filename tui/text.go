package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Small text helpers every screen shares.

// sentence makes an error one sentence with a capital and a full stop:
// how every screen shows an error.
func sentence(err error) string {
	s := strings.TrimSpace(err.Error())
	if s == "" {
		return "Something went wrong."
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") {
		s += "."
	}
	return s
}

// truncate cuts s, which may hold colour codes, to w columns with "…".
func truncate(s string, w int) string {
	if w < 1 {
		return ""
	}
	return ansi.Truncate(s, w, "…")
}

// indent pads every line by one column: the app's margin. It is what
// Styles.App does, without measuring every line again on every frame.
func indent(s string) string {
	return " " + strings.ReplaceAll(s, "\n", "\n ")
}

// lastLines keeps the last n lines of s, with a mark when it cut any.
func lastLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) <= n {
		return s
	}
	lines = lines[len(lines)-n:]
	lines[0] = "…"
	return strings.Join(lines, "\n")
}

// place centres a block in the window.
func place(w, h int, s string) string {
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, s)
}
