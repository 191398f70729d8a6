package session

import (
	"maps"
	"time"

	"vigil/guides"
	"vigil/store"
)

// Meeting is one open session: its guide, its record, the pages along its
// path and the page on screen, what it revisits, and its clock. Front ends
// keep one and change it only through its methods; each method that
// changes the record returns the store changes to save, which the front
// end hands to a Saver (or applies at once, as plain mode does).
type Meeting struct {
	Guide *guides.Guide
	Rec   store.Record
	Pages []Page
	Cur   int
	Clock Clock
	// Carry is what the group's earlier meetings left open; CarryLoaded is
	// false until LoadCarry's result is taken.
	Carry       Carry
	CarryLoaded bool
	CarryErr    error
	// pending is the page to go back to once the revisit step is known.
	pending string
	// revealed is true once the text of the headline-only page on screen
	// was asked for (Reveal); another page hides it again.
	revealed bool
	// touched names the requests of earlier sessions this meeting changed,
	// for the final save: session ID → request IDs.
	touched map[uint64]map[uint64]bool
}

// Open lays out an opened session's pages and finds where it was left.
func Open(o *Opened, now time.Time) Meeting {
	rec := o.Record
	if rec.Notes == nil {
		rec.Notes = map[string]store.Note{}
	}
	rec.Session.Path = pathOf(rec.Session)
	m := Meeting{Guide: o.Guide, Rec: rec, Pages: PagesOf(o.Guide, rec.Session)}
	m.Cur = IndexOf(m.Pages, rec.Session.Position.Page)
	if rec.Session.Position.Page == KeyRevisit {
		m.pending = KeyRevisit // the step comes back when its items are read
	}
	m.Clock = NewClock(rec.Session, now).Show(m.Kind(), now)
	return m
}

// ID is the session's key in this database.
func (m *Meeting) ID() uint64 { return m.Rec.Session.ID }

// Page is the page on screen.
func (m *Meeting) Page() Page { return m.Pages[m.Cur] }

// Kind is the part kind the page on screen counts its time to.
func (m *Meeting) Kind() guides.Kind { return PartKind(m.Guide, m.Page()) }

// Section is the guide section the page on screen shows, if any.
func (m *Meeting) Section() (guides.Section, bool) {
	p := m.Page()
	if p.Part < 0 || p.Section < 0 {
		return guides.Section{}, false
	}
	return m.Guide.Parts[p.Part].Sections[p.Section], true
}

// Detailed reports whether the page shows a section the guide marks as
// detailed about the abuse itself.
func (m *Meeting) Detailed() bool {
	p := m.Page()
	if p.Part < 0 || p.Section < 0 {
		return false
	}
	part := m.Guide.Parts[p.Part]
	return m.Guide.IsDetailed(part.Sections[p.Section], part.Kind)
}

// HidesText reports whether the page on screen shows a prayer request's
// headline only: the gentler path's way with a request whose text the
// guide marks detailed, until Reveal. Every view, and the room, keep to
// it.
func (m *Meeting) HidesText() bool { return m.Page().Headline && !m.revealed }

// Reveal shows the text of the headline-only request on screen, which
// someone asked for, and reports whether there was any to show. Going to
// another page hides it again.
func (m *Meeting) Reveal() bool {
	if !m.HidesText() {
		return false
	}
	m.revealed = true
	return true
}

// OnGuideRequest reports whether the page is one of the guide's own prayer
// requests, which can be marked prayed.
func (m *Meeting) OnGuideRequest() bool {
	p := m.Page()
	return p.Kind == PageSection && PartKind(m.Guide, p) == guides.KindPrayer
}

// GuideRequestPrayed reports whether the guide's request on screen is
// marked prayed.
func (m *Meeting) GuideRequestPrayed() bool {
	sec, ok := m.Section()
	if !ok {
		return false
	}
	_, prayed := m.Rec.Session.Prayed[sec.ID]
	return prayed
}

