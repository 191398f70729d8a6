package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"vigil/export"
	"vigil/session"
	"vigil/store"
)

// exportDialog exports one session from the summary or the home screen:
// the format and redaction are asked, the file goes into the export folder
// under a name that is never one already there, and the dialog says where.
type exportDialog struct {
	ctx     *context
	session store.Session
	format  int // index into export.Formats
	redact  bool
	busy    bool
	done    string // the path written
	err     error
	width   int
	height  int
}

func newExportDialog(ctx *context, s store.Session) exportDialog {
	return exportDialog{ctx: ctx, session: s}
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

// exportCmd writes what waits to be saved, then the export, off the UI
// goroutine. A redacted export is for handing on; else it is everything,
// for the leader.
func (d exportDialog) exportCmd() tea.Cmd {
	cfg := d.ctx.cfg
	format := export.Formats[d.format]
	opts := export.Options{Library: cfg.Library, View: session.Leader}
	if d.redact {
		opts.View = session.Redacted
	}
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

// SetSize places the form in the window.
func (d exportDialog) SetSize(w, h int) dialog {
	d.width, d.height = w, h
	return d
}

func (d exportDialog) update(msg tea.Msg) (dialog, tea.Cmd) {
	switch msg := msg.(type) {
	case exportedMsg:
		if d.busy {
			d.busy, d.done, d.err = false, msg.path, msg.err
		}
		return d, nil
	case tea.KeyPressMsg:
		return d.key(msg)
	}
	return d, nil
}

func (d exportDialog) key(msg tea.KeyPressMsg) (dialog, tea.Cmd) {
	k := d.ctx.keys
	if d.done != "" || d.err != nil {
		return nil, nil // any key closes the result
	}
	if d.busy {
		return d, nil
	}
	n := len(export.Formats)
	switch {
	case key.Matches(msg, k.Cancel):
		return nil, nil
	case key.Matches(msg, k.FormatPrev):
		d.format = (d.format + n - 1) % n
	case key.Matches(msg, k.FormatNext):
		d.format = (d.format + 1) % n
	case key.Matches(msg, k.Redact):
		d.redact = !d.redact
	case key.Matches(msg, k.Confirm):
		d.busy = true
		return d, d.exportCmd()
	}
	return d, nil
}

func (d exportDialog) view() string {
	st := d.ctx.styles
	var b strings.Builder
	b.WriteString(st.Title.Render(fmt.Sprintf("Export session #%d", d.session.ID)) + "\n\n")
	b.WriteString("Format: ")
	for i, ff := range export.Formats {
		label := string(ff)
		if i == d.format {
			label = st.Selected.Render("[" + label + "]")
		} else {
			label = " " + label + " "
		}
		b.WriteString(label + " ")
	}
	b.WriteString(st.Muted.Render(" ←/→") + "\n")
	mark := "[ ]"
	if d.redact {
		mark = st.Selected.Render("[x]")
	}
	b.WriteString(mark + " Redact (r): leave out private requests and the leader's notes; names become \"a participant\"\n\n")
	switch {
	case d.err != nil:
		b.WriteString(st.Error.Render(session.Sentence(d.err.Error())) + "\n" + st.Muted.Render("Press any key."))
	case d.done != "":
		b.WriteString(st.Done.Render("Written to "+d.done) + "\n" + st.Muted.Render("Press any key."))
	case d.busy:
		b.WriteString(st.Muted.Render("Exporting…"))
	default:
		dir := d.ctx.cfg.ExportDir
		if dir == "" {
			dir = "."
		}
		b.WriteString(st.Muted.Render("enter writes it into " + dir + " · esc cancels"))
	}
	return place(d.width, d.height, st.Overlay.Width(min(d.width-2, 78)).Render(b.String()))
}

// ShortHelp is the form's keys.
func (d exportDialog) ShortHelp() []key.Binding {
	k := d.ctx.keys
	return []key.Binding{withHelp(k.Confirm, "enter", "export"), k.FormatPrev, k.FormatNext, k.Redact, k.Cancel}
}

// FullHelp is the same.
func (d exportDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
