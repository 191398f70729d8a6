package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/timer"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// fitScreen is one screen of a session, reached by keys from a setup.
type fitScreen struct {
	name  string
	setup func(t *testing.T, w, h int) App
	// dialog is a dialog over the session: its own footer, no note box.
	dialog bool
}

// andThen is setup, then msgs.
func andThen(setup func(t *testing.T, w, h int) App, msgs ...tea.Msg) func(t *testing.T, w, h int) App {
	return func(t *testing.T, w, h int) App {
		t.Helper()
		return drive(t, setup(t, w, h), msgs...)
	}
}

// tooLongPaste is a paste over the session's limit: refused whole, with a
// sentence in the form.
func tooLongPaste() tea.Msg { return tea.PasteMsg{Content: strings.Repeat("x", session.MaxText+1)} }

// fitScreens are the session screen's pages and modes, each reached the
// way the leader reaches it.
func fitScreens() []fitScreen {
	req := atKey(session.KeyRequests)
	return []fitScreen{
		{name: "content-note", setup: groupApp},
		{name: "content-note-leader", setup: andThen(groupApp, keyMsg("tab"))},
		{name: "minutes", setup: andThen(groupApp, append(keys("m"), typeText("75")...)...)},
		{name: "minutes-refused", setup: andThen(groupApp, keys("m", "0", "enter")...)},
		{name: "who-is-here", setup: andThen(groupApp, append(keys("w"), typeText("A., B. and C.")...)...)},
		{name: "search-field", setup: andThen(groupApp, append(keys("/"), typeText("aftercare")...)...)},
		{name: "search-match", setup: andThen(groupApp, append(append(keys("/"), typeText("aftercare")...), keyMsg("enter"))...)},
		{name: "outline", setup: andThen(groupApp, keys("o", "down")...)},
		{name: "first-question", setup: andThen(groupApp, keyMsg("enter"))},
		{name: "editing", setup: andThen(groupApp, append(keys("enter", "enter"), typeText("We prayed")...)...)},
		{name: "editing-resized", setup: func(t *testing.T, w, h int) App {
			a := drive(t, groupApp(t, w, h), append(keys("enter", "enter"), typeText("We prayed")...)...)
			return drive(t, a, sizeMsg(100, 30), sizeMsg(w, h)) // the window changes while the note is typed
		}},
		{name: "leader-notes", setup: atKey("faq/what-is-cybersex-trafficking", keyMsg("tab"))},
		{name: "reflection-prompt", setup: andThen(groupApp, keyMsg("g"))},
		{name: "prompt-passed", setup: andThen(groupApp, keys("g", "s")...)},
		{name: "timer-choose", setup: atKey("reflection/clarity#1", keyMsg("t"))},
		{name: "timer-running", setup: silenceRunning},
		{name: "timer-ended", setup: func(t *testing.T, w, h int) App {
			a := silenceRunning(t, w, h)
			return drive(t, a, timer.TimeoutMsg{ID: a.session.silence.timer.ID()})
		}},
		{name: "headline-request", setup: atHeadline},
		{name: "requests-empty", setup: req},
		{name: "requests-list", setup: withRequests},
		{name: "requests-leader", setup: andThen(withRequests, keyMsg("tab"))},
		{name: "add-request-ask", setup: andThen(req, keyMsg("a"))},
		{name: "add-request-room", setup: andThen(req, append(append(append(keys("a", "r"), typeText("for Ana's mother")...), keyMsg("enter")), typeText("Ana")...)...)},
		{name: "add-request-private", setup: andThen(req, append(keys("a"), typeText("my uncle")...)...)},
		{name: "add-request-private-leader", setup: andThen(req, append(append(keys("a"), typeText("my uncle")...), keyMsg("tab"))...)},
		{name: "add-request-refused", setup: andThen(req, keyMsg("a"), keyMsg("r"), tooLongPaste())},
		{name: "discard-request", setup: andThen(req, append(append(keys("a", "r"), typeText("half a thought")...), keyMsg("esc"))...)},
		{name: "discard-refused", setup: andThen(req, append(append(keys("a", "r"), typeText("half a thought")...), tooLongPaste(), keyMsg("esc"))...)},
		{name: "edit-request", setup: andThen(withRequests, keyMsg("e"))},
		{name: "delete-request", setup: andThen(withRequests, keyMsg("x"))},
		{name: "commitments", setup: atKey(session.KeyCommitments, append(append(keys("a"), typeText("call the helpline")...), keys("enter", "enter")...)...)},
		{name: "add-commitment", setup: atKey(session.KeyCommitments, append(keys("a"), typeText("read the IJM report")...)...)},
		{name: "next-steps", setup: atKey("next/next-steps")},
		{name: "revisit", setup: andThen(weekTwo, keyMsg("enter"))},
		{name: "revisit-leader", setup: andThen(weekTwo, keys("enter", "tab")...)},
		{name: "revisit-answering", setup: andThen(weekTwo, append(keys("enter", "down", "y"), typeText("started on Monday")...)...)},
		{name: "summary", setup: atKey(session.KeySummary)},
		{name: "closing", setup: atKey(session.KeyClosing)},
		{name: "check-in", setup: atKey(session.KeyCheckIn)},
		{name: "debrief", setup: atKey(session.KeyDebrief, keyMsg("tab"))},
		{name: "alone-content-note", setup: aloneApp},
		{name: "alone-prompt", setup: andThen(aloneApp, keyMsg("g"))},
		// The keys dialog (?) is a box alone on the screen, as high as
		// its keys, and the resources dialog is drawn one line short of
		// the window (dialog_resources.go): neither has the session's
		// footer to move, and neither is checked here.
		{name: "pause", setup: andThen(groupApp, keyMsg("space")), dialog: true},
		{name: "export", setup: atKey(session.KeySummary, keyMsg("e")), dialog: true},
	}
}

