package tui

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"vigil/guides"
	"vigil/store"
)

// NewSession creates a session of a guide in the store, positioned at the
// content note. cmd/vigil calls it for `vigil new`; the home screen calls it
// from a command.
func NewSession(st *store.Store, g *guides.Guide, group, title string, now time.Time) (*Opened, error) {
	pages := buildPages(g, store.PathFull)
	s, err := st.CreateSession(store.Session{
		GuideID:    g.Meta.ID,
		GuideHash:  GuideHash(g),
		GuideTitle: g.Meta.Title,
		Group:      group,
		Title:      title,
		Created:    now,
		Updated:    now,
		Path:       store.PathFull,
		Position:   store.Position{Stage: store.StageContentNote, Page: keyContentNote},
		Seen:       1,
		Total:      len(pages),
	})
	if err != nil {
		return nil, err
	}
	return &Opened{Record: store.Record{Session: s, Notes: map[string]store.Note{}}, Guide: g}, nil
}

// Resume loads a session and finds its guide in the library.
func Resume(st *store.Store, lib guides.Library, id uint64) (*Opened, error) {
	rec, err := st.Load(id)
	if err != nil {
		return nil, err
	}
	g, err := lib.Find(rec.Session.GuideID)
	if err != nil {
		return nil, fmt.Errorf("session %d used the guide %q, which is not installed: %w", id, rec.Session.GuideID, err)
	}
	return &Opened{Record: rec, Guide: g}, nil
}

// GuideHash is the SHA-256 of a guide's file, in hex: how a session knows
// whether its guide has changed since.
func GuideHash(g *guides.Guide) string {
	sum := sha256.Sum256(g.Source)
	return hex.EncodeToString(sum[:])
}
