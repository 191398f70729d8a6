package tui

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"vigil/export"
	"vigil/session"
	"vigil/store"
)

// exportDialog exports one session from the summary or the home screen:
// the format and the view are asked, a redacted copy is shown before it is
// written, the file goes into the export folder under a name that is never
// one already there, and the dialog says where.
//
// Safe defaults for handing on: opened from the shared view, or with the
// handout format (HTML), the view is Redacted; turning redaction off asks
// once; the leader's record (private requests, the leader's notes) is only
// offered when the dialog was opened from the leader's view.
type exportDialog struct {
	ctx     *context
	session store.Session
	format  int            // index into export.Formats
	views   []session.View // the views offered, redacted first
	chosen  session.View   // the view the export is for
	offOK   bool           // the leader said yes to turning redaction off
	askFor  session.View   // the view asked for while redaction-off is asked
	stage   exportStage
	vp      viewport.Model // the redacted preview
	preview string         // the preview's text, highlighted
	done    string         // the path written
	err     error
	width   int
	height  int
}

// exportStage is what the dialog shows.
type exportStage int

const (
	exportChoose  exportStage = iota + 1 // format and view
	exportAskOff                         // "turn redaction off? y/n"
	exportLoading                        // the preview is being made
	exportPreview                        // the redacted text, before writing
	exportBusy                           // writing
	exportResult                         // written, or why not
)

// exportOffWarning is asked once before a copy with names is made.
const exportOffWarning = "This copy will hold names, the group's name and exact dates; turn redaction off? y/n"

// newExportDialog opens the dialog. leader is whether it was opened from
// the leader's view (the home screen is the leader's own).
func newExportDialog(ctx *context, s store.Session, leader bool) exportDialog {
	d := exportDialog{ctx: ctx, session: s, stage: exportChoose, vp: viewport.New(),
		views: []session.View{session.Redacted, session.Shared}, chosen: session.Redacted}
	d.vp.KeyMap = viewport.KeyMap{}
	if leader {
		d.views = append(d.views, session.Leader)
		d.chosen = session.Leader
	}
	return d
}

// exportLeader is whether the screen in front is the leader's: the leader's
// view of a session (alone, the one view, which is the person's own), or
// the home screen.
func (a App) exportLeader() bool {
	return a.state != stateSession || a.session.audience() == session.Leader
}

// viewLabel names a view in the dialog.
func viewLabel(v session.View) string {
	switch v {
	case session.Redacted:
		return "redacted"
	case session.Shared:
		return "shared"
	case session.Leader:
		return "leader's record"
	}
	return v.String()
}

// freePath is dir/name, or dir/name-2, -3 … when that is taken.
func freePath(dir, name string) string {
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	p := filepath.Join(dir, name)
	for n := 2; n < 1000; n++ {
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p
		}
		p = filepath.Join(dir, fmt.Sprintf("%s-%d%s", stem, n, ext))
	}
	return p
}

// exportPreviewMsg carries the redacted text to show before writing.
type exportPreviewMsg struct {
	text string
	err  error
}

// previewCmd writes what waits to be saved, then renders the redacted
// export as plain text, off the UI goroutine.
func (d exportDialog) previewCmd() tea.Cmd {
	cfg := d.ctx.cfg
	id := d.session.ID
	return guard(func() tea.Msg {
		if err := cfg.Saver.Save(); err != nil {
			return exportPreviewMsg{err: err}
		}
		var b bytes.Buffer
		err := export.Write(&b, cfg.Store, []uint64{id}, export.Text, export.Options{Library: cfg.Library, View: session.Redacted})
		return exportPreviewMsg{text: b.String(), err: err}
	})
}

// exportCmd writes what waits to be saved, then the export, off the UI
// goroutine.
func (d exportDialog) exportCmd() tea.Cmd {
	cfg := d.ctx.cfg
	format := export.Formats[d.format]
	opts := export.Options{Library: cfg.Library, View: d.chosen}
	s := d.session
	return guard(func() tea.Msg {
		if err := cfg.Saver.Save(); err != nil {
			return exportedMsg{err: err}
		}
		dir := cfg.ExportDir
		if dir == "" {
			dir = "."
		}
		path := freePath(dir, export.DefaultFileName(s, format, opts.View))
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		err := export.ToFile(cfg.Store, []uint64{s.ID}, format, opts, path, false)
		return exportedMsg{path: path, err: err}
	})
}

