package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// Options configure an export.
type Options struct {
	// Library is where section and part titles come from: each session's
	// guide is looked up by its ID. A session whose guide is not there is
	// exported with the notes' keys for titles.
	Library guides.Library
	// View is who the export is for, and so what it may show (see
	// session.Filter): session.Leader is everything, session.Shared what
	// the room may see, session.Redacted the shared view without names,
	// for handing on. It is required: the zero View is refused, so that a
	// forgotten one never exports everything.
	View session.View
}

// ErrNoView is what Write and ToFile say when Options.View is not set.
var ErrNoView = errors.New("choose what the export is for: the leader's view, the shared view or redacted")

// encoder writes one format. begin is called once, before the first
// session (first is nil when there is none) with the number of sessions to
// come and the view they are written for; session once per session; end
// once.
type encoder interface {
	begin(o *out, first *session.Captured, total int, v session.View)
	session(o *out, c *session.Captured)
	end(o *out)
}

func encoderFor(f Format) (encoder, error) {
	switch f {
	case Markdown:
		return &mdEncoder{}, nil
	case JSON:
		return &jsonEncoder{}, nil
	case Text:
		return &textEncoder{}, nil
	case HTML:
		return &htmlEncoder{}, nil
	}
	return nil, fmt.Errorf("%q is not an export format; use md, json, txt or html", string(f))
}

// Write exports the sessions ids, in that order, to w in format f, each
// as session.Capture lays it out for opts.View. It reads and writes one
// session at a time, so memory stays flat however many there are. Every id
// is checked before anything is written: a missing one gives an error
// wrapping store.ErrNotFound and w gets nothing; so does a missing view
// (ErrNoView). A damaged session is passed over: the others are written
// whole, and the error is then a *store.DamagedError naming it.
func Write(w io.Writer, st *store.Store, ids []uint64, f Format, opts Options) error {
	enc, err := encoderFor(f)
	if err != nil {
		return err
	}
	if err := checkView(opts.View); err != nil {
		return err
	}
	o := &out{w: bufio.NewWriterSize(w, 64<<10)}
	found := map[string]*guides.Guide{}
	started := false
	err = st.Walk(ids, func(rec store.Record) error {
		g, ok := found[rec.Session.GuideID]
		if !ok {
			g = findGuide(opts.Library, rec.Session.GuideID)
			found[rec.Session.GuideID] = g
		}
		c := session.Capture(rec, g, opts.View)
		if !started {
			enc.begin(o, &c, len(ids), opts.View)
			started = true
		}
		enc.session(o, &c)
		return o.err
	})
	// Damaged sessions were passed over and are named in err: the others
	// are exported whole, and err says what was left out.
	var damaged *store.DamagedError
	if err != nil && !errors.As(err, &damaged) {
		return err
	}
	if !started {
		enc.begin(o, nil, 0, opts.View)
	}
	enc.end(o)
	if o.err == nil {
		o.err = o.w.Flush()
	}
	if o.err == nil && damaged != nil {
		return damaged
	}
	return o.err
}

// checkView refuses an export with no view: a forgotten choice must not
// export everything. Which values are views is session's to say: the zero
// View shows nothing.
func checkView(v session.View) error {
	if !v.Shows(session.Public) {
		return ErrNoView
	}
	return nil
}

// findGuide returns the library's guide with this ID, or nil. It matches
// IDs only: unlike Library.Find it never reads a file named by the ID,
// which comes from the database or an imported file.
func findGuide(lib guides.Library, id string) *guides.Guide {
	for _, g := range lib.Guides {
		if g.Meta.ID == id {
			return g
		}
	}
	return nil
}

// out is a buffered writer that keeps the first error, so that the
// encoders can write without checking every call.
type out struct {
	w   *bufio.Writer
	err error
}

// str writes strings as they are.
func (o *out) str(ss ...string) {
	for _, s := range ss {
		if o.err != nil {
			return
		}
		_, o.err = o.w.WriteString(s)
	}
}

// line writes strings and a newline.
func (o *out) line(ss ...string) {
	o.str(ss...)
	o.str("\n")
}

// bytes writes b as it is.
func (o *out) bytes(b []byte) {
	if o.err == nil {
		_, o.err = o.w.Write(b)
	}
}

// itemText is a request or commitment as one text, as md and txt write
// it: what it says, then who and what became of it.
func itemText(it session.Item) string {
	if it.Detail == "" {
		return it.Text
	}
	return it.Text + " — " + it.Detail
}

// paragraphs splits cleaned text into paragraphs (at blank lines) of lines,
// each line trimmed. Every writer lays text out from this.
func paragraphs(text string) [][]string {
	var out [][]string
	var cur []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}
