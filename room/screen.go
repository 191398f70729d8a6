package room

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"charm.land/ssh"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"vigil/session"
)

// A participant's or screen's terminal is drawn by the room itself, not
// by a bubbletea program: following the leader is by far the common case,
// and it needs no more than the page, rendered once per width, style and
// colour profile for everyone (renderCache), written whole to the SSH
// channel as one synchronized redraw. Keys are read by a small decoder
// (keyDecoder); the forms are a one-line editor drawn the same way. Each
// person costs a reader goroutine and the session's own goroutine, which
// draws; no cell buffers, no key tables, no frame-rate ticker.

// mode is what a participant's screen is doing. The zero value is the page.
type mode int

const (
	modePage     mode = iota
	modeNote          // the content note, for someone who arrived late
	modeHelp          // help and support resources
	modeFor           // a request: for the room or the leader only?
	modeText          // a request: its text
	modeNamed         // a request: with my name or without?
	modeResponse      // a response to the prompt on screen
	modeName          // choosing a display name
)

// Terminal sequences of the drawn screen.
const (
	enterScreen = "\x1b[?1049h\x1b[?25l" // the alternate screen, the cursor hidden
	syncStart   = "\x1b[?2026h\x1b[H"    // a synchronized update, from the top left
	syncEnd     = "\x1b[?2026l"
	eraseLine   = "\x1b[2K"
)

// SGR codes of the screen's own text.
const (
	sgrWhere  = "36" // cyan
	sgrTitle  = "1"  // bold
	sgrMuted  = "90" // grey
	sgrNotice = "33" // yellow
	sgrPause  = "3"  // italic
)

// view is one participant's or screen's terminal.
type view struct {
	r       *Room
	m       *member
	out     io.Writer
	screen  bool
	profile colorprofile.Profile
	style   string
	width   int
	height  int
	frame   Frame
	mode    mode
	off     int // the first body line shown
	input   []rune
	limit   int
	private bool   // the request being written is for the leader only
	draft   string // the request's text, while asking about the name
	page    string // the page a response is written on
	notice  string

	lines   []string // the body's lines for bodyFor
	bodyFor bodyKey
	buf     bytes.Buffer
}

// bodyKey is what the body's lines depend on.
type bodyKey struct {
	mode   mode
	seq    uint64
	paused bool
	width  int
	valid  bool
}

// runScreen draws the room on the session's terminal until the person
// leaves or is let go, and returns why, to say once the terminal is
// restored.
func (r *Room) runScreen(sess ssh.Session, m *member, pty ssh.Pty) string {
	env := append(sess.Environ(), "TERM="+pty.Term)
	profile := colorprofile.Env(env)
	v := &view{
		r: r, m: m, out: sess, screen: m.person.Role == RoleScreen,
		profile: profile, style: styleFor(profile, env),
	}
	v.resize(pty.Window.Width, pty.Window.Height)
	if !v.screen && r.cfg.ContentNote.Title != "" {
		v.mode = modeNote
	}
	keys := make(chan []keyPress)
	r.goDo("reading "+m.person.Name, func() { readKeys(sess, m, keys) })
	if _, err := io.WriteString(sess, enterScreen); err != nil {
		return LeftText
	}
	for {
		select {
		case <-m.ctx.Done():
			return v.ending("")
		case why := <-m.ended:
			return why
		case f := <-m.frames:
			v.show(f)
		case w := <-m.wins:
			if w.Width == v.width && w.Height == v.height {
				continue
			}
			v.resize(w.Width, w.Height)
		case ks, ok := <-keys:
			if !ok {
				// The input ended (a client without stdin sends EOF at
				// once): the screen goes on following until the
				// connection ends.
				keys = nil
				continue
			}
			for _, k := range ks {
				if v.key(k) {
					return v.ending(LeftText)
				}
			}
		}
		if err := v.draw(); err != nil {
			return v.ending("")
		}
	}
}

func (v *view) ending(why string) string {
	if r := v.m.endReason(); r != "" {
		return r
	}
	if why == "" {
		return LeftText
	}
	return why
}

