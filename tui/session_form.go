package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"vigil/session"
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
// before an item is deleted. The view on screen is the session screen's,
// handed to view and cursor: the form keeps no copy of it that could
// fall behind when tab turns the view.
type itemForm struct {
	ctx       *context
	words     session.Words // the meeting's: a group's, or one person's
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
}

func newItemForm(ctx *context, w session.Words, isRequest bool, width int) itemForm {
	placeholder := "what someone will do"
	if isRequest {
		placeholder = "the request, in their words"
	}
	f := itemForm{ctx: ctx, words: w, isRequest: isRequest, stage: stageText,
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
func editItemForm(ctx *context, w session.Words, isRequest bool, width int, id uint64, text, name string, private bool) itemForm {
	f := newItemForm(ctx, w, isRequest, width)
	f.stage, f.editID, f.private = stageText, id, private
	f.text.SetValue(text)
	f.name.SetValue(name)
	f.text.CursorEnd()
	// What the fields hold, as they hold it: closing unchanged asks nothing.
	f.origText, f.origName = f.text.Value(), f.name.Value()
	return f
}

// deleteItemForm asks whether to delete an item.
func deleteItemForm(ctx *context, w session.Words, isRequest bool, width int, id uint64, text, name string, private bool) itemForm {
	f := editItemForm(ctx, w, isRequest, width, id, text, name, private)
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

// masked reports whether view v must not show what is typed: a private
// request, in the shared view. Which view shows what is the session's rule.
func (f itemForm) masked(v session.View) bool {
	return f.isRequest && !v.Shows(session.RequestPrivacy(f.private))
}

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
// view is the session screen's tab, disabled where there is one view.
func (f itemForm) ShortHelp(view key.Binding) []key.Binding {
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
	return append(b, view)
}

func (f itemForm) title() string {
	switch {
	case f.stage == stageDelete:
		return "Delete this " + f.noun() + "?"
	case f.editID != 0:
		return "Edit the " + f.noun()
	case f.isRequest:
		return f.words.AddRequest
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
// columns, under a title. In a view that does not show a private request
// (the shared one) nothing typed for one is drawn at all, not even
// masked: the room sees the screen.
func (f itemForm) view(l layout, v session.View) string {
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
	case f.masked(v):
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
// the form asks a question, or a private request is written in a view
// that does not show it (where even the cursor would tell how much is
// typed).
func (f itemForm) cursor(v session.View) *tea.Cursor {
	if f.stage != stageText || f.masked(v) {
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
