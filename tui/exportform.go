package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"vigil/store"
	"vigil/store/export"
)

// exportForm exports one session from the summary or the home screen: the
// format and redaction are asked, the file goes into the export folder
// under a name that is never one already there, and the form says where.
type exportForm struct {
	ctx     *context
	session store.Session
	changes []store.Change // the session as the screen holds it, written first
	format  int            // index into export.Formats
	redact  bool
	busy    bool
	done    string // the path written
	err     error
}

// exportedMsg reports an export's end.
type exportedMsg struct {
	path string
	err  error
}

func newExportForm(ctx *context, s store.Session, changes []store.Change) *exportForm {
	return &exportForm{ctx: ctx, session: s, changes: changes}
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

// exportCmd writes what the screen holds, then the export, off the UI
// goroutine.
func (f *exportForm) exportCmd() tea.Cmd {
	cfg := f.ctx.cfg
	format := export.Formats[f.format]
	s, changes, redact := f.session, f.changes, f.redact
	return guard(func() tea.Msg {
		if err := cfg.Saver.write(changes); err != nil {
			return exportedMsg{err: err}
		}
		dir := cfg.ExportDir
		if dir == "" {
			dir = "."
		}
		path := freePath(dir, export.DefaultFileName(s, format))
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		err := export.ToFile(cfg.Store, cfg.Library, []uint64{s.ID}, format, redact, path, false)
		return exportedMsg{path: path, err: err}
	})
}

// update handles a key; it reports whether the form is to close.
func (f *exportForm) update(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := f.ctx.keys
	if f.done != "" || f.err != nil {
		return nil, true // any key closes the result
	}
	if f.busy {
		return nil, false
	}
	switch {
	case key.Matches(msg, k.StopEdit):
		return nil, true
	case msg.Type == tea.KeyLeft:
		f.format = (f.format + len(export.Formats) - 1) % len(export.Formats)
	case msg.Type == tea.KeyRight:
		f.format = (f.format + 1) % len(export.Formats)
	case msg.String() == "r":
		f.redact = !f.redact
	case msg.Type == tea.KeyEnter:
		f.busy = true
		return f.exportCmd(), false
	}
	return nil, false
}

func (f *exportForm) view(width int) string {
	st := f.ctx.styles
	var b strings.Builder
	b.WriteString(st.Title.Render(fmt.Sprintf("Export session #%d", f.session.ID)) + "\n\n")
	b.WriteString("Format: ")
	for i, ff := range export.Formats {
		label := string(ff)
		if i == f.format {
			label = st.Selected.Render("[" + label + "]")
		} else {
			label = " " + label + " "
		}
		b.WriteString(label + " ")
	}
	b.WriteString(st.Muted.Render(" ←/→") + "\n")
	mark := "[ ]"
	if f.redact {
		mark = st.Selected.Render("[x]")
	}
	b.WriteString(mark + " Redact (r): leave out private requests and the leader's notes; names become \"a participant\"\n\n")
	switch {
	case f.err != nil:
		b.WriteString(st.Error.Render(sentence(f.err)) + "\n" + st.Muted.Render("Press any key."))
	case f.done != "":
		b.WriteString(st.Done.Render("Written to "+f.done) + "\n" + st.Muted.Render("Press any key."))
	case f.busy:
		b.WriteString(st.Muted.Render("Exporting…"))
	default:
		dir := f.ctx.cfg.ExportDir
		if dir == "" {
			dir = "."
		}
		b.WriteString(st.Muted.Render("enter writes it into " + dir + " · esc cancels"))
	}
	return st.Overlay.Width(min(width-4, 76)).Render(b.String())
}
