package tui

import (
	"slices"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"vigil/session"
	"vigil/store"
)

// formStage is what the item form asks now.
type formStage int

const (
	// stageAsk asks, before anything is typed, whether a new request is
	// for the room or private: a request may be the first time someone
	// says something aloud, and the room sees the screen.
	stageAsk     formStage = iota + 1
	stageText              // typing the text and the name
	stageDiscard           // "Discard this request? y/n": esc with text to lose
	stageDelete            // "Delete this request? y/n": x on the list
)

// itemForm adds or edits a prayer request or a commitment: its text, an
// optional name and, for a request, whether it is private. It also asks
// before an item is deleted.
type itemForm struct {
	ctx       *context
	isRequest bool
	editID    uint64 // the item edited or deleted; 0 adds one
	stage     formStage
	text      textinput.Model
	name      textinput.Model
	private   bool
	focused   int // 0 text, 1 name
	origText  string
	origName  string
	err       string // why the last keystroke was refused (too long)
	leader    bool   // the view on screen is the leader's (kept by the session screen)
}

func newItemForm(ctx *context, isRequest bool, width int) itemForm {
	placeholder := "what someone will do"
	if isRequest {
		placeholder = "the request, in their words"
	}
	f := itemForm{ctx: ctx, isRequest: isRequest, stage: stageText,
		text: *lineInput(ctx, "Text: ", placeholder, 0, width),
		name: *lineInput(ctx, "Name (optional): ", "leave empty if they prefer", 0, width)}
	// The limit is the session's, in bytes; the fields count runes, so
	// the checked setters refuse what is over it in bytes (see typed).
	f.text.CharLimit = session.MaxText
	f.name.CharLimit = session.MaxText
	if isRequest {
		f.stage = stageAsk
	}
	f.setWidth(width)
	return f
}

// editItemForm is the same form, filled in with an item to change.
func editItemForm(ctx *context, isRequest bool, width int, id uint64, text, name string, private bool) itemForm {
	f := newItemForm(ctx, isRequest, width)
	f.stage, f.editID, f.private = stageText, id, private
	f.text.SetValue(text)
	f.name.SetValue(name)
	f.text.CursorEnd()
	// What the fields hold, as they hold it: closing unchanged asks nothing.
	f.origText, f.origName = f.text.Value(), f.name.Value()
	return f
}

// deleteItemForm asks whether to delete an item.
func deleteItemForm(ctx *context, isRequest bool, width int, id uint64, text, name string, private bool) itemForm {
	f := editItemForm(ctx, isRequest, width, id, text, name, private)
	f.stage = stageDelete
	return f
}

func (f *itemForm) setWidth(w int) {
	f.text.SetWidth(max(10, w-ansi.StringWidth(f.text.Prompt)-1))
	f.name.SetWidth(max(10, w-ansi.StringWidth(f.name.Prompt)-1))
}

func (f *itemForm) focus() tea.Cmd {
	f.text.Blur()
	f.name.Blur()
	if f.stage != stageText {
		return nil
	}
	if f.focused == 0 {
		return f.text.Focus()
	}
	return f.name.Focus()
}

// noun is what the form is about, as the questions say it.
func (f itemForm) noun() string {
	if f.isRequest {
		return "request"
	}
	return "commitment"
}

// changed reports whether closing now would throw typed text away.
func (f itemForm) changed() bool {
	return strings.TrimSpace(f.text.Value()) != strings.TrimSpace(f.origText) ||
		strings.TrimSpace(f.name.Value()) != strings.TrimSpace(f.origName)
}

// masked reports whether the view on screen must not show what is typed:
// a private request, in the shared view.
func (f itemForm) masked(leader bool) bool { return f.isRequest && f.private && !leader }

func (f itemForm) update(msg tea.Msg) (itemForm, tea.Cmd) {
	if f.stage != stageText {
		return f, nil
	}
	var cmd tea.Cmd
	if f.focused == 0 {
		f.text, cmd = f.text.Update(msg)
	} else {
		f.name, cmd = f.name.Update(msg)
	}
	return f, cmd
}

