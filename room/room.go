// Package room is the SSH front end of a meeting: participants and a
// second screen join the leader's session over SSH with a join code, in the
// leader's process. The leader hands the room each page as a Frame built
// from the session's Shared view (FrameOf); what participants send comes
// back through Inbox, and changes nothing until the leader accepts it.
//
// The leader never waits for a participant: Show puts the frame in a
// one-slot mailbox per participant (a newer frame replaces one not yet
// taken), and the participant's own session goroutine takes it and
// draws it on their terminal (screen.go): no bubbletea program per
// participant, so a page change costs a render per width, not per person.
package room

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"

	"vigil/session"
)

// Config is how a room is opened. Zero fields take the defaults.
type Config struct {
	// Addr is where the room listens: host:port; "127.0.0.1:2323" by
	// default. Port 0 picks a free port (Info says which).
	Addr string
	// DataDir holds the host key, in DataDir/room/ssh_host_ed25519_key
	// (the folder 0700, the key 0600), made once and kept.
	DataDir string
	// LogPath is the room's log file (beside the database). Nothing the
	// room or the SSH library logs reaches the leader's screen.
	LogPath string
	// MaxParticipants caps the people in the room, screens included;
	// 30 by default.
	MaxParticipants int
	// IdleTimeout ends a connection with no traffic at all for this long;
	// 2 hours by default. Any traffic counts, so it only reaps dead
	// connections.
	IdleTimeout time.Duration
	// LoginDeadline is how long a connection has to give a join code;
	// 30 seconds by default.
	LoginDeadline time.Duration
	// Help is what participants see when they press H: the guide's help
	// resources (session.HelpOf).
	Help session.Help
	// ContentNote is the guide's content note (ContentNoteOf): a
	// participant who arrives when the group is past it reads it first.
	// Empty, they go straight to the page on screen.
	ContentNote Frame
	// Now is the clock; time.Now by default.
	Now func() time.Time

	// Knobs for tests: the pause after a wrong code, and the per-address
	// limit on wrong codes within a window.
	failDelay   time.Duration
	maxFailures int
	failWindow  time.Duration
	// panicOn makes participant 1's program panic on a frame with this
	// title: a test of what a panic ends.
	panicOn string
	// endGrace is how long a participant's program has to say goodbye
	// before its connection is closed.
	endGrace time.Duration
}

// Defaults.
const (
	DefaultAddr            = "127.0.0.1:2323"
	DefaultMaxParticipants = 30
	DefaultIdleTimeout     = 2 * time.Hour
	DefaultLoginDeadline   = 30 * time.Second
	// MaxSent is the most runes a request or response from a participant
	// keeps: far below session.MaxText, which bounds what the leader types.
	MaxSent = 2000
	// MaxName is the most runes a display name keeps.
	MaxName = 40
	// RateLimit is how many requests and responses one participant may
	// send in RateWindow.
	RateLimit  = 5
	RateWindow = time.Minute
	inboxSize  = 256
	maxPending = 64 // connections not yet in the room
)

func (c Config) withDefaults() Config {
	if c.Addr == "" {
		c.Addr = DefaultAddr
	}
	if c.MaxParticipants <= 0 {
		c.MaxParticipants = DefaultMaxParticipants
	}
	if c.IdleTimeout <= 0 {
		c.IdleTimeout = DefaultIdleTimeout
	}
	if c.LoginDeadline <= 0 {
		c.LoginDeadline = DefaultLoginDeadline
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.failDelay == 0 {
		c.failDelay = time.Second
	}
	if c.maxFailures == 0 {
		c.maxFailures = 10
	}
	if c.failWindow == 0 {
		c.failWindow = 10 * time.Minute
	}
	if c.endGrace == 0 {
		c.endGrace = 2 * time.Second
	}
	if len(c.Help.Lines) == 0 {
		c.Help = session.HelpOf(nil)
	}
	return c
}

// Room is an open room.
type Room struct {
	cfg      Config
	srv      *ssh.Server
	ln       net.Listener
	info     Info
	codes    [2][]byte // participant, screen
	logs     *logSink
	fails    *failures
	renders  *renderCache
	inbox    chan Incoming
	done     chan struct{}
	served   chan struct{}
	wg       sync.WaitGroup
	conns    chan struct{} // a token per open connection
	closeOne sync.Once

	mu      sync.Mutex
	closed  bool
	members map[uint64]*member
	nextID  uint64
	guests  int
	screens int
	frame   Frame
	seq     uint64
}

// Open opens a room: makes or reads the host key, makes the join codes
// and starts listening. The room runs until Close.
func Open(cfg Config) (*Room, error) {
	cfg = cfg.withDefaults()
	if cfg.DataDir == "" {
		return nil, errors.New("the room needs a data directory for its host key")
	}
	keyPEM, signer, err := hostKey(filepath.Join(cfg.DataDir, "room"))
	if err != nil {
		return nil, err
	}
	logs, err := openLog(cfg.LogPath)
	if err != nil {
		return nil, err
	}
	r := &Room{
		cfg:     cfg,
		logs:    logs,
		fails:   newFailures(cfg.maxFailures, cfg.failWindow),
		renders: newRenderCache(),
		inbox:   make(chan Incoming, inboxSize),
		done:    make(chan struct{}),
		served:  make(chan struct{}),
		conns:   make(chan struct{}, cfg.MaxParticipants+maxPending),
		members: map[uint64]*member{},
		frame:   Frame{Title: WaitingText},
	}
	for i := range r.codes {
		if r.codes[i], err = newCode(); err != nil {
			logs.close()
			return nil, err
		}
	}
	r.srv, err = wish.NewServer(
		wish.WithHostKeyPEM(keyPEM),
		wish.WithVersion("vigil"),
		wish.WithIdleTimeout(cfg.IdleTimeout),
	)
	if err != nil {
		logs.close()
		return nil, fmt.Errorf("set up the room's SSH server: %w", err)
	}
	r.secure()
	r.srv.Handler = r.handle

	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		logs.close()
		return nil, fmt.Errorf("open the room on %s: %w", cfg.Addr, err)
	}
	r.ln = ln
	r.info = r.makeInfo(signer)
	r.logs.printf("room open on %s", r.info.Addr)
	go func() {
		defer close(r.served)
		err := r.srv.Serve(ln)
		if err != nil && !errors.Is(err, ssh.ErrServerClosed) && !errors.Is(err, net.ErrClosed) {
			r.logs.printf("room stopped listening: %v", err)
		}
	}()
	return r, nil
}

