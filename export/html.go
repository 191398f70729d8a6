package export

import (
	"fmt"
	"html"
	"html/template"
	"strings"

	"vigil/session"
)

// htmlEncoder writes one self-contained page: inline CSS, no scripts, no
// fonts, images or links to fetch (a Content-Security-Policy says so to the
// browser as well), laid out to print as a handout, one session per sheet.
// html/template escapes every piece of text.
type htmlEncoder struct{}

var page = template.Must(template.New("page").Funcs(template.FuncMap{
	"paragraphs": paragraphs,
	"guide":      func(src string) template.HTML { return template.HTML(guideHTML(src)) }, // escaped by guideHTML
	"addresses":  htmlAddresses,
	"titleNext":  func() string { return session.TitleGuideNext },
	"titleHelp":  func() string { return session.TitleHelp },
	"titleMeet":  func() string { return session.TitleNextMeeting },
}).Parse(pageTemplate))

// htmlAddresses escapes text, with each web address in it as a link.
func htmlAddresses(s string) template.HTML {
	var b strings.Builder
	for _, p := range addressParts(s) {
		if p.url != "" {
			b.WriteString(`<a href="` + html.EscapeString(p.url) + `">` + html.EscapeString(p.text) + `</a>`)
		} else {
			b.WriteString(html.EscapeString(p.text))
		}
	}
	return template.HTML(b.String())
}

// begin writes the page's head, titled by the session's heading (for a
// redacted export, the guide and month alone: see session.Capture), and a
// redacted export's notice at the top of the page.
func (e *htmlEncoder) begin(o *out, first *session.Captured, total int, v session.View) {
	head := struct{ Title, Notice string }{Title: "vigil notes"}
	switch {
	case total == 1 && first != nil:
		head.Title = first.Heading
	case total > 1:
		head.Title = fmt.Sprintf("vigil notes: %d sessions", total)
	}
	if v == session.Redacted {
		head.Title += " (redacted)"
		head.Notice = session.RedactionNotice
	}
	e.run(o, "head", head)
}

func (e *htmlEncoder) session(o *out, c *session.Captured) { e.run(o, "session", c) }

func (e *htmlEncoder) end(o *out) { e.run(o, "foot", nil) }

func (e *htmlEncoder) run(o *out, name string, data any) {
	if o.err == nil {
		o.err = page.ExecuteTemplate(o.w, name, data)
	}
}

const pageTemplate = `{{define "head"}}<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font: 12pt/1.45 Georgia, "Times New Roman", serif; color: #111; background: #fff; max-width: 40em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin: 0 0 .4em; }
h2 { font-size: 1.25em; margin: 1.6em 0 .3em; padding-bottom: .15em; border-bottom: 1px solid #888; }
h3 { font-size: 1.05em; margin: 1.1em 0 .3em; }
h1, h2, h3 { font-family: "Helvetica Neue", Arial, sans-serif; break-after: avoid; page-break-after: avoid; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: .1em 1em; margin: 0 0 1em; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
p { margin: .3em 0; }
p.time, p.label { font-style: italic; color: #333; }
div.entry { margin: .5em 0 .8em; break-inside: avoid; page-break-inside: avoid; }
div.entry.leader { border-left: 3px solid #888; padding-left: .8em; }
ul { padding-left: 1.4em; }
ul.checks { list-style: none; padding-left: 0; }
li { margin: .25em 0; break-inside: avoid; page-break-inside: avoid; }
.mark { display: inline-block; width: 1.4em; }
.detail { color: #444; }
div.content-note { border: 1px solid #888; padding: .3em .8em; margin: 0 0 1em; }
article + article { break-before: page; page-break-before: always; margin-top: 3em; }
{{if .Notice}}p.notice { font-family: "Helvetica Neue", Arial, sans-serif; font-size: .9em; border: 1px solid #888; padding: .5em .8em; margin: 0 0 1.5em; }
{{end}}@page { margin: 2cm; }
@media print { body { margin: 0; max-width: none; padding: 0; } }
</style>
</head>
<body>
{{with .Notice}}<p class="notice" role="note">{{.}}</p>
{{end}}{{end}}{{define "session"}}<article>
<h1>{{.Heading}}</h1>
{{with .ContentNote}}<div class="content-note" role="note">
<p class="label">Content note</p>
{{guide .}}</div>
{{end}}{{with .Facts}}<dl class="facts">
{{range .}}<dt>{{.Label}}</dt><dd>{{.Value}}</dd>
{{end}}</dl>
{{end}}{{range .Parts}}<section class="part">
<h2>{{.Title}}</h2>
{{with .Time}}<p class="time">{{.}}</p>
{{end}}{{range .Sections}}<section>
<h3>{{.Title}}</h3>
{{range .Entries}}<div class="entry{{if .Leader}} leader{{end}}{{if .Passed}} passed{{end}}">
{{with .Label}}<p class="label">{{.}}</p>
{{end}}{{if .Passed}}<p><em>{{.Text}}</em></p>
{{else}}{{range paragraphs .Text}}<p>{{range $i, $l := .}}{{if $i}}<br>
{{end}}{{$l}}{{end}}</p>
{{end}}{{end}}</div>
{{end}}{{$checks := .Checks}}{{with .Items}}<ul{{if $checks}} class="checks"{{end}}>
{{range .}}<li>{{if $checks}}{{if .Done}}<span class="mark" role="img" aria-label="prayed">☑</span>{{else}}<span class="mark" role="img" aria-label="not prayed yet">☐</span>{{end}} {{end}}{{range $i, $p := paragraphs .Text}}{{if $i}}<br>
{{end}}{{range $j, $l := $p}}{{if $j}}<br>
{{end}}{{$l}}{{end}}{{end}}{{with .Detail}} <span class="detail">— {{.}}</span>{{end}}</li>
{{end}}</ul>
{{end}}</section>
{{end}}</section>
{{end}}{{with .NextSteps}}<section class="part next-steps">
<h2>{{titleNext}}</h2>
{{range .}}<section>
{{with .Title}}<h3>{{.}}</h3>
{{end}}{{guide .Body}}</section>
{{end}}</section>
{{end}}{{with .Help}}<section class="part help">
<h2>{{titleHelp}}</h2>
{{range .Lines}}<p>{{.}}</p>
{{end}}{{with .None}}<p>{{.}}</p>
{{end}}{{range .Groups}}<section>
<h3>{{.Need}}</h3>
<ul>
{{range .Items}}<li><strong>{{.Name}}</strong>{{range .Fields}}<br>
{{.Label}}: {{addresses .Value}}{{end}}{{with .For}}<br>
For {{.}}{{end}}</li>
{{end}}</ul>
</section>
{{end}}{{with .Checked}}<p class="time">{{.}}</p>
{{end}}</section>
{{end}}{{with .NextMeeting}}<section class="part next-meeting">
<h2>{{titleMeet}}</h2>
<p>{{.}}</p>
</section>
{{end}}</article>
{{end}}{{define "foot"}}</body>
</html>
{{end}}`