// Tick counts the time up to now.
func (m *Meeting) Tick(now time.Time) { m.Clock = m.Clock.Advance(now) }

// Pause stops the clock: a pause is not the part's time.
func (m *Meeting) Pause(now time.Time) { m.Clock = m.Clock.Stop(now) }

// Unpause starts the clock again.
func (m *Meeting) Unpause(now time.Time) { m.Clock = m.Clock.Start(now) }

// TakeCarry receives what the group's earlier meetings left open. When
// there is anything, the revisit step joins the pages, and the page on
// screen stays on screen (or the session goes to the revisit step, if that
// is where it was left).
func (m *Meeting) TakeCarry(c Carry, err error) {
	m.Carry, m.CarryErr, m.CarryLoaded = c, err, true
	if !c.Empty() {
		key := m.Page().Key
		if m.pending != "" {
			key = m.pending
		}
		m.Pages = WithRevisit(PagesOf(m.Guide, m.Rec.Session), true)
		m.Cur = IndexOf(m.Pages, key)
	}
	m.pending = ""
}

// header is the change that writes the session header as it stands, with
// the time spent so far.
func (m *Meeting) header() store.Change {
	m.Rec.Session.Spent = m.Clock.Seconds()
	s := copySession(m.Rec.Session)
	return store.Change{SessionID: m.ID(), Session: &s}
}

// HeaderChange is the session header as it stands, to save the time spent
// now and then.
func (m *Meeting) HeaderChange(now time.Time) []store.Change {
	m.Tick(now)
	return []store.Change{m.header()}
}

// GoTo shows page i (the outline, a search) and records the position.
func (m *Meeting) GoTo(i int, now time.Time) (cs []store.Change, moved bool) {
	if i < 0 || i >= len(m.Pages) {
		return nil, false
	}
	if i != m.Cur {
		m.revealed = false
	}
	m.Cur = i
	m.Clock = m.Clock.Show(m.Kind(), now)
	s := &m.Rec.Session
	s.Position = store.Position{Stage: StageOf(m.Page()), Page: m.Page().Key}
	s.Total = len(m.Pages)
	s.Seen = max(s.Seen, m.Cur+1)
	return []store.Change{m.header()}, true
}

// ChoosePath sets the way through the guide from the content note and
// goes on to its first page. A meeting length already set is shared again
// among the parts the path shows, so that the gentler path's minutes are
// not planned for a part it skips.
func (m *Meeting) ChoosePath(path store.Path, now time.Time) []store.Change {
	if path != m.Rec.Session.Path {
		m.Rec.Session.Path = path
		m.Pages = WithRevisit(PagesOf(m.Guide, m.Rec.Session), !m.Carry.Empty())
	}
	if total := BudgetTotal(m.Rec.Session.Budget); total > 0 {
		m.Rec.Session.Budget = ScaleBudgetFor(m.Guide, path, total)
	}
	cs, _ := m.GoTo(1, now)
	return cs
}

// Note is the note a view has on the page on screen.
func (m *Meeting) Note(leader bool) store.Note {
	return m.Rec.Notes[NoteKey(m.Page(), leader)]
}

// SetNote puts typed text into the note the view writes on the page on
// screen. Nothing changes when the text is the same, or when it is over
// MaxText: SetNoteChecked says so, and front ends call it instead.
func (m *Meeting) SetNote(leader bool, text string, now time.Time) []store.Change {
	cs, _ := m.SetNoteChecked(leader, text, now)
	return cs
}

func (m *Meeting) setNote(key string, kind store.NoteKind, text string, now time.Time) []store.Change {
	old, ok := m.Rec.Notes[key]
	if ok && old.Text == text || !ok && text == "" {
		return nil
	}
	n := store.Note{Key: key, Kind: kind, Text: text, Updated: now}
	if text != "" {
		n.Passed = false
	} else {
		n.Passed = old.Passed
	}
	m.Rec.Notes[key] = n
	return []store.Change{{SessionID: m.ID(), Notes: []store.Note{n}}}
}