// redactedWords are what redaction puts in place of what it takes out,
// as the preview highlights them.
var redactedWords = []string{session.Participant, session.TheGroup, session.TheSession,
	session.RedactPhone, session.RedactEmail, session.RedactWeb, session.RedactAddress, session.RedactHandle}

// highlightRedactions styles every replacement in a redacted text, so
// the leader sees at a glance what was taken out. The text is cleaned of
// control sequences first.
func highlightRedactions(st Styles, text string) string {
	text = session.Clean(text)
	var pairs []string
	for _, w := range redactedWords {
		pairs = append(pairs, w, st.Redacted.Render(w))
		if up := strings.ToUpper(w[:1]) + w[1:]; up != w {
			pairs = append(pairs, up, st.Redacted.Render(up))
		}
	}
	return strings.NewReplacer(pairs...).Replace(text)
}

// SetSize places the form in the window.
func (d exportDialog) SetSize(w, h int) dialog {
	d.width, d.height = w, h
	d.vp.SetWidth(max(10, min(w-2, 78)-4))
	d.vp.SetHeight(max(3, h-9))
	return d
}

func (d exportDialog) update(msg tea.Msg) (dialog, tea.Cmd) {
	switch msg := msg.(type) {
	case exportedMsg:
		if d.stage == exportBusy {
			d.stage, d.done, d.err = exportResult, msg.path, msg.err
		}
		return d, nil
	case exportPreviewMsg:
		if d.stage != exportLoading {
			return d, nil
		}
		if msg.err != nil {
			d.stage, d.err = exportResult, msg.err
			return d, nil
		}
		d.stage = exportPreview
		d.preview = highlightRedactions(d.ctx.styles, msg.text)
		d.vp.SetContent(d.preview)
		d.vp.GotoTop()
		return d, nil
	case tea.KeyPressMsg:
		return d.key(msg)
	}
	return d, nil
}

// setFormat chooses a format; the handout (HTML) is redacted unless the
// leader already chose to turn redaction off.
func (d exportDialog) setFormat(i int) exportDialog {
	d.format = i
	if export.Formats[i] == export.HTML && !d.offOK {
		d.chosen = session.Redacted
	}
	return d
}

// setView chooses a view; leaving Redacted asks once.
func (d exportDialog) setView(v session.View) exportDialog {
	if d.chosen == session.Redacted && v != session.Redacted && !d.offOK {
		d.stage = exportAskOff
		d.askFor = v
		return d
	}
	d.chosen = v
	return d
}

func (d exportDialog) viewIndex() int {
	for i, v := range d.views {
		if v == d.chosen {
			return i
		}
	}
	return 0
}

func (d exportDialog) key(msg tea.KeyPressMsg) (dialog, tea.Cmd) {
	k := d.ctx.keys
	ek := k.Items
	switch d.stage {
	case exportResult:
		return nil, nil // any key closes the result
	case exportBusy, exportLoading:
		if key.Matches(msg, k.Cancel) && d.stage == exportLoading {
			d.stage = exportChoose
		}
		return d, nil
	case exportAskOff:
		switch {
		case key.Matches(msg, ek.Yes):
			d.offOK, d.chosen, d.stage = true, d.askFor, exportChoose
		case key.Matches(msg, ek.No):
			d.stage = exportChoose
		}
		return d, nil
	case exportPreview:
		switch {
		case key.Matches(msg, k.Cancel):
			d.stage = exportChoose
		case key.Matches(msg, k.Confirm):
			d.stage = exportBusy
			return d, d.exportCmd()
		default:
			scrollKeys(&d.vp, k, msg)
		}
		return d, nil
	}
	n := len(export.Formats)
	switch {
	case key.Matches(msg, k.Cancel):
		return nil, nil
	case key.Matches(msg, k.FormatPrev):
		return d.setFormat((d.format + n - 1) % n), nil
	case key.Matches(msg, k.FormatNext):
		return d.setFormat((d.format + 1) % n), nil
	case key.Matches(msg, k.ArrowUp):
		return d.setView(d.views[(d.viewIndex()+len(d.views)-1)%len(d.views)]), nil
	case key.Matches(msg, k.ArrowDown):
		return d.setView(d.views[(d.viewIndex()+1)%len(d.views)]), nil
	case key.Matches(msg, k.Redact):
		if d.chosen == session.Redacted {
			return d.setView(session.Shared), nil
		}
		d.chosen = session.Redacted
	case key.Matches(msg, k.Confirm):
		if d.chosen == session.Redacted {
			d.stage = exportLoading
			return d, d.previewCmd()
		}
		d.stage = exportBusy
		return d, d.exportCmd()
	}
	return d, nil
}

