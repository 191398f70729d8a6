package room

import (
	"fmt"
	"io"
	"strings"

	"charm.land/ssh"
	"github.com/charmbracelet/colorprofile"

	"vigil/session"
)

// runPlain is the room line by line, for a screen reader: no alternate
// screen, no colour, no cursor moves. Each page is written once as text;
// commands are typed as words and end with enter.
func (r *Room) runPlain(sess ssh.Session, m *member, pty ssh.Pty) string {
	width := pty.Window.Width
	out := func(s string) { _, _ = io.WriteString(sess, s) }
	keys := make(chan []keyPress)
	r.goDo("reading "+m.person.Name, func() { readKeys(sess, m, keys) })
	screen := m.person.Role == RoleScreen
	pl := &plainLine{}
	var cur Frame
	var ask *plainAsk
	showFrame := func() {
		out("\n" + plainFrame(r, cur, width) + "\n")
		if !screen {
			out(plainPrompt)
		}
	}
	if screen {
		out("You are the room's screen. Type q and enter to leave.\n")
	} else {
		out("You are in the room as " + r.name(m) + ". Type ? and enter for what you can do.\n")
		if cn := r.cfg.ContentNote; cn.Title != "" {
			out("\n" + plainFrame(r, cn, width) + "\n")
		}
	}
	for {
		select {
		case <-m.ctx.Done():
			return m.endReason()
		case why := <-m.ended:
			return why
		case f := <-m.frames:
			cur = f
			showFrame()
		case w := <-m.wins:
			width = w.Width
		case ks, ok := <-keys:
			if !ok {
				return ""
			}
			lines, leave := pl.feed(ks, out)
			for _, line := range lines {
				if screen {
					if strings.EqualFold(strings.TrimSpace(line), "q") {
						return LeftText
					}
					continue
				}
				var quit bool
				ask, quit = r.plainCommand(m, ask, line, cur, width, out)
				if quit {
					return LeftText
				}
				if ask != nil {
					out(ask.question + " ")
				} else {
					out(plainPrompt)
				}
			}
			if leave {
				return LeftText
			}
		}
	}
}

const plainPrompt = "> "

const plainCommands = `Commands (type one and press enter):
  p  read the page again
  h  help and support (only you see it)
  r  send a prayer request
  w  write a response to the prompt on screen
  n  choose your name
  q  leave the room`

// plainAsk is a question in progress: the steps of a request, a response
// or a name.
type plainAsk struct {
	kind     string // "for", "text", "named", "response", "name"
	question string
	private  bool
	text     string
	page     string
}

// plainCommand acts on one typed line, and returns the question to ask
// next, if any.
func (r *Room) plainCommand(m *member, ask *plainAsk, line string, cur Frame, width int, out func(string)) (*plainAsk, bool) {
	word := strings.ToLower(strings.TrimSpace(line))
	if ask != nil {
		switch ask.kind {
		case "for":
			switch word {
			case "room", "1":
				return &plainAsk{kind: "text", question: "Your request, for the room (the leader may share it):"}, false
			case "leader", "2":
				return &plainAsk{kind: "text", private: true, question: "Your request, for the leader only:"}, false
			case "":
				out("Nothing was sent.\n")
				return nil, false
			}
			return ask, false
		case "text":
			if strings.TrimSpace(line) == "" {
				out("Nothing was sent.\n")
				return nil, false
			}
			return &plainAsk{kind: "named", private: ask.private, text: line, question: fmt.Sprintf("Send it with your name (%s)? Type yes or no:", r.name(m))}, false
		case "named":
			switch word {
			case "yes", "y", "no", "n":
				out(r.submit(m, Request, ask.text, ask.private, word[0] == 'y', cur.Key) + "\n")
				return nil, false
			}
			return ask, false
		case "response":
			out(r.submit(m, Response, line, true, true, ask.page) + "\n")
			return nil, false
		case "name":
			out("You are " + r.setName(m, line) + " in the room.\n")
			return nil, false
		}
		return nil, false
	}
	switch word {
	case "":
	case "?":
		out(plainCommands + "\n")
	case "p":
		out(plainFrame(r, cur, width) + "\n")
	case "h", "H":
		out(helpText(r.cfg.Help))
	case "r":
		return &plainAsk{kind: "for", question: "Is this request for the room or for the leader only? Type room or leader:"}, false
	case "w":
		if !cur.Prompt || cur.Paused {
			out("There is no prompt on screen to respond to.\n")
			return nil, false
		}
		return &plainAsk{kind: "response", page: cur.Key, question: "Your response, for the leader:"}, false
	case "n":
		return &plainAsk{kind: "name", question: "Your name in the room:"}, false
	case "q":
		return nil, true
	default:
		out("Type ? and enter for what you can do.\n")
	}
	return nil, false
}

// plainFrame is a frame as plain text.
func plainFrame(r *Room, f Frame, width int) string {
	var b strings.Builder
	where := f.Where
	if f.Paused {
		where += " · paused"
	}
	if where != "" {
		b.WriteString(where + "\n")
	}
	b.WriteString(f.Title + "\n")
	if f.Paused {
		b.WriteString("\n" + PauseText + "\n")
		return b.String()
	}
	if body := r.renders.render(f, bodyWidth(width), "notty", colorprofile.TrueColor); body != "" {
		b.WriteString("\n" + body + "\n")
	}
	if f.Prompt {
		b.WriteString("\nType w and enter to write a response for the leader.\n")
	}
	return b.String()
}

// plainLine edits one line of typed input: it echoes what is typed and
// takes backspace. Its keys come from the screen's reader (readKeys), so
// escape sequences and terminal strings (arrow keys, a terminal's
// replies) are dropped whole, and a rune that session.Clean would drop (a
// C1 code, a bidirectional override) is neither kept nor echoed.
type plainLine struct {
	buf []rune
}

// feed takes the keys of one read and returns the lines they ended; leave
// is set by ctrl+c or ctrl+d, after those lines.
func (l *plainLine) feed(keys []keyPress, out func(string)) (lines []string, leave bool) {
	for _, k := range keys {
		switch k.kind {
		case keyEnter:
			out("\n")
			lines = append(lines, string(l.buf))
			l.buf = l.buf[:0]
		case keyBackspace:
			if len(l.buf) > 0 {
				l.buf = l.buf[:len(l.buf)-1]
				out("\b \b")
			}
		case keyCtrlC, keyCtrlD:
			return lines, true
		case keyRune:
			if len(l.buf) < MaxSent && !session.HasControls(string(k.r)) {
				l.buf = append(l.buf, k.r)
				out(string(k.r))
			}
		}
	}
	return lines, false
}
