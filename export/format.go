package export

import (
	"fmt"
	"strings"
	"unicode"

	"vigil/session"
	"vigil/store"
)

// Format is a kind of export file.
type Format string

// The formats vigil writes. Each is also the file extension.
const (
	Markdown Format = "md"   // Markdown, readable as plain text and in glow
	JSON     Format = "json" // everything, for import elsewhere (SCHEMA.md)
	Text     Format = "txt"  // plain text for an email, 72 columns
	HTML     Format = "html" // one self-contained page that prints as a handout
)

// Formats lists every format in the order help texts name them.
var Formats = []Format{Markdown, JSON, Text, HTML}

// ParseFormat reads a format name as typed on the command line: md, json,
// txt or html, in any case; "markdown" and "text" are taken too.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "md", "markdown":
		return Markdown, nil
	case "json":
		return JSON, nil
	case "txt", "text":
		return Text, nil
	case "html", "htm":
		return HTML, nil
	}
	return "", fmt.Errorf("%q is not an export format; use md, json, txt or html", s)
}

// FormatOfFile returns the format a file name's extension names, if any.
func FormatOfFile(name string) (Format, bool) {
	i := strings.LastIndexByte(name, '.')
	if i < 0 || strings.ContainsAny(name[i:], `/\`) {
		return "", false
	}
	f, err := ParseFormat(name[i+1:])
	return f, err == nil
}

// DefaultFileName suggests a file name for an export that starts with
// session s, for view v: vigil-<date>-<group, title or guide>.<format>,
// for example "vigil-2026-11-26-thursday-group.md". The date is the
// session's own, in the time zone it was held in. The name of an export
// for a view that shows no names (session.View.ShowsNames: a redacted
// one) has neither group nor title nor day, which could tell who met:
// "vigil-2026-11-redacted.md".
func DefaultFileName(s store.Session, f Format, v session.View) string {
	if !v.ShowsNames() {
		return "vigil-" + s.Created.Format("2006-01") + "-redacted." + string(f)
	}
	name := "vigil-" + s.Created.Format("2006-01-02")
	for _, what := range []string{s.Group, s.Title, s.GuideID} {
		if slug := fileSlug(what); slug != "" {
			name += "-" + slug
			break
		}
	}
	return name + "." + string(f)
}

// fileSlug keeps letters and digits (of any script), lowercased, and turns
// every run of anything else into one dash; at most 40 characters.
func fileSlug(s string) string {
	var b strings.Builder
	dash := false
	n := 0
	for _, r := range s {
		if n >= 40 {
			break
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			n++
			dash = false
		}
		b.WriteRune(unicode.ToLower(r))
		n++
	}
	return b.String()
}