// fitSizes are the sizes every screen must fill: the smallest vigil
// draws, a laptop's terminal and a shared screen.
var fitSizes = [][2]int{{60, 20}, {80, 24}, {120, 40}}

// TestSessionScreensFillTheWindow: every page and mode of the session
// screen is exactly the window's height, so the footer never moves; a form
// takes the note box's place at the note box's size; and a footer that
// cuts keys says so with "…".
func TestSessionScreensFillTheWindow(t *testing.T) {
	for _, size := range fitSizes {
		w, h := size[0], size[1]
		for _, sc := range fitScreens() {
			t.Run(fmt.Sprintf("%s-%dx%d", sc.name, w, h), func(t *testing.T) {
				a := sc.setup(t, w, h)
				mustFillWindow(t, a, w, h)
				if !sc.dialog {
					mustKeepNoteBox(t, a)
					mustMarkCut(t, a)
				}
			})
		}
	}
}

// TestEveryPageFillsTheWindow walks every page of the seed guide, in the
// shared view and the leader's, with the same check.
func TestEveryPageFillsTheWindow(t *testing.T) {
	for _, size := range fitSizes {
		w, h := size[0], size[1]
		for _, leader := range []bool{false, true} {
			a := groupApp(t, w, h)
			if leader {
				a = drive(t, a, keyMsg("tab"))
			}
			for i := range a.session.meet.Pages {
				p := a.session.meet.Pages[i]
				if !p.ShownIn(a.session.audience()) {
					continue
				}
				a = toKey(t, a, p.Key)
				mustFillWindow(t, a, w, h)
				mustKeepNoteBox(t, a)
				mustMarkCut(t, a)
			}
		}
	}
}

func mustFillWindow(t *testing.T, a App, w, h int) {
	t.Helper()
	v := viewText(a)
	if n := strings.Count(v, "\n") + 1; n != h {
		t.Errorf("at %dx%d the screen is %d lines:\n%s", w, h, n, v)
	}
	for i, line := range strings.Split(v, "\n") {
		if lw := ansi.StringWidth(line); lw > w {
			t.Errorf("at %dx%d line %d is %d wide: %q", w, h, i, lw, line)
		}
	}
}

// mustKeepNoteBox checks that the box under the page (the note, or the
// form in its place) is the note box's width and height.
func mustKeepNoteBox(t *testing.T, a App) {
	t.Helper()
	lines := strings.Split(viewText(a), "\n")
	top := -1
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "┌") {
			top = i
		}
	}
	if top < 0 {
		t.Fatalf("no note box in:\n%s", strings.Join(lines, "\n"))
	}
	l := a.session.lay
	if got := ansi.StringWidth(strings.TrimSpace(lines[top])); got != l.noteWidth+4 {
		t.Errorf("the box is %d wide, the note box %d:\n%s", got, l.noteWidth+4, strings.Join(lines, "\n"))
	}
	bottom := top
	for bottom < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[bottom]), "└") {
		bottom++
	}
	if got := bottom - top + 1; got != l.noteLines+2 {
		t.Errorf("the box is %d lines high, the note box %d:\n%s", got, l.noteLines+2, strings.Join(lines, "\n"))
	}
}

