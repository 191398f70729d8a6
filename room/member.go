package room

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"charm.land/ssh"

	"vigil/session"
)

// mailbox holds at most one value: a newer one replaces one not yet
// taken, so putting never waits.
type mailbox[T any] chan T

func newMailbox[T any]() mailbox[T] { return make(mailbox[T], 1) }

func (b mailbox[T]) put(v T) {
	for {
		select {
		case b <- v:
			return
		default:
		}
		select {
		case <-b:
		default:
		}
	}
}

// member is one person in the room, with what the leader hands them.
type member struct {
	person Person // Name changes under Room.mu
	plain  bool
	frames mailbox[Frame]
	wins   mailbox[ssh.Window] // the session's window changes, set by handle
	ended  chan string         // why they leave: the first reason given
	ctx    context.Context
	cancel context.CancelFunc
	conn   io.Closer
	sent   []time.Time // what they sent in the last RateWindow; under Room.mu

	reason  string // under timerMu
	endOnce sync.Once
	timer   *time.Timer
	timerMu sync.Mutex
}

// end asks the member's program to say why and close; after grace, the
// program is stopped and the connection closed whatever it is doing.
func (m *member) end(reason string, grace time.Duration) {
	m.endOnce.Do(func() {
		m.timerMu.Lock()
		m.reason = reason
		m.ended <- reason
		m.timer = time.AfterFunc(grace, func() {
			m.cancel()
			_ = m.conn.Close()
		})
		m.timerMu.Unlock()
	})
}

func (m *member) endReason() string {
	m.timerMu.Lock()
	defer m.timerMu.Unlock()
	return m.reason
}

func (m *member) stopTimer() {
	m.timerMu.Lock()
	if m.timer != nil {
		m.timer.Stop()
	}
	m.timerMu.Unlock()
}

var (
	errFull   = errors.New(FullText)
	errClosed = errors.New(EndedText)
)

// join lets someone into the room, or says why not. The room waits for
// everyone who joined on Close.
func (r *Room) join(sess ssh.Session, role Role, plain bool) (*member, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil, errClosed
	}
	if len(r.members) >= r.cfg.MaxParticipants {
		return nil, errFull
	}
	r.nextID++
	p := Person{ID: r.nextID, Role: role, Since: r.cfg.Now()}
	if role == RoleScreen {
		r.screens++
		p.Name = fmt.Sprintf("screen %d", r.screens)
	} else {
		r.guests++
		p.Name = fmt.Sprintf("guest %d", r.guests)
	}
	ctx, cancel := context.WithCancel(sess.Context())
	m := &member{
		person: p, plain: plain,
		frames: newMailbox[Frame](),
		ended:  make(chan string, 1), ctx: ctx, cancel: cancel,
		conn: connOf(sess),
	}
	m.frames.put(r.frame)
	r.members[p.ID] = m
	r.wg.Add(1)
	r.logs.printf("%s joined as %s (%d) from %s", p.Name, role, p.ID, hostOf(sess.RemoteAddr()))
	return m, nil
}

// leave takes someone out of the room.
func (r *Room) leave(m *member) {
	m.stopTimer()
	m.cancel()
	r.mu.Lock()
	delete(r.members, m.person.ID)
	r.mu.Unlock()
	r.logs.printf("%s (%d) left", m.person.Name, m.person.ID)
	r.wg.Done()
}

func connOf(sess ssh.Session) io.Closer {
	if c, ok := sess.Context().Value(ssh.ContextKeyConn).(io.Closer); ok {
		return c
	}
	return sess
}

// name is the member's display name now.
func (r *Room) name(m *member) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return m.person.Name
}

// setName changes the member's display name; it returns the name kept.
func (r *Room) setName(m *member, name string) string {
	name = capRunes(session.OneLine(name), MaxName)
	r.mu.Lock()
	defer r.mu.Unlock()
	if name != "" {
		m.person.Name = name
	}
	return m.person.Name
}

// submit puts what a participant sent in the leader's inbox, and says
// what became of it, in a sentence for the participant. It never waits.
func (r *Room) submit(m *member, kind Kind, text string, private, named bool, pageKey string) string {
	text = capRunes(strings.TrimSpace(session.Clean(text)), MaxSent)
	if text == "" {
		return "There was nothing to send."
	}
	now := r.cfg.Now()
	r.mu.Lock()
	i := 0
	for i < len(m.sent) && now.Sub(m.sent[i]) >= RateWindow {
		i++
	}
	m.sent = m.sent[i:]
	if len(m.sent) >= RateLimit {
		r.mu.Unlock()
		return fmt.Sprintf("You have sent %d in the last minute; please wait a little before sending more.", RateLimit)
	}
	m.sent = append(m.sent, now)
	in := Incoming{From: m.person, Kind: kind, Text: text, Private: private, Named: named, PageKey: pageKey, At: now}
	r.mu.Unlock()
	select {
	case r.inbox <- in:
	default:
		return "The leader has many messages waiting; please try again in a moment."
	}
	switch {
	case kind == Response:
		return "Your response went to the leader."
	case private:
		return "Your request went to the leader only."
	}
	return "Your request went to the leader, who may share it with the room."
}

// capRunes keeps the first n runes of s.
func capRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}
