package tui

// The session screen's handling of the item form: keys, typing, saving,
// cancelling and deleting. The form itself is in session_form.go.

import (
	"slices"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"vigil/session"
	"vigil/store"
)

// updateForm handles keys while the form is open: enter saves, esc
// cancels (asking first when typed text would be lost).
func (m sessionModel) updateForm(msg tea.KeyPressMsg) (sessionModel, tea.Cmd) {
	k := m.ctx.keys
	ik := k.Items
	if key.Matches(msg, k.View) {
		// tab turns the view under the form, as on the page (alone,
		// with one view, it does nothing); the form is drawn in the
		// view on screen (itemForm.masked).
		if m.oneView() {
			return m, nil
		}
		return m.switchView()
	}
	m.form = own(m.form)
	f := m.form
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