// mustMarkCut checks that a footer that leaves keys out says so.
func mustMarkCut(t *testing.T, a App) {
	t.Helper()
	v := viewText(a)
	foot := v[strings.LastIndex(v, "\n")+1:]
	all := ansi.Strip(shortHelpLine(a.ctx.styles, a.session.ShortHelp(), 1<<20))
	if strings.TrimSpace(foot) != all && !strings.Contains(foot, "…") {
		t.Errorf("the footer cuts keys without a mark:\n%s\nof\n%s", foot, all)
	}
}

// TestFooterKeepsHelpAndQuit: on every page, in both views and alone,
// the footer shows H (the help and report resources) at 60 columns and
// more, and ? and q too at 80 and more, whatever else it has to cut.
func TestFooterKeepsHelpAndQuit(t *testing.T) {
	for _, w := range []int{60, 80, 120} {
		for _, start := range []string{"shared", "leader", "alone"} {
			var a App
			switch start {
			case "alone":
				a, _ = newAloneApp(t, guides.Default(), w, 24)
			default:
				a = groupApp(t, w, 24)
				if start == "leader" {
					a = drive(t, a, keyMsg("tab"))
				}
			}
			for _, p := range a.session.meet.Pages {
				if !p.ShownIn(a.session.audience()) {
					continue
				}
				a = toKey(t, a, p.Key)
				v := viewText(a)
				foot := v[strings.LastIndex(v, "\n")+1:]
				if !strings.Contains(foot, "H help") {
					t.Errorf("%s, %s at %d columns: the footer has no H: %q", start, p.Key, w, foot)
				}
				if w >= 80 && (!strings.Contains(foot, "? all keys") || !strings.Contains(foot, "q quit")) {
					t.Errorf("%s, %s at %d columns: the footer has no ? or q: %q", start, p.Key, w, foot)
				}
			}
		}
	}
}

// TestShortHelpLine: the footer fits its width, marks a cut with "…",
// and keeps its last two keys (? and q on a page) after the cut while its
// first three still show.
func TestShortHelpLine(t *testing.T) {
	st := NewStyles(DarkTheme())
	b := func(k, d string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, d)) }
	bindings := []key.Binding{b("a", "one"), b("b", "two two"), b("c", "three three"), b("d", "four"),
		b("?", "all keys"), b("q", "quit (saved)")}
	full := ansi.Strip(shortHelpLine(st, bindings, 1000))
	for w := 0; w <= lipgloss.Width(full)+2; w++ {
		line := ansi.Strip(shortHelpLine(st, bindings, w))
		if lipgloss.Width(line) > w {
			t.Errorf("at %d: %q is %d wide", w, line, lipgloss.Width(line))
		}
		if line != full && line != "" && !strings.Contains(line, "…") {
			t.Errorf("at %d: %q cuts without a mark", w, line)
		}
		// "a one • b two two • c three three … ? all keys • q quit (saved)"
		if w >= 63 && !strings.HasSuffix(line, "? all keys • q quit (saved)") {
			t.Errorf("at %d: %q does not end with ? and q", w, line)
		}
	}
}

