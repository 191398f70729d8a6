package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Small text helpers every screen shares.

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
