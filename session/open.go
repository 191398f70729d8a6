package session

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"strings"
	"time"

	"vigil/guides"
	"vigil/store"
)

// Opened is a session ready to show: its record and its guide.
type Opened struct {
	Record store.Record
	Guide  *guides.Guide
	// Notice is a sentence to show as the session opens, such as that its
	// guide has changed since; "" for none.
	Notice string
}

// Start is what a new session is asked for.
type Start struct {
	Group string
	Title string
	// Alone starts one person's reflection: no group, one private view.
	Alone bool
	Now   time.Time
}

// ErrAloneWithGroup is NewSession's answer to a session asked for both
// alone and with a group.
var ErrAloneWithGroup = errors.New("a session is either one person's alone or a group's, not both")

// NewSession creates a session of a guide in the store, positioned at the
// content note, and keeps a copy of the guide's text with it (one copy per
// distinct text), so that the session can be shown as it was held after
// the guide file changes. A group's next meeting starts with the last
// meeting's length and attendees, which the content note lets the leader
// change.
func NewSession(st *store.Store, g *guides.Guide, s Start) (*Opened, error) {
	if s.Alone && strings.TrimSpace(s.Group) != "" {
		return nil, ErrAloneWithGroup
	}
	pages := buildPages(g, store.PathFull, s.Alone)
	hash := GuideHash(g)
	// The copy goes first, so that no session is left without its guide
	// text if the second write fails. A guide made in code, not read from
	// a file, has no text to keep.
	if len(g.Source) > 0 {
		if err := st.KeepGuide(hash, g.Source); err != nil {
			return nil, err
		}
	}
	sess := store.Session{
		GuideID:    g.Meta.ID,
		GuideHash:  hash,
		GuideTitle: g.Meta.Title,
		Group:      s.Group,
		Alone:      s.Alone,
		Title:      s.Title,
		Created:    s.Now,
		Updated:    s.Now,
		Path:       store.PathFull,
		Position:   store.Position{Stage: store.StageContentNote, Page: KeyContentNote},
		Seen:       1,
		Total:      len(pages),
	}
	prev, found, err := st.PreviousInGroup(s.Group, sess)
	if err != nil {
		return nil, err
	}
	if found {
		sess.Attendance = prev.Session.Attendance
		if prev.Session.GuideID == g.Meta.ID && len(prev.Session.Budget) > 0 {
			sess.Budget = maps.Clone(prev.Session.Budget)
		}
	}
	created, err := st.CreateSession(sess)
	if err != nil {
		return nil, err
	}
	return &Opened{Record: store.Record{Session: created, Notes: map[string]store.Note{}}, Guide: g}, nil
}

// Resume is ResumeStatus by its older name. Only tests call it; new code
// calls ResumeStatus.
func Resume(st *store.Store, lib guides.Library, id uint64) (*Opened, error) {
	return ResumeStatus(st, lib, id)
}

// ResumeStatus loads a session and the guide it was held with. That is the
// guide of the same id in the library, when its text is unchanged; else the
// copy of the text the store kept when the session began (the guide has
// changed or is no longer installed). Opened.Notice says which, for the
// screen to show, and is "" when the guide is as it was. A session whose
// guide changed and has no kept copy (one from before copies were kept, or
// imported) opens with the guide as it is now, and the notice says so.
func ResumeStatus(st *store.Store, lib guides.Library, id uint64) (*Opened, error) {
	rec, err := st.Load(id)
	if err != nil {
		return nil, err
	}
	sess := rec.Session
	current := LibraryGuide(lib, sess.GuideID)
	if current != nil && (sess.GuideHash == "" || GuideHash(current) == sess.GuideHash) {
		return &Opened{Record: rec, Guide: current}, nil
	}
	kept, err := keptGuide(st, sess)
	if err != nil {
		return nil, err
	}
	name := guideName(sess, kept, current)
	switch {
	case kept != nil && current != nil:
		return &Opened{Record: rec, Guide: kept, Notice: fmt.Sprintf(
			"The guide %s has changed since this session; it is shown as it was then.", name)}, nil
	case kept != nil:
		return &Opened{Record: rec, Guide: kept, Notice: fmt.Sprintf(
			"The guide %s is no longer installed; it is shown as it was when this session used it.", name)}, nil
	case current != nil:
		return &Opened{Record: rec, Guide: current, Notice: fmt.Sprintf(
			"The guide %s has changed since this session, and no copy of it as it was is kept; it is shown as it is now.", name)}, nil
	}
	return nil, fmt.Errorf("session %d used the guide %s (id %s), which is no longer installed; put its file back in the guides folder (`vigil guides` shows where that is)", id, name, OneLine(sess.GuideID))
}

// LibraryGuide returns the library's guide with the given id, or nil. It
// matches ids only: an id from the store never makes vigil read a file.
func LibraryGuide(lib guides.Library, id string) *guides.Guide {
	for _, g := range lib.Guides {
		if g.Meta.ID == id {
			return g
		}
	}
	return nil
}

// keptGuide parses the copy of the session's guide that the store kept, or
// returns nil when there is none, or when it no longer parses (a later
// vigil may check guides more strictly).
func keptGuide(st *store.Store, sess store.Session) (*guides.Guide, error) {
	if sess.GuideHash == "" {
		return nil, nil
	}
	src, err := st.GuideCopy(sess.GuideHash)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	g, err := guides.Parse(sess.GuideID+".md (the copy kept with the session)", src)
	if err != nil {
		return nil, nil
	}
	return g, nil
}

// guideName is the guide's title in quotation marks, for the sentences,
// cleaned: the session's copy of it comes from the database.
func guideName(sess store.Session, gs ...*guides.Guide) string {
	title := OneLine(sess.GuideTitle)
	for _, g := range gs {
		if title == "" && g != nil {
			title = OneLine(g.Meta.Title)
		}
	}
	if title == "" {
		title = OneLine(sess.GuideID)
	}
	return "“" + title + "”"
}

// GuideHash is the SHA-256 of a guide's file, in hex: how a session knows
// whether its guide has changed since.
func GuideHash(g *guides.Guide) string {
	sum := sha256.Sum256(g.Source)
	return hex.EncodeToString(sum[:])
}
