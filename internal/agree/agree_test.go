package agree

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"golang.org/x/net/html"

	"vigil/export"
	"vigil/guides"
	"vigil/internal/storetest"
	"vigil/plain"
	"vigil/session"
	"vigil/store"
	"vigil/tui"
)

var held = time.Date(2026, 11, 26, 19, 30, 0, 0, time.UTC)

func clock() time.Time { return held.Add(time.Hour) }

// fixture stores one session of the seed guide that has something on
// every kind of page: notes, a response, a passed prompt, the leader's
// notes, a shared and a private request, notes on the requests and the
// commitments pages, and commitments with and without a name. It is left
// on its summary.
func fixture(t *testing.T) (*store.Store, *guides.Guide, uint64) {
	t.Helper()
	st := storetest.Open(t, clock)
	g := guides.Default()
	o, err := session.NewSession(st, g, session.Start{Group: "Thursday group", Now: held})
	if err != nil {
		t.Fatal(err)
	}
	m := session.Open(o, held)
	var cs []store.Change
	add := func(more []store.Change) { cs = append(cs, more...) }
	on := func(kind session.PageKind, nth int) {
		for i, p := range m.Pages {
			if p.Kind == kind {
				if nth == 0 {
					c, _ := m.GoTo(i, held)
					add(c)
					return
				}
				nth--
			}
		}
		t.Fatalf("no page of kind %d", kind)
	}
	on(session.PageSection, 0)
	add(m.SetNote(false, "Nobody had known how young the children are", held))
	add(m.SetNote(true, "Check in with one member privately afterwards", held))
	on(session.PagePrompt, 0)
	add(m.SetNote(false, "It is abuse whatever the screen makes it look like", held))
	on(session.PagePrompt, 1)
	add(m.TogglePass(held))
	on(session.PageRequests, 0)
	add(m.SetNote(false, "Requests were shared in pairs first", held))
	_, c := m.AddRequest("For the aftercare workers in Manila", "Ana", false, held)
	add(c)
	_, c = m.AddRequest("For my cousin who is in hospital", "Ben", true, held)
	add(c)
	on(session.PageCommitments, 0)
	add(m.SetNote(false, "Everyone wrote one step on a card", held))
	_, c = m.AddCommitment("Learn how to report online abuse of a child", "Chris", held)
	add(c)
	_, c = m.AddCommitment("Give to the work in the Philippines", "", held)
	add(c)
	on(session.PageSummary, 0)
	sv := session.NewSaver(st)
	sv.Queue(cs...)
	if err := sv.Save(); err != nil {
		t.Fatal(err)
	}
	return st, g, m.ID()
}

// items is every entry and item text the captured model holds: what every
// rendering of that view must show.
func items(c session.Captured) []string {
	var out []string
	for _, p := range c.Parts {
		for _, s := range p.Sections {
			for _, e := range s.Entries {
				out = append(out, e.Text)
			}
			for _, it := range s.Items {
				out = append(out, it.Text)
			}
		}
	}
	return out
}

// flat joins text as a reader sees it: escapes gone, every run of white
// space one space, so that wrapping and indentation do not matter.
func flat(s string) string { return strings.Join(strings.Fields(ansi.Strip(s)), " ") }

// htmlText is the text of an HTML document, as a browser shows it.
func htmlText(t *testing.T, doc string) string {
	t.Helper()
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "style" || n.Data == "head") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data + " ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return b.String()
}

// exported renders the session in one export format and view, as text a
// reader sees. (Not JSON: it holds the record, not the captured layout, so
// a passed prompt is a flag there and not the words "Passed.".)
func exported(t *testing.T, st *store.Store, g *guides.Guide, id uint64, f export.Format, v session.View) string {
	t.Helper()
	var b bytes.Buffer
	if err := export.Write(&b, st, []uint64{id}, f, export.Options{Library: guides.Library{Guides: []*guides.Guide{g}}, View: v}); err != nil {
		t.Fatalf("export %s: %v", f, err)
	}
	if f == export.HTML {
		return htmlText(t, b.String())
	}
	return b.String()
}

