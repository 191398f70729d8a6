package room

import (
	"io"
	"strings"
	"sync"

	"charm.land/ssh"
	"github.com/charmbracelet/colorprofile"

	"vigil/guides"
)

// PlainUser is the user name that asks for line-by-line text (for a
// screen reader): "ssh plain@host".
const PlainUser = "plain"

// Terminal sequences written when a participant's program has ended, so
// that whatever happened their terminal is left usable: the cursor shown,
// the alternate screen left.
const restoreTerminal = "\x1b[?25h\x1b[?1049l"

// handle runs one participant's or screen's session. It is the room's own
// middleware in place of wish's bubbletea one: it draws on the session's
// own output in its colour profile (runScreen, or runPlain for a screen
// reader), hands frames through a one-slot mailbox, reads window changes
// until their channel closes (no busy loop on a closed channel), and keeps
// a panic to this participant.
func (r *Room) handle(sess ssh.Session) {
	pty, winch, hasPty := sess.Pty()
	var winBox mailbox[ssh.Window] // nil, never ready, without a terminal
	if winch != nil {
		// Window changes are read for the whole session, whatever
		// happens below: the SSH library blocks on a full channel. The
		// loop ends when the library closes winch with the session.
		winBox = newMailbox[ssh.Window]()
		go func() {
			for w := range winch {
				winBox.put(w)
			}
		}()
	}
	say := func(s string) { _, _ = io.WriteString(sess, s+"\r\n") }
	if !hasPty {
		say(NoPtyText)
		_ = sess.Exit(1)
		return
	}
	role, _ := sess.Context().Value(roleKey{}).(Role)
	if role == 0 {
		_ = sess.Exit(1)
		return
	}
	m, err := r.join(sess, role, sess.User() == PlainUser)
	if err != nil {
		say(err.Error())
		_ = sess.Exit(1)
		return
	}
	m.wins = winBox
	defer r.leave(m)
	reason := ""
	func() {
		defer func() {
			if v := recover(); v != nil {
				r.logs.printf("panic in the program of %s (%d): %v", m.person.Name, m.person.ID, v)
				reason = "Something went wrong on this screen; please join again."
			}
		}()
		if m.plain {
			reason = r.runPlain(sess, m, pty)
		} else {
			reason = r.runScreen(sess, m, pty)
		}
	}()
	if !m.plain {
		_, _ = io.WriteString(sess, restoreTerminal)
	}
	if reason != "" {
		say("")
		say(reason)
	}
}

// bodyWidth is the width page text is rendered at for a window.
func bodyWidth(w int) int {
	w -= 4
	return max(20, min(w, 100))
}

// styleFor picks the glamour style without asking the terminal anything:
// no colour for a terminal without it; light when the client says its
// background is light (COLORFGBG), else dark.
func styleFor(p colorprofile.Profile, env []string) string {
	if p <= colorprofile.Ascii {
		return "notty"
	}
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "COLORFGBG="); ok {
			if i := strings.LastIndexByte(v, ';'); i >= 0 && (v[i+1:] == "7" || v[i+1:] == "15") {
				return "light"
			}
		}
	}
	return "dark"
}

// renderCache renders each frame's Markdown once per width, style and
// colour profile, however many people are at that width. The text is
// brought down to the profile's colours here, once, not on every write.
type renderCache struct {
	mu        sync.Mutex
	seq       uint64
	out       map[renderKey]*rendered
	renderers map[rendererKey]*guides.Renderer
}

type renderKey struct {
	seq     uint64
	width   int
	style   string
	profile colorprofile.Profile
}

type rendererKey struct {
	width int
	style string
}

type rendered struct {
	once sync.Once
	text string
}

func newRenderCache() *renderCache {
	return &renderCache{out: map[renderKey]*rendered{}, renderers: map[rendererKey]*guides.Renderer{}}
}

// render is the frame's text at a width in a glamour style, its colours
// brought down to the profile; colorprofile.TrueColor keeps them as
// glamour made them.
func (c *renderCache) render(f Frame, width int, style string, profile colorprofile.Profile) string {
	if f.Markdown == "" {
		return ""
	}
	c.mu.Lock()
	if f.Seq > c.seq {
		c.seq = f.Seq
		for k := range c.out {
			if k.seq+1 < f.Seq {
				delete(c.out, k)
			}
		}
	}
	k := renderKey{f.Seq, width, style, profile}
	e := c.out[k]
	if e == nil {
		e = &rendered{}
		c.out[k] = e
	}
	rk := rendererKey{width, style}
	tr := c.renderers[rk]
	if tr == nil {
		var err error
		if tr, err = guides.NewRenderer(width, style); err != nil {
			c.mu.Unlock()
			return f.Markdown
		}
		if len(c.renderers) > 64 {
			clear(c.renderers)
		}
		c.renderers[rk] = tr
	}
	c.mu.Unlock()
	e.once.Do(func() {
		out, err := tr.Render(f.Markdown)
		if err != nil {
			out = f.Markdown
		}
		if profile != colorprofile.TrueColor {
			var b strings.Builder
			w := colorprofile.Writer{Forward: &b, Profile: profile}
			if _, err := io.WriteString(&w, out); err == nil {
				out = b.String()
			}
		}
		e.text = out
	})
	return e.text
}