// readKeys reads the session's input and hands on what was typed, a
// read's keys at a time, until the input ends or the person leaves.
func readKeys(sess ssh.Session, m *member, keys chan<- []keyPress) {
	defer close(keys)
	var d keyDecoder
	buf := make([]byte, 256)
	for {
		n, err := sess.Read(buf)
		if n > 0 {
			if ks := d.decode(buf[:n], nil); len(ks) > 0 {
				select {
				case keys <- ks:
				case <-m.ctx.Done():
					return
				}
			}
		}
		if err != nil {
			return
		}
	}
}

func (v *view) resize(w, h int) {
	if w <= 0 {
		w = 80
	}
	if h <= 0 {
		h = 24
	}
	v.width, v.height = w, h
}

// show takes the leader's new frame.
func (v *view) show(f Frame) {
	if t := v.r.cfg.panicOn; t != "" && f.Title == t && v.m.person.ID == 1 {
		panic("a test's panic")
	}
	if f.Key != v.frame.Key || f.Paused != v.frame.Paused {
		v.off = 0
	}
	v.frame = f
	if v.mode == modeNote && f.Key == v.r.cfg.ContentNote.Key {
		v.mode = modePage
	}
}

// key acts on one key press; it reports whether the person leaves.
func (v *view) key(k keyPress) (leave bool) {
	if v.screen {
		return k.kind == keyCtrlC || k.kind == keyRune && k.r == 'q'
	}
	if k.kind == keyCtrlC {
		return true
	}
	r := rune(0)
	if k.kind == keyRune {
		r = k.r
	}
	switch v.mode {
	case modeNote:
		switch {
		case k.kind == keyEnter:
			v.mode = modePage
		case r == 'q':
			return true
		default:
			v.scroll(k)
		}
	case modeHelp:
		switch {
		case k.kind == keyEsc, r == 'H', r == '?', r == 'q':
			v.mode, v.off = modePage, 0
		default:
			v.scroll(k)
		}
	case modeFor:
		switch {
		case r == '1', r == '2':
			v.private = r == '2'
			v.startTyping(modeText, MaxSent)
		case k.kind == keyEsc:
			v.mode = modePage
		}
	case modeNamed:
		switch {
		case r == 'y', r == 'n':
			v.notice = v.r.submit(v.m, Request, v.draft, v.private, r == 'y', v.frame.Key)
			v.draft, v.mode = "", modePage
		case k.kind == keyEsc:
			v.draft, v.mode = "", modePage
		}
	case modeText, modeResponse, modeName:
		v.typing(k)
	default:
		switch r {
		case 'H', '?':
			v.mode, v.notice, v.off = modeHelp, "", 0
		case 'r':
			v.mode, v.notice = modeFor, ""
		case 'w':
			if !v.frame.Prompt || v.frame.Paused {
				v.notice = "There is no prompt on screen to respond to."
				break
			}
			v.page = v.frame.Key
			v.startTyping(modeResponse, MaxSent)
		case 'n':
			v.notice = ""
			v.startTyping(modeName, MaxName)
		case 'q':
			return true
		default:
			v.scroll(k)
		}
	}
	return false
}

func (v *view) startTyping(to mode, limit int) {
	v.mode, v.limit = to, limit
	v.input = v.input[:0]
}

// typing edits the line being written: runes are cleaned as they come
// (no control characters, no bidirectional overrides) and capped.
func (v *view) typing(k keyPress) {
	switch k.kind {
	case keyEsc:
		v.mode = modePage
	case keyBackspace:
		if len(v.input) > 0 {
			v.input = v.input[:len(v.input)-1]
		}
	case keyRune:
		if len(v.input) >= v.limit {
			return
		}
		s := session.Clean(string(k.r))
		if s == "" || s == "\n" {
			return
		}
		for _, c := range s {
			v.input = append(v.input, c)
		}
	case keyEnter:
		text := strings.TrimSpace(string(v.input))
		v.input = v.input[:0]
		switch v.mode {
		case modeText:
			if text == "" {
				v.mode, v.notice = modePage, "Nothing was sent."
				break
			}
			v.draft, v.mode = text, modeNamed
		case modeResponse:
			v.notice = v.r.submit(v.m, Response, text, true, true, v.page)
			v.mode = modePage
		case modeName:
			v.notice = "You are " + v.r.setName(v.m, text) + " in the room."
			v.mode = modePage
		}
	}
}

