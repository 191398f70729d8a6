package tui

import (
	"strings"

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
	}
	in.CharLimit = limit
	fitInput(&in, width)
	st := in.Styles()
	st.Focused.Placeholder = ctx.styles.Placeholder
	st.Blurred.Placeholder = ctx.styles.Placeholder
	if ctx.cfg.ReduceMotion {
		st.Cursor.Blink = false // the terminal's cursor stands still too (Cursor copies it)
	}
	in.SetStyles(st)
	in.SetVirtualCursor(false) // the terminal's own cursor, placed by the View: see fieldCursor
	return &in
}

// fitInput gives a field width cells for its text, but never fewer than
// its placeholder needs, nor than 6.
func fitInput(in *textinput.Model, width int) {
	in.SetWidth(max(6, width, ansi.StringWidth(in.Placeholder)+1))
}

// fieldCursor is the terminal's cursor for a one-line field, its column
// counted from the field's first cell (the prompt's); nil when the field
// is not focused. The screen moves it to where it draws the field.
//
// bubbles v2.2.1's Model.Cursor counts the runes before the cursor from
// the start of the value (bubbles issue 1001): wrong once the field
// scrolls sideways, and for letters two cells wide. So the column is
// taken from what View draws instead: the field drawn again with its own
// drawn cursor differs from the field as shown first at the cursor's cell.
func fieldCursor(in *textinput.Model) *tea.Cursor {
	c := in.Cursor()
	if c == nil {
		return nil
	}
	drawn := *in // a copy, to draw; in is not changed
	drawn.SetVirtualCursor(true)
	shown, marked := in.View(), drawn.View()
	i := 0
	for i < len(shown) && i < len(marked) && shown[i] == marked[i] {
		i++
	}
	if i == len(shown) && i == len(marked) {
		return c // nothing tells them apart: bubbles' own column
	}
	head := marked[:i]
	// Both may begin a colour code alike: the cell starts before it.
	if j := strings.LastIndexByte(head, ansi.ESC); j >= 0 && !strings.ContainsRune(head[j:], 'm') {
		head = head[:j]
	}
	c.X = ansi.StringWidth(head)
	return c
}

// placeCursor moves a field's cursor to where the screen draws the field:
// its first cell at (x, y), w cells wide. A field cut to w cells keeps
// the cursor in its last cell. nil stays nil.
func placeCursor(c *tea.Cursor, x, y, w int) *tea.Cursor {
	if c == nil {
		return nil
	}
	c.X = x + clamp(c.X, 0, max(0, w-1))
	c.Y += y
	return c
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
