package tui

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestComputeLayout(t *testing.T) {
	tests := []struct {
		w, h                    int
		text, body, lines, note int
	}{
		{60, 20, 58, 9, 3, 54},
		{80, 24, 78, 12, 4, 74},
		{100, 30, 98, 16, 6, 94},
		{120, 40, 100, 24, 8, 114},
	}
	for _, tt := range tests {
		l := computeLayout(tt.w, tt.h)
		if l.text != tt.text || l.body != tt.body || l.noteLines != tt.lines || l.noteWidth != tt.note {
			t.Errorf("%dx%d: got text %d body %d note lines %d note width %d, want %d %d %d %d",
				tt.w, tt.h, l.text, l.body, l.noteLines, l.noteWidth, tt.text, tt.body, tt.lines, tt.note)
		}
		if used := headerLines + l.body + noteChrome + l.noteLines + footerLines; used != tt.h {
			t.Errorf("%dx%d: the screen uses %d lines", tt.w, tt.h, used)
		}
	}
}

func TestTooSmall(t *testing.T) {
	for _, tt := range []struct {
		w, h int
		want bool
	}{{60, 20, false}, {59, 20, true}, {60, 19, true}, {200, 60, false}, {0, 0, true}} {
		if got := tooSmall(tt.w, tt.h); got != tt.want {
			t.Errorf("tooSmall(%d, %d) = %v", tt.w, tt.h, got)
		}
	}
}

func TestProgressBar(t *testing.T) {
	st := NewStyles(DarkTheme())
	for _, tt := range []struct {
		done, total, width int
		want               string
	}{
		{0, 10, 10, "──────────"},
		{5, 10, 10, "━━━━━─────"},
		{10, 10, 10, "━━━━━━━━━━"},
		{1, 3, 6, "━━────"},
		{1, 0, 6, ""},
	} {
		if got := ansi.Strip(progressBar(st, tt.done, tt.total, tt.width)); got != tt.want {
			t.Errorf("progressBar(%d, %d, %d) = %q, want %q", tt.done, tt.total, tt.width, got, tt.want)
		}
	}
}