// scroll moves the body; draw keeps the offset in range.
func (v *view) scroll(k keyPress) {
	h := v.bodyHeight(len(v.footer()))
	switch {
	case k.kind == keyUp, k.kind == keyRune && k.r == 'k':
		v.off--
	case k.kind == keyDown, k.kind == keyRune && k.r == 'j':
		v.off++
	case k.kind == keyPgUp, k.kind == keyRune && k.r == 'b':
		v.off -= h
	case k.kind == keyPgDown, k.kind == keyRune && (k.r == 'f' || k.r == ' '):
		v.off += h
	case k.kind == keyRune && k.r == 'u':
		v.off -= h / 2
	case k.kind == keyRune && k.r == 'd':
		v.off += h / 2
	case k.kind == keyHome, k.kind == keyRune && k.r == 'g':
		v.off = 0
	case k.kind == keyEnd, k.kind == keyRune && k.r == 'G':
		v.off = 1 << 30
	}
}

// bodyHeight is how many lines the body has: the window less the two
// header lines, the blank lines around the body and the footer.
func (v *view) bodyHeight(footer int) int {
	return max(1, v.height-4-footer)
}

// body is the body's lines for the mode, made again only when what they
// depend on changes.
func (v *view) body() []string {
	bw := bodyWidth(v.width)
	k := bodyKey{mode: v.mode, seq: v.frame.Seq, paused: v.frame.Paused, width: bw, valid: true}
	switch k.mode {
	case modeNote, modeHelp:
		k.seq, k.paused = 0, false
	default:
		k.mode = modePage
	}
	if k == v.bodyFor {
		return v.lines
	}
	var text string
	switch k.mode {
	case modeNote:
		text = v.r.renders.render(v.r.cfg.ContentNote, bw, v.style, v.profile) +
			"\n\n" + v.sgr(sgrMuted, "Press enter to join the group where it is now.")
	case modeHelp:
		text = lipgloss.NewStyle().Width(bw).Render(helpText(v.r.cfg.Help))
	default:
		if v.frame.Paused {
			text = v.sgr(sgrPause, ansi.Wordwrap(PauseText, bw, ""))
		} else {
			text = v.r.renders.render(v.frame, bw, v.style, v.profile)
		}
	}
	v.lines, v.bodyFor = strings.Split(text, "\n"), k
	return v.lines
}

// sgr styles each line of s, as far as the terminal's colours go.
func (v *view) sgr(code, s string) string {
	switch {
	case v.profile <= colorprofile.NoTTY:
		return s
	case v.profile == colorprofile.ASCII && code != sgrTitle && code != sgrPause:
		return s
	}
	if !strings.Contains(s, "\n") {
		return "\x1b[" + code + "m" + s + "\x1b[m"
	}
	ls := strings.Split(s, "\n")
	for i, l := range ls {
		ls[i] = "\x1b[" + code + "m" + l + "\x1b[m"
	}
	return strings.Join(ls, "\n")
}

// draw writes the whole screen as one synchronized update: where the
// group is, the title, the body from the offset, and the footer, each
// line cut to the window and every row of the window written.
func (v *view) draw() error {
	footer := v.footer()
	h := v.bodyHeight(len(footer))
	lines := v.body()
	v.off = max(0, min(v.off, len(lines)-h))
	where, title := v.frame.Where, v.frame.Title
	switch v.mode {
	case modeNote:
		where, title = v.r.cfg.ContentNote.Where, v.r.cfg.ContentNote.Title
	case modeHelp:
		where, title = "Help and support", "If you need someone now"
	}
	if v.frame.Paused && v.mode != modeNote && v.mode != modeHelp {
		where += " · paused"
	}
	b := &v.buf
	b.Reset()
	b.WriteString(syncStart)
	row := 0
	put := func(s string) {
		if row >= v.height {
			return
		}
		if row > 0 {
			b.WriteString("\r\n")
		}
		b.WriteString(eraseLine)
		if ansi.StringWidth(s) > v.width {
			s = ansi.Truncate(s, v.width, "")
		}
		b.WriteString(s)
		if strings.IndexByte(s, 0x1b) >= 0 {
			b.WriteString("\x1b[m")
		}
		row++
	}
	put(v.sgr(sgrWhere, where))
	put(v.sgr(sgrTitle, title))
	put("")
	for i := range h {
		if v.off+i < len(lines) {
			put(lines[v.off+i])
		} else {
			put("")
		}
	}
	put("")
	for _, l := range footer {
		put(l)
	}
	for row < v.height {
		put("")
	}
	b.WriteString(syncEnd)
	_, err := v.out.Write(b.Bytes())
	if b.Cap() > 64<<10 {
		v.buf = bytes.Buffer{} // a tall window once: keep no big buffer
	}
	return err
}