// ShortHelp is the form's keys: the footer says what enter and esc do.
func (f itemForm) ShortHelp() []key.Binding {
	k := f.ctx.keys
	ik := k.Items
	switch f.stage {
	case stageAsk:
		return []key.Binding{ik.ForRoom, withHelp(ik.Private, "p/type", "private"), ik.Discard}
	case stageDiscard, stageDelete:
		return []key.Binding{ik.Yes, ik.No}
	}
	save := withHelp(ik.Save, "enter", "save")
	if f.focused == 0 {
		save = withHelp(ik.Save, "enter", "name, then save")
	}
	b := []key.Binding{save, ik.Discard, ik.Field}
	if f.isRequest {
		b = append(b, k.Private)
	}
	return append(b, k.View)
}

func (f itemForm) title() string {
	w := session.WordsFor(false)
	switch {
	case f.stage == stageDelete:
		return "Delete this " + f.noun() + "?"
	case f.editID != 0:
		return "Edit the " + f.noun()
	case f.isRequest:
		return w.AddRequest
	}
	return "Add a commitment"
}

// formLine is one line of the form's box. give is the order in which
// lines give way when the box is too low for them all (the note box's
// height, at the smallest window): 0 never; higher first.
type formLine struct {
	text string
	give int
}

// view draws the form in the note box's place, at the note box's size,
// so that nothing around it moves: l.noteLines lines of l.noteWidth
// columns, under a title. In the shared view nothing typed for a private
// request is drawn at all, not even masked: the room sees the screen.
func (f itemForm) view(l layout) string {
	st := f.ctx.styles
	// The fields stay while they are typed in: the cursor stands on them.
	fieldGives := 2
	if f.stage == stageText {
		fieldGives = 0
	}
	var lines []formLine
	switch {
	case f.stage == stageAsk:
		lines = []formLine{{text: "For the room, or private?"},
			{text: "  r  for the room: the room sees it as it is typed"},
			{text: "  p  private: only the leader's view shows it"},
			{text: st.Muted.Render("Or simply start typing: the request is then private."), give: 1}} // the footer says p/type
	case f.masked(f.leader):
		lines = []formLine{{text: st.Private.Render("A private request is being written (the leader's view shows it).")}}
	default:
		lines = []formLine{{text: f.text.View()}, {text: f.name.View(), give: fieldGives}}
	}
	if f.isRequest && f.stage != stageAsk {
		mark := "[ ]"
		if f.private {
			mark = st.Private.Render("[x]")
		}
		// It gives way first: the footer says ctrl+p too, and in the
		// shared view a private request says so on its first line.
		lines = append(lines, formLine{text: mark + " Private: only in the leader's view (ctrl+p)", give: 1})
	}
	switch f.stage {
	case stageDiscard:
		lines = append(lines, formLine{text: st.Warn.Render("Discard this " + f.noun() + "? y/n")})
	case stageDelete:
		lines = append(lines, formLine{text: st.Warn.Render("Delete this " + f.noun() + " for good? y/n")})
	}
	if f.err != "" {
		lines = append(lines, formLine{text: st.Error.Render(f.err)})
	}
	body := fitLines(lines, l.noteLines, l.noteWidth)
	return truncate(st.NoteTitle.Render(f.title()), l.noteWidth+4) + "\n" +
		st.NoteActive.Width(l.noteWidth+4).Height(l.noteLines+2).Render(body)
}

// fitLines wraps lines to width and fits them into n lines: lines give
// way in their order (formLine.give) until the rest fit, and what still
// does not fit is cut at the end, where the error goes.
func fitLines(lines []formLine, n, width int) string {
	wrapped := func(ls []formLine) []string {
		var out []string
		for _, l := range ls {
			out = append(out, strings.Split(ansi.Wrap(l.text, width, ""), "\n")...)
		}
		return out
	}
	for give := 1; len(wrapped(lines)) > n; give++ {
		most := 0
		for _, l := range lines {
			most = max(most, l.give)
		}
		if give > most {
			break
		}
		lines = slices.DeleteFunc(lines, func(l formLine) bool { return l.give == give })
	}
	out := wrapped(lines)
	if len(out) > n {
		out = out[:n]
		out[n-1] = truncate(out[n-1]+" …", width)
	}
	return strings.Join(out, "\n")
}

