package room

import (
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// CodeAlphabet is what join codes are made of: no 0, O, 1, I or l, which
// are easy to mistake for one another when read aloud or off a wall.
const CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// CodeLength is how many characters a join code has.
const CodeLength = 6

// MaxAuthTries is how many codes one connection may try.
const MaxAuthTries = 3

// newCode makes a join code from crypto/rand, without bias.
func newCode() ([]byte, error) {
	code := make([]byte, 0, CodeLength)
	buf := make([]byte, 16)
	limit := byte(256 - 256%len(CodeAlphabet))
	for len(code) < CodeLength {
		if _, err := rand.Read(buf); err != nil {
			return nil, fmt.Errorf("make a join code: %w", err)
		}
		for _, b := range buf {
			if b < limit && len(code) < CodeLength {
				code = append(code, CodeAlphabet[int(b)%len(CodeAlphabet)])
			}
		}
	}
	return code, nil
}

// normalCode is a typed code as it is compared: spaces and dashes out,
// upper case, so "abc-234" is ABC234.
func normalCode(s string) []byte {
	s = strings.ToUpper(strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, s))
	return []byte(s)
}

type (
	roleKey  struct{}
	countKey struct{}
)

// roleFor is the role a code gives, or 0. Both codes are compared, each
// in constant time, so the time taken says nothing about either.
func (r *Room) roleFor(typed string) Role {
	t := normalCode(typed)
	p := subtle.ConstantTimeCompare(t, r.codes[0])
	s := subtle.ConstantTimeCompare(t, r.codes[1])
	switch {
	case p == 1:
		return RoleParticipant
	case s == 1:
		return RoleScreen
	}
	return 0
}

// check takes a typed code for a connection. A wrong code costs a pause
// and counts against the address.
func (r *Room) check(ctx ssh.Context, typed string) bool {
	host := hostOf(ctx.RemoteAddr())
	if r.fails.blocked(host, r.cfg.Now()) {
		return false
	}
	if role := r.roleFor(typed); role != 0 {
		ctx.SetValue(roleKey{}, role)
		return true
	}
	r.fails.add(host, r.cfg.Now())
	r.logs.printf("wrong join code from %s", host)
	t := time.NewTimer(r.cfg.failDelay)
	defer t.Stop()
	select {
	case <-t.C:
	case <-r.done:
	case <-ctx.Done():
	}
	return false
}

// secure sets every guard of the SSH server: only the join codes let
// anyone in; no public keys, forwarding, exec, subsystems or agent; a
// login deadline; a cap on connections; a server version that names vigil.
func (r *Room) secure() {
	s := r.srv
	s.PublicKeyHandler = nil
	s.PasswordHandler = func(ctx ssh.Context, password string) bool { return r.check(ctx, password) }
	s.KeyboardInteractiveHandler = func(ctx ssh.Context, ask gossh.KeyboardInteractiveChallenge) bool {
		answers, err := ask("", "Type the join code the leader gave you.", []string{"Join code: "}, []bool{false})
		if err != nil || len(answers) != 1 {
			return false
		}
		return r.check(ctx, answers[0])
	}
	s.ServerConfigCallback = func(ssh.Context) *gossh.ServerConfig {
		return &gossh.ServerConfig{MaxAuthTries: MaxAuthTries}
	}
	s.HandshakeTimeout = r.cfg.LoginDeadline
	s.Version = "vigil"
	s.ConnCallback = r.admit
	s.SessionRequestCallback = func(_ ssh.Session, requestType string) bool { return requestType == "shell" }
	s.PtyCallback = func(ssh.Context, ssh.Pty) bool { return true }
	s.LocalPortForwardingCallback = func(ssh.Context, string, uint32) bool { return false }
	s.ReversePortForwardingCallback = func(ssh.Context, string, uint32) bool { return false }
	s.ChannelHandlers = map[string]ssh.ChannelHandler{"session": r.sessionChannel}
	s.RequestHandlers = map[string]ssh.RequestHandler{}
	s.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
	s.ConnectionFailedCallback = func(c net.Conn, err error) {
		r.logs.printf("connection from %s ended before joining: %v", c.RemoteAddr(), err)
	}
}

// admit is the first word on a new connection: refused when the room is
// closing, when its address has given too many wrong codes, or when the
// room has too many connections.
func (r *Room) admit(ctx ssh.Context, c net.Conn) net.Conn {
	host := hostOf(c.RemoteAddr())
	select {
	case <-r.done:
		return nil
	default:
	}
	if r.fails.blocked(host, r.cfg.Now()) {
		r.logs.printf("refused %s: too many wrong join codes", host)
		return nil
	}
	select {
	case r.conns <- struct{}{}:
	default:
		r.logs.printf("refused %s: too many connections", host)
		return nil
	}
	ctx.SetValue(countKey{}, new(atomic.Int32))
	return &countedConn{Conn: c, release: func() { <-r.conns }}
}

// countedConn gives back its place among the room's connections once.
type countedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *countedConn) Close() error {
	c.once.Do(c.release)
	return c.Conn.Close()
}

// sessionChannel opens at most one session per connection, and takes out
// the requests the room never grants before the SSH library sees them:
// agent forwarding and X11.
func (r *Room) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	if n, ok := ctx.Value(countKey{}).(*atomic.Int32); !ok || n.Add(1) > 1 {
		_ = nc.Reject(gossh.Prohibited, "one session per connection")
		return
	}
	ssh.DefaultSessionHandler(srv, conn, filtered{NewChannel: nc, r: r}, ctx)
}

type filtered struct {
	gossh.NewChannel
	r *Room
}

func (f filtered) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, in, err := f.NewChannel.Accept()
	if err != nil {
		return ch, in, err
	}
	out := make(chan *gossh.Request)
	f.r.goDo("session requests", func() {
		defer close(out)
		for req := range in {
			switch req.Type {
			case "auth-agent-req@openssh.com", "x11-req", "exec", "subsystem":
				if req.WantReply {
					_ = req.Reply(false, nil)
				}
				continue
			}
			out <- req
		}
	})
	return ch, out, nil
}

func hostOf(a net.Addr) string {
	if a == nil {
		return ""
	}
	if h, _, err := net.SplitHostPort(a.String()); err == nil {
		return h
	}
	return a.String()
}

// failures counts wrong codes per address in a sliding window.
type failures struct {
	mu     sync.Mutex
	max    int
	window time.Duration
	by     map[string][]time.Time
}

func newFailures(max int, window time.Duration) *failures {
	return &failures{max: max, window: window, by: map[string][]time.Time{}}
}

func (f *failures) prune(host string, now time.Time) []time.Time {
	ts := f.by[host]
	i := 0
	for i < len(ts) && now.Sub(ts[i]) >= f.window {
		i++
	}
	ts = ts[i:]
	if len(ts) == 0 {
		delete(f.by, host)
		return nil
	}
	f.by[host] = ts
	return ts
}

func (f *failures) add(host string, now time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.by[host] = append(f.prune(host, now), now)
}

func (f *failures) blocked(host string, now time.Time) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.prune(host, now)) >= f.max
}