// screen runs the real screens at the summary, in the view asked for, and
// returns what they draw. The window is tall enough to hold the whole
// summary.
func screen(t *testing.T, st *store.Store, g *guides.Guide, id uint64, v session.View) string {
	t.Helper()
	o, err := session.Resume(st, guides.Library{Guides: []*guides.Guide{g}}, id)
	if err != nil {
		t.Fatal(err)
	}
	app := tui.New(tui.Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, GlamourStyle: "notty",
		Now: clock, ReduceMotion: true, SaveDelay: time.Millisecond, Start: o})
	var mu sync.Mutex
	var last string
	filter := func(m tea.Model, msg tea.Msg) tea.Msg {
		if a, ok := m.(tui.App); ok {
			view := a.View().Content
			mu.Lock()
			last = view
			mu.Unlock()
		}
		return msg
	}
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 300),
		teatest.WithProgramOptions(tea.WithFilter(filter)))
	want := "What the group captured"
	if v == session.Leader {
		tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
		want = "not for the room"
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		tm.Send(tea.WindowSizeMsg{Width: 120, Height: 300}) // a message, so the filter sees the model
		mu.Lock()
		got := last
		mu.Unlock()
		if strings.Contains(got, "What the group captured") && (v != session.Leader || strings.Contains(got, "Check in with one member")) {
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("the summary (%s) never showed %q:\n%s", v, want, got)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestEveryFrontEndShowsTheSameItems renders one session through the
// screens' summary, plain mode's summary and the md, txt and html exports,
// in the leader's view and the shared view, and checks each shows every
// item session.Capture lays out for that view; and that what only the
// leader's view holds is in none of the shared renderings.
func TestEveryFrontEndShowsTheSameItems(t *testing.T) {
	st, g, id := fixture(t)
	rec, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	leaderItems := items(session.Capture(rec, g, session.Leader))
	sharedItems := items(session.Capture(rec, g, session.Shared))
	if len(leaderItems) < 10 || len(sharedItems) >= len(leaderItems) {
		t.Fatalf("the fixture should capture more for the leader than for the room: %d and %d items", len(leaderItems), len(sharedItems))
	}
	var leaderOnly []string
	for _, it := range leaderItems {
		if !strings.Contains(strings.Join(sharedItems, "\n"), it) {
			leaderOnly = append(leaderOnly, it)
		}
	}

	var plainOut bytes.Buffer
	o, err := session.Resume(st, guides.Library{Guides: []*guides.Guide{g}}, id)
	if err != nil {
		t.Fatal(err)
	}
	if err := plain.Run(plain.Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, Start: o, Now: clock},
		strings.NewReader("q\n"), &plainOut); err != nil {
		t.Fatal(err)
	}

	renderings := map[session.View]map[string]string{
		session.Leader: {
			"screens": screen(t, st, g, id, session.Leader),
			"plain":   plainOut.String(),
		},
		session.Shared: {
			"screens": screen(t, st, g, id, session.Shared),
		},
	}
	for _, v := range []session.View{session.Leader, session.Shared} {
		for _, f := range []export.Format{export.Markdown, export.Text, export.HTML} {
			renderings[v]["export "+string(f)] = exported(t, st, g, id, f, v)
		}
	}
	for v, byName := range renderings {
		want := leaderItems
		if v == session.Shared {
			want = sharedItems
		}
		for name, text := range byName {
			got := flat(text)
			for _, it := range want {
				if !strings.Contains(got, flat(it)) {
					t.Errorf("%s (%s) leaves out %q", name, v, it)
				}
			}
			if v == session.Shared {
				for _, it := range leaderOnly {
					if strings.Contains(got, flat(it)) {
						t.Errorf("%s (%s) shows %q, which only the leader's view holds", name, v, it)
					}
				}
			}
		}
	}
}