func (d exportDialog) view() string {
	st := d.ctx.styles
	var b strings.Builder
	b.WriteString(st.Title.Render(fmt.Sprintf("Export session #%d", d.session.ID)) + "\n\n")
	if d.stage == exportPreview {
		b.WriteString(st.Warn.Render("Read it before you send it: the highlighted words replace what was taken out.") + "\n\n")
		b.WriteString(d.vp.View() + "\n\n")
		b.WriteString(st.Muted.Render(fmt.Sprintf("↑/↓ %s/%s scroll · %d%% · enter writes it as %s · esc goes back",
			d.ctx.keys.PageUp.Help().Key, d.ctx.keys.PageDown.Help().Key, int(d.vp.ScrollPercent()*100), export.Formats[d.format])))
		return place(d.width, d.height, st.Overlay.Width(min(d.width-2, 78)).Render(b.String()))
	}
	b.WriteString("Format: ")
	for i, ff := range export.Formats {
		label := string(ff)
		if ff == export.HTML {
			label += " (handout)"
		}
		if i == d.format {
			label = st.Selected.Render("[" + label + "]")
		} else {
			label = " " + label + " "
		}
		b.WriteString(label + " ")
	}
	b.WriteString(st.Muted.Render(" ←/→") + "\n")
	b.WriteString("For:    ")
	for _, v := range d.views {
		label := viewLabel(v)
		if v == d.chosen {
			label = st.Selected.Render("(•) " + label)
		} else {
			label = "( ) " + label
		}
		b.WriteString(label + "  ")
	}
	b.WriteString(st.Muted.Render("↑/↓ · r redact") + "\n")
	switch d.chosen {
	case session.Redacted:
		b.WriteString(st.Muted.Render("Redacted: for handing on. No private requests or leader's notes; names, the group, contacts and exact dates replaced. You read it before it is written.") + "\n\n")
	case session.Shared:
		b.WriteString(st.Muted.Render("Shared: what the room saw, names included; no private requests or leader's notes.") + "\n\n")
	case session.Leader:
		b.WriteString(st.Private.Render("Leader's record: everything, private requests and your own notes included. Not for handing on.") + "\n\n")
	}
	switch {
	case d.stage == exportAskOff:
		b.WriteString(st.Warn.Render(exportOffWarning))
	case d.err != nil:
		b.WriteString(st.Error.Render(truncateWords(session.Sentence(d.err.Error()), 200)) + "\n" + st.Muted.Render("Press any key."))
	case d.done != "":
		b.WriteString(st.Done.Render("Written to "+session.OneLine(d.done)) + "\n" + st.Muted.Render("Press any key."))
	case d.stage == exportBusy:
		b.WriteString(st.Muted.Render("Exporting…"))
	case d.stage == exportLoading:
		b.WriteString(st.Muted.Render("Making the redacted copy to read…"))
	default:
		dir := d.ctx.cfg.ExportDir
		if dir == "" {
			dir = "."
		}
		what := "enter writes it into " + session.OneLine(dir)
		if d.chosen == session.Redacted {
			what = "enter shows the redacted copy to read first"
		}
		b.WriteString(st.Muted.Render(what + " · esc cancels"))
	}
	return place(d.width, d.height, st.Overlay.Width(min(d.width-2, 78)).Render(b.String()))
}

// ShortHelp is the form's keys.
func (d exportDialog) ShortHelp() []key.Binding {
	k := d.ctx.keys
	switch d.stage {
	case exportAskOff:
		return []key.Binding{k.Items.Yes, k.Items.No}
	case exportPreview:
		return []key.Binding{withHelp(k.Confirm, "enter", "write it"), withHelp(k.Cancel, "esc", "back"), k.Up, k.Down, k.PageUp, k.PageDown}
	}
	return []key.Binding{withHelp(k.Confirm, "enter", "export"), k.FormatPrev, k.FormatNext,
		withHelp(k.Arrows, "↑/↓", "for whom"), k.Redact, k.Cancel}
}

// FullHelp is the same.
func (d exportDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
