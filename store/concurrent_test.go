package store

import (
	"errors"
	"fmt"
	"sync"
	"testing"
)

// TestConcurrentUse calls the store the way bubbletea does, from a goroutine
// per tea.Cmd, while DeleteSession swaps the file underneath. Run with -race.
func TestConcurrentUse(t *testing.T) {
	s, c := openTest(t)
	var ids []uint64
	for i := 0; i < 8; i++ {
		sess, err := s.CreateSession(fullSession(c))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, sess.ID)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for w, id := range ids[:4] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				note := Note{Key: fmt.Sprintf("k%d", i%3), Text: fmt.Sprintf("writer %d edit %d", w, i)}
				if err := s.Apply(Change{SessionID: id, Notes: []Note{note}}); err != nil {
					errs <- err
					return
				}
				if _, err := s.Load(id); err != nil {
					errs <- err
					return
				}
				if _, err := s.Sessions(5); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, id := range ids[4:] {
			if err := s.DeleteSession(id); err != nil {
				errs <- err
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for _, id := range ids[:4] {
		rec, err := s.Load(id)
		if err != nil || rec.Notes["k1"].Text == "" {
			t.Errorf("session %d: %+v, %v", id, rec.Notes, err)
		}
	}
	if _, err := s.Load(ids[7]); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted session: %v", err)
	}
}
