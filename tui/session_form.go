package tui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"vigil/store"
)

// itemForm adds a prayer request or a commitment: its text, an optional
// name and, for a request, whether it is private.
type itemForm struct {
	ctx       *context
	isRequest bool
	text      textinput.Model
	name      textinput.Model
	private   bool
	focused   int // 0 text, 1 name
}

func newItemForm(ctx *context, isRequest bool, width int) itemForm {
	text, placeholder := "the request, in their words", "what someone will do"
	if !isRequest {
		text = placeholder
	}
	f := itemForm{ctx: ctx, isRequest: isRequest,
		text: *lineInput(ctx, "Text: ", text, 0, width),
		name: *lineInput(ctx, "Name (optional): ", "leave empty if they prefer", 0, width)}
	f.setWidth(width)
	return f
}

func (f *itemForm) setWidth(w int) {
	f.text.SetWidth(max(10, w-len(f.text.Prompt)-1))
	f.name.SetWidth(max(10, w-len(f.name.Prompt)-1))
}

func (f *itemForm) focus() tea.Cmd {
	f.text.Blur()
	f.name.Blur()
	if f.focused == 0 {
		return f.text.Focus()
	}
	return f.name.Focus()
}

// applyMask hides a private request's text while it is typed in the shared
// view: the room sees the screen.
func (f *itemForm) applyMask(leader bool) {
	mode := textinput.EchoNormal
	if f.private && !leader {
		mode = textinput.EchoPassword
	}
	f.text.EchoMode = mode
	f.name.EchoMode = mode
}

func (f itemForm) update(msg tea.Msg) (itemForm, tea.Cmd) {
	var cmd tea.Cmd
	if f.focused == 0 {
		f.text, cmd = f.text.Update(msg)
	} else {
		f.name, cmd = f.name.Update(msg)
	}
	return f, cmd
}

// ShortHelp is the form's keys.
func (f itemForm) ShortHelp() []key.Binding {
	k := f.ctx.keys
	b := []key.Binding{
		withHelp(k.Confirm, "enter", "next field / save"),
		withHelp(k.StopEdit, "esc", "save and close"),
		key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "field")),
	}
	if f.isRequest {
		b = append(b, k.Private)
	}
	return append(b, k.View)
}

func (f itemForm) view() string {
	st := f.ctx.styles
	title := "Add a commitment"
	if f.isRequest {
		title = "Add the group's request"
	}
	body := f.text.View() + "\n" + f.name.View()
	if f.isRequest {
		mark := "[ ]"
		if f.private {
			mark = st.Private.Render("[x]")
		}
		body += "\n" + mark + " Private: only in the leader's view (ctrl+p)"
	}
	return st.NoteTitle.Render(title) + "\n" + st.NoteActive.Render(body)
}

// updateForm handles keys while the add form is open. esc keeps what was
// typed, like esc on a note: nothing typed is thrown away by a key.
func (m sessionModel) updateForm(msg tea.KeyPressMsg) (sessionModel, tea.Cmd) {
	k := m.ctx.keys
	f := &m.form
	switch {
	case key.Matches(msg, k.StopEdit):
		return m.closeForm()
	case key.Matches(msg, k.View):
		m.leader = !m.leader
		f.applyMask(m.leader)
		m.refresh(false)
		return m, nil
	case f.isRequest && key.Matches(msg, k.Private):
		f.private = !f.private
		f.applyMask(m.leader)
		return m, nil
	case key.Matches(msg, k.ArrowUp), key.Matches(msg, k.ArrowDown):
		f.focused = 1 - f.focused
		return m, f.focus()
	case key.Matches(msg, k.Confirm):
		if f.focused == 0 {
			f.focused = 1
			return m, f.focus()
		}
		return m.closeForm()
	}
	var cmd tea.Cmd
	*f, cmd = f.update(msg)
	return m, cmd
}

// closeForm saves the item when it has text, and closes the form.
func (m sessionModel) closeForm() (sessionModel, tea.Cmd) {
	m, cs := m.submitForm()
	m.mode = modeBrowse
	m.clampSel()
	m.refresh(false)
	return m.queue(cs)
}

// submitForm adds the form's item to the meeting, and selects it. Empty
// text adds nothing.
func (m sessionModel) submitForm() (sessionModel, []store.Change) {
	f := m.form
	now := m.ctx.now()
	if f.isRequest {
		r, cs := m.meet.AddRequest(f.text.Value(), f.name.Value(), f.private, now)
		if cs != nil {
			m.sel = slices.IndexFunc(m.meet.RequestsIn(m.audience()), func(x store.Request) bool { return x.ID == r.ID })
		}
		return m, cs
	}
	_, cs := m.meet.AddCommitment(f.text.Value(), f.name.Value(), now)
	if cs != nil {
		m.sel = len(m.meet.Rec.Commitments) - 1
	}
	return m, cs
}