// cursor is the terminal's cursor in the field in focus, counted from the
// form's first line (its title); nil when no field is drawn to type in:
// the form asks a question, or a private request is written in the
// shared view (where even the cursor would tell how much is typed).
func (f itemForm) cursor() *tea.Cursor {
	if f.stage != stageText || f.masked(f.leader) {
		return nil
	}
	in := &f.text
	if f.focused == 1 {
		in = &f.name
	}
	// The fields are the box's first two lines, under the title and the
	// box's top border, after its border and padding; the box fits them
	// whole (the prompt, the text and the cell after it).
	return placeCursor(fieldCursor(in), 1+1, 1+1+f.focused, ansi.StringWidth(in.Prompt)+in.Width()+1)
}

// updateForm handles keys while the form is open: enter saves, esc
// cancels (asking first when typed text would be lost).
func (m sessionModel) updateForm(msg tea.KeyPressMsg) (sessionModel, tea.Cmd) {
	k := m.ctx.keys
	ik := k.Items
	m.form = own(m.form)
	f := m.form
	if key.Matches(msg, k.View) {
		m.leader = !m.leader
		f.leader = m.leader
		m.clampSel()
		m.refresh(false)
		return m, nil
	}
	switch f.stage {
	case stageAsk:
		switch {
		case key.Matches(msg, ik.Discard):
			return m.cancelForm()
		case key.Matches(msg, ik.ForRoom):
			f.private, f.stage = false, stageText
			return m, f.focus()
		case key.Matches(msg, ik.Private), key.Matches(msg, k.Private):
			f.private, f.stage = true, stageText
			return m, f.focus()
		case startsText(msg):
			// The leader simply started typing: the request is private,
			// and what was typed starts its text.
			f.private, f.stage = true, stageText
			focus := f.focus()
			m, cmd := m.typeInForm(msg)
			return m, tea.Batch(focus, cmd)
		}
		return m, nil
	case stageDiscard:
		switch {
		case key.Matches(msg, ik.Yes):
			return m.cancelForm()
		case key.Matches(msg, ik.No):
			f.stage = stageText
			return m, f.focus()
		}
		return m, nil
	case stageDelete:
		switch {
		case key.Matches(msg, ik.Yes):
			return m.deleteItem()
		case key.Matches(msg, ik.No):
			m.mode = modeBrowse
			m.refresh(false)
			return m, nil
		}
		return m, nil
	}
	switch {
	case key.Matches(msg, ik.Discard):
		if f.changed() {
			f.stage = stageDiscard
			f.text.Blur()
			f.name.Blur()
			return m, nil
		}
		return m.cancelForm()
	case f.isRequest && key.Matches(msg, k.Private):
		f.private = !f.private
		return m, nil
	case key.Matches(msg, k.ArrowUp), key.Matches(msg, k.ArrowDown):
		f.focused = 1 - f.focused
		return m, f.focus()
	case key.Matches(msg, ik.Save):
		if f.focused == 0 {
			f.focused = 1
			return m, f.focus()
		}
		return m.closeForm()
	}
	return m.typeInForm(msg)
}

// startsText reports whether a key is text being typed (not a key with
// a meaning of its own).
func startsText(msg tea.KeyPressMsg) bool {
	if msg.Text == "" || msg.Mod&(tea.ModCtrl|tea.ModAlt) != 0 {
		return false
	}
	return strings.ContainsFunc(msg.Text, func(r rune) bool { return unicode.IsPrint(r) && !unicode.IsSpace(r) })
}