func (r *Room) makeInfo(signer gossh.Signer) Info {
	addr := r.ln.Addr().(*net.TCPAddr)
	host, _, _ := net.SplitHostPort(r.cfg.Addr)
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = addr.IP.String()
	}
	in := Info{
		Addr:            net.JoinHostPort(host, fmt.Sprint(addr.Port)),
		Host:            host,
		Port:            addr.Port,
		ParticipantCode: string(r.codes[0]),
		ScreenCode:      string(r.codes[1]),
		Fingerprint:     gossh.FingerprintSHA256(signer.PublicKey()),
	}
	in.Command = fmt.Sprintf("ssh -p %d %s", in.Port, hostForCommand(host))
	if addr.IP.IsLoopback() {
		in.Exposure = "The room listens on this computer only: people join from terminals on this computer."
	} else {
		in.Exposure = fmt.Sprintf("The room listens on %s, beyond this computer: anyone on the network who has the join code can join.", in.Addr)
	}
	return in
}

func hostForCommand(h string) string {
	if ip := net.ParseIP(h); ip != nil && ip.To4() == nil {
		return "[" + h + "]"
	}
	return h
}

// Info is where the room is and how to join it.
func (r *Room) Info() Info { return r.info }

// Inbox is what participants send, for the leader. It is closed by Close.
func (r *Room) Inbox() <-chan Incoming { return r.inbox }

// Show hands a frame to everyone in the room. It never waits for anyone:
// each person has a one-slot mailbox, and a newer frame replaces one they
// have not taken yet.
func (r *Room) Show(f Frame) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return
	}
	r.seq++
	f.Seq = r.seq
	r.frame = f
	for _, m := range r.members {
		m.frames.put(f)
	}
}

// People is everyone in the room, in the order they came.
func (r *Room) People() []Person {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]Person, 0, len(r.members))
	for _, m := range r.members {
		out = append(out, m.person)
	}
	slices.SortFunc(out, func(a, b Person) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// Remove tells someone "the leader has removed you from the room" and
// disconnects them. It waits for nothing, the log file included: the
// leader's screens call it on their Update path.
func (r *Room) Remove(id uint64) bool {
	r.mu.Lock()
	m, ok := r.members[id]
	var name string
	if ok {
		name = m.person.Name // it changes under r.mu
	}
	r.mu.Unlock()
	if ok {
		m.end(RemovedText, r.cfg.endGrace)
		// Not goDo: Close need not wait for a log line, and a closed
		// log takes it as written.
		go func() {
			defer r.logs.recoverPanic("logging a removal")
			r.logs.printf("leader removed %s (%d)", name, id)
		}()
	}
	return ok
}

// Close tells everyone "The meeting has ended.", disconnects them with
// their terminals restored, stops listening and waits for every goroutine
// of the room to end. It closes Inbox. Calling it again does nothing.
func (r *Room) Close() error {
	r.closeOne.Do(func() {
		r.mu.Lock()
		r.closed = true
		ms := make([]*member, 0, len(r.members))
		for _, m := range r.members {
			ms = append(ms, m)
		}
		r.mu.Unlock()
		close(r.done) // wrong-code pauses end now
		// Stop listening and let Serve return before Shutdown: Serve
		// counts its listener in a wait group that Shutdown waits on,
		// and the two must not race when a room closes as it opens.
		_ = r.ln.Close()
		<-r.served
		for _, m := range ms {
			m.end(EndedText, r.cfg.endGrace)
		}
		// Give the goodbyes their grace, then close what is left.
		ctx, cancel := context.WithTimeout(context.Background(), r.cfg.endGrace+time.Second)
		if err := r.srv.Shutdown(ctx); err != nil {
			_ = r.srv.Close()
		}
		cancel()
		r.wg.Wait()
		close(r.inbox)
		r.logs.printf("room closed")
		r.logs.close()
	})
	return nil
}

// goDo runs fn on a goroutine the room waits for on Close; a panic in it
// is logged and ends only that goroutine.
func (r *Room) goDo(what string, fn func()) {
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		defer r.logs.recoverPanic(what)
		fn()
	}()
}

// ensure the log file's directory exists with sensible permissions.
func mkdirFor(path string) error {
	if path == "" {
		return nil
	}
	return os.MkdirAll(filepath.Dir(path), 0o700)
}
