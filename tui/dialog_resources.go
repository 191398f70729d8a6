package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"vigil/guides"
	"vigil/session"
)

// resourcesDialog is the help and report screen (H): the guide's
// resources as session.HelpOf lays them out for every front end.
type resourcesDialog struct {
	ctx    *context
	help   session.Help
	vp     viewport.Model
	width  int
	height int
}

func newResourcesDialog(ctx *context, g *guides.Guide) resourcesDialog {
	d := resourcesDialog{ctx: ctx, help: session.HelpOf(g), vp: viewport.New()}
	d.vp.KeyMap = viewport.KeyMap{}
	return d
}

// SetSize fits the screen to the window and wraps the text again.
func (d resourcesDialog) SetSize(w, h int) dialog {
	d.width, d.height = w, h
	d.vp.SetWidth(w - 2)
	d.vp.SetHeight(h - 2)
	d.vp.SetContent(resourcesText(d.help, d.ctx.styles, w-2))
	return d
}

func (d resourcesDialog) update(msg tea.Msg) (dialog, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	k := d.ctx.keys
	switch {
	case key.Matches(km, k.Close):
		return nil, nil
	default:
		scrollKeys(&d.vp, k, km)
	}
	return d, nil
}

func (d resourcesDialog) view() string {
	return indent(d.vp.View()) + "\n " + shortHelpLine(d.ctx.styles, d.ShortHelp(), d.width-2)
}

// ShortHelp is the screen's keys.
func (d resourcesDialog) ShortHelp() []key.Binding {
	k := d.ctx.keys
	return []key.Binding{k.Close, k.Up, k.Down, k.PageDown}
}

// FullHelp is every key of the screen.
func (d resourcesDialog) FullHelp() [][]key.Binding {
	k := d.ctx.keys
	return [][]key.Binding{{k.Close, k.Up, k.Down, k.PageUp, k.PageDown}}
}

// resourcesText draws a guide's help and report resources: the lines
// every guide gets, then its own, grouped by need, word for word, and when
// they were checked.
func resourcesText(h session.Help, st Styles, width int) string {
	wrap := lipgloss.NewStyle().Width(max(20, width-6))
	var b strings.Builder
	b.WriteString(st.Title.Render("Help and report") + "\n\n")
	for _, l := range h.Lines {
		b.WriteString(wrap.Render(l) + "\n")
	}
	if h.None != "" {
		b.WriteString("\n" + st.Muted.Render(h.None) + "\n")
	}
	for _, grp := range h.Groups {
		b.WriteString("\n" + st.Title.Render(grp.Need) + "\n")
		for _, it := range grp.Items {
			b.WriteString("\n  " + st.Selected.Render("• ") + strings.ReplaceAll(wrap.Render(it.Name), "\n", "\n    ") + "\n")
			for _, f := range it.Fields {
				b.WriteString("    " + strings.ReplaceAll(wrap.Render(f.Label+": "+f.Value), "\n", "\n      ") + "\n")
			}
			b.WriteString("    " + strings.ReplaceAll(wrap.Render("For: "+it.For), "\n", "\n    ") + "\n")
		}
	}
	if h.Checked != "" {
		b.WriteString("\n" + st.Muted.Render(wrap.Render(h.Checked)) + "\n")
	}
	return b.String()
}
