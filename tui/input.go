package tui

import (
	"charm.land/bubbles/v2/textinput"
)

// lineInput is a one-line text field with vigil's settings: the prompt,
// a placeholder, a limit and a width, and a still cursor when motion is
// reduced. Every small question the screens ask uses one.
func lineInput(ctx *context, prompt, placeholder string, limit, width int) *textinput.Model {
	in := textinput.New()
	in.Prompt = prompt
	in.Placeholder = placeholder
	in.CharLimit = limit
	in.SetWidth(max(6, width))
	if ctx.cfg.ReduceMotion {
		st := in.Styles()
		st.Cursor.Blink = false
		in.SetStyles(st)
	}
	return &in
}