// keyHelp is one key and what it does, as the footer shows it.
type keyHelp struct{ key, does string }

var (
	kHelp     = keyHelp{"H", "help and support"}
	kRequest  = keyHelp{"r", "send a prayer request"}
	kRespond  = keyHelp{"w", "write a response"}
	kName     = keyHelp{"n", "your name"}
	kLeave    = keyHelp{"q", "leave"}
	kBack     = keyHelp{"esc", "back"}
	kEnter    = keyHelp{"enter", "go on"}
	kForRoom  = keyHelp{"1", "for the room"}
	kForLead  = keyHelp{"2", "for the leader only"}
	kWithName = keyHelp{"y", "with my name"}
	kNoName   = keyHelp{"n", "without my name"}
)

func (v *view) keys(ks ...keyHelp) string {
	parts := make([]string, len(ks))
	for i, k := range ks {
		parts[i] = k.key + " " + k.does
	}
	return v.sgr(sgrMuted, strings.Join(parts, " · "))
}

// footer is the lines under the body: a notice, the question being
// asked and the line being typed, and the keys.
func (v *view) footer() []string {
	var lines []string
	if v.notice != "" {
		lines = append(lines, v.sgr(sgrNotice, v.notice))
	}
	switch {
	case v.screen:
		lines = append(lines, v.keys(kLeave))
	case v.mode == modeNote:
		lines = append(lines, v.keys(kEnter, kLeave))
	case v.mode == modeHelp:
		lines = append(lines, v.keys(kBack))
	case v.mode == modeFor:
		lines = append(lines, "Who is this prayer request for?", v.keys(kForRoom, kForLead, kBack))
	case v.mode == modeText:
		who := "for the room (the leader may share it)"
		if v.private {
			who = "for the leader only"
		}
		lines = append(lines, "Your request, "+who+":", v.inputLine(), v.keys(kEnter, kBack))
	case v.mode == modeNamed:
		lines = append(lines, fmt.Sprintf("Send it with your name (%s), or without?", v.r.name(v.m)), v.keys(kWithName, kNoName, kBack))
	case v.mode == modeResponse:
		lines = append(lines, "Your response, for the leader:", v.inputLine(), v.keys(kEnter, kBack))
	case v.mode == modeName:
		lines = append(lines, "Your name in the room (now "+v.r.name(v.m)+"):", v.inputLine(), v.keys(kEnter, kBack))
	default:
		ks := []keyHelp{kHelp, kRequest}
		if v.frame.Prompt && !v.frame.Paused {
			ks = append(ks, kRespond)
		}
		lines = append(lines, v.keys(append(ks, kName, kLeave)...))
	}
	return lines
}

// inputLine is the line being typed: its end, as much as fits, and a
// block for the cursor.
func (v *view) inputLine() string {
	room := max(10, v.width-6)
	i, w := len(v.input), 0
	for i > 0 {
		cw := ansi.StringWidth(string(v.input[i-1]))
		if w+cw > room {
			break
		}
		w += cw
		i--
	}
	cursor := "█"
	if v.profile > colorprofile.NoTTY {
		cursor = "\x1b[7m \x1b[m"
	}
	return "> " + string(v.input[i:]) + cursor
}
