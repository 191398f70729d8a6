package tui

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// lineInput is a one-line text field with vigil's settings: the prompt,
// a placeholder, a limit and a width, and a still cursor when motion is
// reduced. Every small question the screens ask uses one.
func lineInput(ctx *context, prompt, placeholder string, limit, width int) *textinput.Model {
	in := textinput.New()
	in.Prompt = prompt
	// The placeholder starts with a space: the cursor's cell is the first
	// cell of the placeholder, and a cursor over a letter of it reads as
	// a letter typed. Muted and italic, and never cut, it cannot be taken
	// for input.
	if placeholder != "" {
		in.Placeholder = " " + placeholder
		width = max(width, ansi.StringWidth(placeholder)+2)
	}
	in.CharLimit = limit
	in.SetWidth(max(6, width))
	st := in.Styles()
	st.Focused.Placeholder = ctx.styles.Muted.Italic(true)
	st.Blurred.Placeholder = ctx.styles.Muted.Italic(true)
	if ctx.cfg.ReduceMotion {
		st.Cursor.Blink = false
	}
	in.SetStyles(st)
	return &in
}

// updateInput gives a message to a one-line field and returns the field
// as it is after it: a new copy, so the model before is left as it was.
func updateInput(in *textinput.Model, msg tea.Msg) (*textinput.Model, tea.Cmd) {
	out, cmd := in.Update(msg)
	return &out, cmd
}

// own returns a copy of *p for a model to change: the screens' models are
// values copied on every message, and a copy must not change when the
// model it was copied from does.
func own[T any](p *T) *T {
	c := *p
	return &c
}

// ptr returns a pointer to a new copy of v.
func ptr[T any](v T) *T { return &v }
