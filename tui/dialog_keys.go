package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// keysDialog is the keys screen (?): every key of the screen it was opened
// over, in a box that scrolls on small windows.
type keysDialog struct {
	ctx    *context
	groups [][]key.Binding
	vp     viewport.Model
	width  int
	height int
}

func newKeysDialog(ctx *context, groups [][]key.Binding) keysDialog {
	d := keysDialog{ctx: ctx, groups: groups, vp: viewport.New()}
	d.vp.KeyMap = viewport.KeyMap{}
	return d
}

// body is the text of the box at the dialog's width.
func (d keysDialog) body() string {
	st := d.ctx.styles
	h := help.New()
	h.Styles.ShortKey, h.Styles.ShortDesc = st.Selected, st.Help
	h.Styles.FullKey, h.Styles.FullDesc = st.Selected, st.Help
	w := min(d.width-6, 70)
	k := d.ctx.keys
	// The box scrolls by lines and by half pages (scrollKeys); said in
	// 50 columns, so that the line fits the smallest window's box.
	scroll := " · ↑/↓ " + k.PageUp.Help().Key + "/" + k.PageDown.Help().Key + " scroll · any other key closes"
	return st.Title.Render("Keys") + st.Muted.Render(scroll) + "\n\n" +
		fullHelpView(h, d.groups) + "\n\n" +
		st.Muted.Width(max(10, w)).Render("While you type, keys are text: esc stops editing, and the note is already saved.")
}

// SetSize fits the box to the window, keeping the place scrolled to.
func (d keysDialog) SetSize(w, h int) dialog {
	d.width, d.height = w, h
	body := d.body()
	y := d.vp.YOffset()
	d.vp.SetWidth(max(1, min(lipgloss.Width(body), w-6)))
	d.vp.SetHeight(max(1, min(lipgloss.Height(body), h-2)))
	d.vp.SetContent(body)
	d.vp.SetYOffset(y)
	return d
}

func (d keysDialog) update(msg tea.Msg) (dialog, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	k := d.ctx.keys
	if !scrollKeys(&d.vp, k, km) {
		return nil, nil
	}
	return d, nil
}

func (d keysDialog) view() string {
	return indent(d.ctx.styles.Overlay.Render(d.vp.View()))
}

// ShortHelp is the keys of the keys screen.
func (d keysDialog) ShortHelp() []key.Binding {
	k := d.ctx.keys
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown}
}

// FullHelp is the same.
func (d keysDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