// AppendNote adds a line to the group's note on the page (plain mode types
// a note a line at a time). A note that would go over MaxText is left as
// it was, and the error (a *TooLongError) is the sentence to show.
func (m *Meeting) AppendNote(line string, now time.Time) ([]store.Change, error) {
	text := line
	if old := m.Note(false).Text; old != "" {
		text = old + "\n" + line
	}
	return m.SetNoteChecked(false, text, now)
}

// CanPass reports whether the page is a prompt the group may pass.
func (m *Meeting) CanPass() bool { return m.Page().Kind == PagePrompt }

// Passed reports whether the group passed the prompt on screen.
func (m *Meeting) Passed() bool { return m.Note(false).Passed }

// TogglePass records that the group passes the prompt on screen, or takes
// that back. A passed prompt is shown as passed, never as missing. Passing
// keeps any text already written.
func (m *Meeting) TogglePass(now time.Time) []store.Change {
	if !m.CanPass() {
		return nil
	}
	p := m.Page()
	n := m.Rec.Notes[p.Key]
	n.Key, n.Kind, n.Updated = p.Key, store.NoteResponse, now
	n.Passed = !n.Passed
	m.Rec.Notes[p.Key] = n
	return []store.Change{{SessionID: m.ID(), Notes: []store.Note{n}}}
}

// ToggleGuidePrayed marks the guide's prayer request on screen prayed, or
// not.
func (m *Meeting) ToggleGuidePrayed(now time.Time) []store.Change {
	sec, ok := m.Section()
	if !ok || !m.OnGuideRequest() {
		return nil
	}
	s := &m.Rec.Session
	if _, was := s.Prayed[sec.ID]; was {
		s.Prayed = maps.Clone(s.Prayed)
		delete(s.Prayed, sec.ID)
	} else {
		s.Prayed = maps.Clone(s.Prayed)
		if s.Prayed == nil {
			s.Prayed = map[string]time.Time{}
		}
		s.Prayed[sec.ID] = now
	}
	return []store.Change{m.header()}
}

// SetAttendance records who is here (names or initials; optional).
func (m *Meeting) SetAttendance(who string) []store.Change {
	if who == m.Rec.Session.Attendance {
		return nil
	}
	m.Rec.Session.Attendance = who
	return []store.Change{m.header()}
}

// SetMeetingLength shares a meeting of total minutes between the parts
// the session's path shows; 0 goes back to the guide's suggested minutes.
func (m *Meeting) SetMeetingLength(total int) []store.Change {
	if total <= 0 {
		m.Rec.Session.Budget = nil
	} else {
		m.Rec.Session.Budget = ScaleBudgetFor(m.Guide, pathOf(m.Rec.Session), total)
	}
	return []store.Change{m.header()}
}

// MeetingLength is the minutes the meeting plans in all.
func (m *Meeting) MeetingLength() int {
	total := 0
	for _, v := range Planned(m.Guide, m.Rec.Session) {
		total += v
	}
	return total
}

// Final is everything to write when the program ends: the whole record,
// with the time counted up to now, and every request of an earlier
// session this meeting changed.
func (m *Meeting) Final(now time.Time) []store.Change {
	m.Tick(now)
	c := m.header()
	for _, k := range sortedKeys(m.Rec.Notes) {
		c.Notes = append(c.Notes, m.Rec.Notes[k])
	}
	c.Requests = append(c.Requests, m.Rec.Requests...)
	c.Commitments = append(c.Commitments, m.Rec.Commitments...)
	return append([]store.Change{c}, m.earlierChanges(m.touched)...)
}

func copySession(s store.Session) store.Session {
	s.Prayed = maps.Clone(s.Prayed)
	s.Spent = maps.Clone(s.Spent)
	s.Budget = maps.Clone(s.Budget)
	if s.Revisited != nil {
		s.Revisited = append([]store.Revisit(nil), s.Revisited...)
	}
	return s
}