// TestSeedGuideListItemsKeepWhole: a list item that the guide file wraps
// onto two lines is one item on screen, wrapped where the screen needs it,
// not where the file happens to break the line: an item that fits the
// width is on one line, in every page of the seed guide and every note
// for the leader, at 60, 80, 100 and 120 columns.
func TestSeedGuideListItemsKeepWhole(t *testing.T) {
	g := guides.Default()
	pages := session.BuildPages(g, store.PathFull)
	// The Markdown each rendering is made from, as the guide file has it.
	sources := map[string][]string{
		session.KeyContentNote + session.LeaderSuffix: {g.Meta.LeaderNote},
		session.KeyClosing:                            {g.Meta.Closing},
	}
	for _, p := range pages {
		if p.Part < 0 || p.Section < 0 {
			continue
		}
		sec := g.Parts[p.Part].Sections[p.Section]
		shared := []string{sec.Body}
		if p.Kind == session.PagePrompt {
			shared = append(shared, sec.Prompts[p.Prompt])
		}
		sources[p.Key] = shared
		sources[p.Key+session.LeaderSuffix] = append(shared, sec.Leader)
	}
	wrapped := 0 // items the file wraps: the test is empty without them
	for _, w := range []int{60, 80, 100, 120} {
		tw := textWidth(w)
		msg := renderGuide(1, g, pages, tw, "notty")().(renderedMsg)
		if msg.err != nil {
			t.Fatal(msg.err)
		}
		for k, out := range msg.pages {
			lines := strings.Split(ansi.Strip(out), "\n")
			for _, src := range sources[k] {
				for _, item := range sourceListItems(src) {
					if !item.wrapped {
						continue
					}
					wrapped++
					start := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "• "+item.first) })
					if start < 0 {
						t.Errorf("%s at %d: no item %q in:\n%s", k, tw, item.text, out)
						continue
					}
					col := ansi.StringWidth(lines[start][:strings.Index(lines[start], "• ")]) + 2
					if col+ansi.StringWidth(item.text) <= tw && !strings.Contains(lines[start], item.text) {
						t.Errorf("%s at %d: the item %q, which fits, is broken where the guide file breaks it:\n%s\n%s",
							k, tw, item.text, lines[start], lines[min(start+1, len(lines)-1)])
					}
				}
			}
		}
	}
	if wrapped == 0 {
		t.Fatal("the seed guide has no list item wrapped in its file: nothing was checked")
	}
}

// sourceListItem is a "- " list item of a guide's Markdown: its text on
// one line, its first three words, and whether the file wraps it.
type sourceListItem struct {
	text, first string
	wrapped     bool
}

// sourceListItems are the plain list items of md (no links, emphasis or
// code, which glamour changes).
func sourceListItems(md string) []sourceListItem {
	var items []sourceListItem
	cur := -1
	for _, l := range strings.Split(md, "\n") {
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			cur = -1
		case strings.HasPrefix(t, "- "):
			items = append(items, sourceListItem{text: strings.TrimPrefix(t, "- ")})
			cur = len(items) - 1
		case cur >= 0 && strings.HasPrefix(l, " "):
			items[cur].text += " " + t
			items[cur].wrapped = true
		default:
			cur = -1
		}
	}
	var out []sourceListItem
	for _, it := range items {
		if strings.ContainsAny(it.text, "[]*_`\\<>") {
			continue
		}
		f := strings.Fields(it.text)
		it.first = strings.Join(f[:min(3, len(f))], " ")
		out = append(out, it)
	}
	return out
}

// TestPasteShowsAtOnce: a paste into the meeting's length or into the
// line on how a request was answered is on screen at once, as a key is.
func TestPasteShowsAtOnce(t *testing.T) {
	a := drive(t, groupApp(t, 80, 24), keyMsg("m"), tea.PasteMsg{Content: "75"})
	mustContain(t, viewText(a), "Minutes for the meeting: 75")

	a = drive(t, weekTwo(t, 100, 30), keys("enter", "down", "y")...)
	a = drive(t, a, tea.PasteMsg{Content: "she is home"})
	mustContain(t, viewText(a), "How was it answered? (optional) she is home")
}

// TestWaitForSeesEveryKey: lastModel.waitFor returns the screen after
// every message sent before it, never one from half way through the keys
// that happens to show the text waited for. A probe that is handled late
// (the program is busy) leaves the earlier view for the first poll to
// find.
func TestWaitForSeesEveryKey(t *testing.T) {
	seen := &lastModel{}
	slow := func(m tea.Model, msg tea.Msg) tea.Msg {
		if _, ok := msg.(probeMsg); ok {
			time.Sleep(50 * time.Millisecond)
		}
		return seen.filter(m, msg)
	}
	tm := teatest.NewTestModel(t, groupApp(t, 80, 24), teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithFilter(slow)))
	tm.Send(keyMsg("?")) // the keys dialog …
	tm.Send(keyMsg("x")) // … closed again
	view := seen.waitFor(t, tm, func(v string) bool {
		return strings.Contains(v, "How shall we go on?") || strings.Contains(v, "any other key closes")
	})
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if strings.Contains(view, "any other key closes") {
		t.Errorf("waitFor returned the screen before the last key:\n%s", view)
	}
}
