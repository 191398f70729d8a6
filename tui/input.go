package tui

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
)

// lineInput is a one-line text field with vigil's settings: the prompt,
// a placeholder, a limit and a width, and a still cursor when motion is
// reduced. Every small question the screens ask uses one.
func lineInput(ctx *context, prompt, placeholder string, limit, width int) *textinput.Model {
	in := textinput.New()
	in.Prompt = prompt
	in.Placeholder = placeholder
	in.CharLimit = limit
	in.Width = max(6, width)
	if ctx.cfg.ReduceMotion {
		in.Cursor.SetMode(cursor.CursorStatic)
	}
	return &in
}
