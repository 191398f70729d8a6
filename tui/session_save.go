package tui

import (
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	tea "charm.land/bubbletea/v2"

	"vigil/session"
	"vigil/store"
)

// Saving: every change the meeting makes is queued on the session.Saver at
// once (no I/O), and a moment later a command writes what has gathered, so
// that a burst of typing is one write. A failed write stays queued, and
// the next one tries it again.

// saveState is where the screen's saving stands, for the footer.
type saveState struct {
	tickPending bool  // a save is due
	saving      bool  // a save is running
	err         error // the last save failed
}

// queue hands changes to the saver and makes sure a save runs soon.
func (m sessionModel) queue(cs []store.Change) (sessionModel, tea.Cmd) {
	m.ctx.cfg.Saver.Queue(cs...)
	return m.scheduleSave()
}

// scheduleSave makes sure a save runs soon, when anything waits. After a
// failure it waits at least a second before trying again.
func (m sessionModel) scheduleSave() (sessionModel, tea.Cmd) {
	if m.save.tickPending || !m.ctx.cfg.Saver.Pending() {
		return m, nil
	}
	m.save.tickPending = true
	id, delay := m.meet.ID(), m.ctx.cfg.SaveDelay
	if m.save.err != nil {
		delay = max(delay, time.Second)
	}
	return m, tea.Tick(delay, func(time.Time) tea.Msg { return saveTickMsg{sessionID: id} })
}

// startSave writes what waits, one save at a time: a save due while
// another runs goes when that one ends.
func (m sessionModel) startSave() (sessionModel, tea.Cmd) {
	m.save.tickPending = false
	if m.save.saving {
		return m, nil
	}
	m.save.saving = true
	saver, id := m.ctx.cfg.Saver, m.meet.ID()
	return m, guard(func() tea.Msg { return savedMsg{sessionID: id, err: saver.Save()} })
}

// saved takes a save's end, and schedules the next when more waits (a
// failed save's changes among them).
func (m sessionModel) saved(err error) (sessionModel, tea.Cmd) {
	m.save.saving = false
	m.save.err = err
	return m.scheduleSave()
}

func (m sessionModel) saveStatus() string {
	st := m.ctx.styles
	switch {
	case m.limitErr != "":
		return st.Error.Render(truncateWords(m.limitErr, m.width-2))
	case m.save.err != nil:
		return st.Error.Render(notSaved(m.save.err, m.width-2))
	case m.save.saving || m.save.tickPending:
		return st.Status.Render("saving…")
	default:
		return st.Status.Render("✓ saved")
	}
}

// notSaved says in plain words that the text is not saved, why, and that
// vigil keeps trying, fitted to w columns: the reason is cut at a word,
// with "…", never silently, so that the rest of the sentence still shows.
func notSaved(err error, w int) string {
	const head, tail = "Not saved yet: ", " vigil keeps trying; your text is still here."
	reason := plainReason(err)
	room := w - ansi.StringWidth(head) - ansi.StringWidth(tail)
	if room < 12 {
		return truncateWords(head+reason+tail, w)
	}
	return head + truncateWords(reason, room) + tail
}

// plainReason is why a save failed, in plain words where the cause is a
// common one, else the error as a sentence.
func plainReason(err error) string {
	if c := store.PlainCause(err); c != "" {
		return c + "."
	}
	msg := err.Error()
	for _, c := range []struct{ in, say string }{
		{"no space left on device", "the disk is full."},
		{"disk quota exceeded", "the disk is full."},
		{"file too large", "the file has reached the largest size allowed here."},
		{"read-only file system", "the disk is read-only."},
		{"permission denied", "permission was denied."},
	} {
		if strings.Contains(msg, c.in) {
			return c.say
		}
	}
	return session.Sentence(msg)
}

// truncateWords fits one line of text to w columns, cutting at the end of
// a word and marking the cut with "…".
func truncateWords(s string, w int) string {
	s = session.OneLine(s)
	if w < 1 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	cut := ansi.Truncate(s, w-1, "")
	if i := strings.LastIndexByte(cut, ' '); i > 0 && ansi.StringWidth(cut[:i]) > w/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