// typeInForm types a key into the field in focus. What would go over the
// session's limit is refused with its sentence; what is kept goes to disk
// as the form's draft, like a note.
func (m sessionModel) typeInForm(msg tea.Msg) (sessionModel, tea.Cmd) {
	before := m.form
	if p, ok := msg.(tea.PasteMsg); ok {
		// The field would cut a long paste short unseen: refuse it whole.
		in, what := &before.text, before.noun()
		if before.focused == 1 {
			in, what = &before.name, "name"
		}
		if n := len(in.Value()) + len(p.Content); n > session.MaxText {
			m.form = own(before)
			m.form.err = session.Sentence((&session.TooLongError{What: what, Len: n, Paste: true}).Error())
			return m, nil
		}
	}
	nf, cmd := m.form.update(msg)
	f := &nf
	m.form = f
	if f.text.Value() == before.text.Value() && f.name.Value() == before.name.Value() {
		return m, cmd
	}
	cs, err := m.meet.SetDraft(f.isRequest, f.text.Value(), f.name.Value(), m.ctx.now())
	if err != nil {
		m.form = own(before)
		m.form.err = session.Sentence(err.Error())
		return m, nil
	}
	f.err = ""
	m, save := m.queue(cs)
	return m, tea.Batch(cmd, save)
}

// closeForm saves the item when it has text, and closes the form.
func (m sessionModel) closeForm() (sessionModel, tea.Cmd) {
	m2, cs, err := m.submitForm()
	if err != nil {
		m.form = own(m.form)
		m.form.err = session.Sentence(err.Error())
		return m, nil
	}
	m = m2
	m.mode = modeBrowse
	m.clampSel()
	m.refresh(false)
	return m.queue(cs)
}

// cancelForm closes the form and keeps nothing of it, its draft included.
func (m sessionModel) cancelForm() (sessionModel, tea.Cmd) {
	cs := m.meet.ClearDraft(m.form.isRequest, m.ctx.now())
	m.removed = m.removed || cs != nil // a discarded draft is deleted text too
	m.mode = modeBrowse
	m.clampSel()
	m.refresh(false)
	return m.queue(cs)
}

// deleteItem deletes the item the form asked about.
func (m sessionModel) deleteItem() (sessionModel, tea.Cmd) {
	f := m.form
	var cs []store.Change
	if f.isRequest {
		cs = m.meet.RemoveRequest(f.editID)
	} else {
		cs = m.meet.RemoveCommitment(f.editID)
	}
	m.removed = m.removed || cs != nil
	m.mode = modeBrowse
	m.clampSel()
	m.refresh(false)
	return m.queue(cs)
}

// Removed reports whether a request or commitment (or a form's draft) was
// deleted in the open session: bbolt keeps a deleted value's bytes in freed pages, so the
// caller compacts the file once the session is closed (as deleting a
// session does), and the text is really gone.
func (a App) Removed() bool { return a.state == stateSession && a.session.removed }

// submitForm adds or changes the form's item in the meeting, selects it,
// and empties the draft. Empty text adds nothing.
func (m sessionModel) submitForm() (sessionModel, []store.Change, error) {
	f := m.form
	now := m.ctx.now()
	if f.stage == stageAsk || f.stage == stageDelete {
		return m, nil, nil
	}
	var cs []store.Change
	var err error
	switch {
	case f.isRequest && f.editID != 0:
		cs, err = m.meet.EditRequest(f.editID, f.text.Value(), f.name.Value(), f.private)
		m.selectRequest(f.editID)
	case f.isRequest:
		var r store.Request
		r, cs, err = m.meet.AddRequestChecked(f.text.Value(), f.name.Value(), f.private, now)
		if cs != nil {
			m.selectRequest(r.ID)
		}
	case f.editID != 0:
		cs, err = m.meet.EditCommitment(f.editID, f.text.Value(), f.name.Value())
	default:
		_, cs, err = m.meet.AddCommitmentChecked(f.text.Value(), f.name.Value(), now)
		if cs != nil {
			m.sel = len(m.meet.Rec.Commitments) - 1
		}
	}
	if err != nil {
		return m, nil, err
	}
	return m, append(cs, m.meet.ClearDraft(f.isRequest, now)...), nil
}

// selectRequest selects a request on the list, when the view shows it.
func (m *sessionModel) selectRequest(id uint64) {
	if i := slices.IndexFunc(m.meet.RequestsIn(m.audience()), func(x store.Request) bool { return x.ID == id }); i >= 0 {
		m.sel = i
	}
}
