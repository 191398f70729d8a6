package store

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"go.etcd.io/bbolt"
)

// A group is the sessions that share a group name. Names match without
// regard to case or to spaces at either end, as people type them.

// GroupSummary is one group for the home screen.
type GroupSummary struct {
	Name     string    // as the newest session spells it
	Sessions int       // how many sessions it has held
	Last     time.Time // when its newest session began
	Open     int       // its requests still open
	Private  int       // of those, the ones marked private
}

// GroupRequest is one of a group's requests with the session it was made in.
type GroupRequest struct {
	Group          string // as its session spells it
	SessionID      uint64
	SessionUID     string
	SessionCreated time.Time
	Request        Request
}

// SameGroup reports whether two group names name the same group: case
// and spaces at either end do not count, as people type them.
func SameGroup(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// eachGroupSession calls fn for every session that has a group, with its
// bucket, in ID order. A session whose header cannot be read is passed
// over, so that one damaged session never hides a group's others (Sessions
// and Damage name it).
func eachGroupSession(tx *bbolt.Tx, fn func(Session, *bbolt.Bucket) error) error {
	sessions := tx.Bucket(bucketSessions)
	c := sessions.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if v != nil {
			continue
		}
		sb := sessions.Bucket(k)
		sess, err := readSession(sb, btoi(k))
		if err != nil {
			continue
		}
		if strings.TrimSpace(sess.Group) == "" {
			continue
		}
		if err := fn(sess, sb); err != nil {
			return err
		}
	}
	return nil
}

// Groups returns every group, the most recently met first. It reads every
// session header once: it is for the home screen, run off the UI goroutine.
func (s *Store) Groups() ([]GroupSummary, error) {
	byKey := map[string]*GroupSummary{}
	err := s.view(func(tx *bbolt.Tx) error {
		return eachGroupSession(tx, func(sess Session, sb *bbolt.Bucket) error {
			key := strings.ToLower(strings.TrimSpace(sess.Group))
			g := byKey[key]
			if g == nil {
				g = &GroupSummary{}
				byKey[key] = g
			}
			g.Sessions++
			if !sess.Created.Before(g.Last) {
				g.Last, g.Name = sess.Created, strings.TrimSpace(sess.Group)
			}
			return forEachJSON(sb.Bucket(bucketRequests), func(r Request) {
				if r.Status == "" {
					g.Open++
					if r.Private {
						g.Private++
					}
				}
			})
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list groups in %s: %w", s.path, err)
	}
	out := make([]GroupSummary, 0, len(byKey))
	for _, g := range byKey {
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Last.Equal(out[j].Last) {
			return out[i].Last.After(out[j].Last)
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

// GroupRequests returns every request made in a group's sessions, open or
// closed, oldest session first; group "" gives every group's.
func (s *Store) GroupRequests(group string) ([]GroupRequest, error) {
	var out []GroupRequest
	err := s.view(func(tx *bbolt.Tx) error {
		return eachGroupSession(tx, func(sess Session, sb *bbolt.Bucket) error {
			if group != "" && !SameGroup(sess.Group, group) {
				return nil
			}
			return forEachJSON(sb.Bucket(bucketRequests), func(r Request) {
				out = append(out, GroupRequest{Group: sess.Group, SessionID: sess.ID, SessionUID: sess.UID, SessionCreated: sess.Created, Request: r})
			})
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read the requests of group %q in %s: %w", group, s.path, err)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].SessionCreated.Before(out[j].SessionCreated) })
	return out, nil
}

// GroupPrayed counts, for a group, in how many of its sessions each of the
// guide's own requests (by section ID) was marked prayed.
func (s *Store) GroupPrayed(group string) (map[string]int, error) {
	out := map[string]int{}
	err := s.view(func(tx *bbolt.Tx) error {
		return eachGroupSession(tx, func(sess Session, _ *bbolt.Bucket) error {
			if SameGroup(sess.Group, group) {
				for id := range sess.Prayed {
					out[id]++
				}
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("count the prayers of group %q in %s: %w", group, s.path, err)
	}
	return out, nil
}

// PreviousInGroup returns the newest session of a group held before the
// session before (by creation time, then ID), with its commitments, so a
// group's next meeting can start where the last one ended. found is false
// when the group has no earlier session.
func (s *Store) PreviousInGroup(group string, before Session) (prev Record, found bool, err error) {
	if strings.TrimSpace(group) == "" {
		return Record{}, false, nil
	}
	var best Session
	err = s.view(func(tx *bbolt.Tx) error {
		return eachGroupSession(tx, func(sess Session, _ *bbolt.Bucket) error {
			if !SameGroup(sess.Group, group) || sess.ID == before.ID || earlier(before, sess) {
				return nil
			}
			if !found || earlier(best, sess) {
				best, found = sess, true
			}
			return nil
		})
	})
	if err != nil {
		return Record{}, false, fmt.Errorf("read the last meeting of group %q in %s: %w", group, s.path, err)
	}
	if !found {
		return Record{}, false, nil
	}
	prev, err = s.Load(best.ID)
	return prev, err == nil, err
}

// earlier reports whether a was held before b: by creation time, then by
// ID. A session with no ID yet (not created) comes after every other.
func earlier(a, b Session) bool {
	if a.ID == 0 {
		return false
	}
	if !a.Created.Equal(b.Created) {
		return a.Created.Before(b.Created)
	}
	return a.ID < b.ID
}
