package export

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"vigil/session"
)

// hostileImport holds every sequence seen reaching a terminal: OSC 52 (the
// clipboard), OSC 0 (the window title), ESC[2J, OSC 8 (a link), C1 CSI,
// a lone CR, DEL, and a right-to-left override.
const hostileImport = "A\x1b]52;c;ZXZpbA==\x07B\x1b]0;pwned\x07C\x1b[2JD\x1b]8;;http://x\x1b\\E\u009b31mF\rG\x7fH\u202eI\r\nJ\tK"

// unsafeIn reports any byte or rune no stored text may keep.
func unsafeIn(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return r == 0x1b || r == '\r' || r == 0x7f || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
	})
}

// TestImportStripsControls: what was typed keeps its words and loses every
// control (tabs and line breaks stay, CRLF is one break); keys and IDs
// with controls, and texts over the limit, refuse the file with a sentence
// that names the place and never the text.
func TestImportStripsControls(t *testing.T) {
	var f fileJSON
	if err := json.Unmarshal([]byte(validExport(t)), &f); err != nil {
		t.Fatal(err)
	}
	s := &f.Sessions[0]
	s.Group, s.Title, s.GuideTitle, s.Attendance = hostileImport, hostileImport, hostileImport, hostileImport
	for i := range s.Notes {
		s.Notes[i].Text = hostileImport
	}
	for i := range s.Requests {
		s.Requests[i].Text, s.Requests[i].Name, s.Requests[i].Answer = hostileImport, hostileImport, hostileImport
	}
	for i := range s.Commitments {
		s.Commitments[i].Text, s.Commitments[i].Name = hostileImport, hostileImport
	}
	s.Revisited = []revisitJSON{{Item: "request", SessionUID: "earlier", ItemID: 1, Text: hostileImport, Name: hostileImport,
		Action: "answered", Answer: hostileImport, At: at(19, 40)}}
	encode := func(f fileJSON) string {
		data, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	recs, err := Decode(strings.NewReader(encode(f)), "hostile.json")
	if err != nil {
		t.Fatal(err)
	}
	// The controls go; the printable rest of a sequence stays, harmless.
	const want = "A]52;c;ZXZpbA==B]0;pwnedC[2JD]8;;http://x\\E31mF\nGHI\nJ\tK"
	var texts []string
	walkStrings(reflect.ValueOf(recs), &texts)
	for _, txt := range texts {
		if unsafeIn(txt) {
			t.Errorf("an imported field kept a control: %q", txt)
		}
	}
	r := recs[0]
	if r.Session.Group != want || r.Notes[s.Notes[0].Key].Text != want || r.Requests[0].Name != want || r.Commitments[0].Text != want {
		t.Errorf("import cleaned %q to %q; want %q", hostileImport, r.Session.Group, want)
	}
	if rv := r.Session.Revisited; len(rv) != 1 || rv[0].Text != want || rv[0].Name != want || rv[0].Answer != want {
		t.Errorf("import cleaned a revisit to %+v; want each text %q", rv, want)
	}

	refused := map[string]func(s *sessionJSON){
		"note 1 has control characters in its key":      func(s *sessionJSON) { s.Notes[0].Key = "faq/x\x1b]0;t\x07" },
		"has control characters in a key or ID":         func(s *sessionJSON) { s.GuideID = "g\u202e" },
		"note 2 is longer than 16 KiB":                  func(s *sessionJSON) { s.Notes[1].Text = strings.Repeat("secret ", session.MaxText/7+1) },
		"request 1 is longer than 16 KiB":               func(s *sessionJSON) { s.Requests[0].Text = strings.Repeat("secret ", session.MaxText/7+1) },
		"commitment 1 is longer than 16 KiB":            func(s *sessionJSON) { s.Commitments[0].Text = strings.Repeat("secret ", session.MaxText/7+1) },
		"request 1 has control characters in prayed_in": func(s *sessionJSON) { s.Requests[0].PrayedIn = []string{"earlier\x1b[2J"} },
		"has a group longer than 16 KiB":                func(s *sessionJSON) { s.Group = strings.Repeat("secret ", session.MaxText/7+1) },
		"revisit 1 is longer than 16 KiB": func(s *sessionJSON) {
			s.Revisited = []revisitJSON{{Item: "request", ItemID: 1, Action: "praying", At: at(19, 40),
				Text: strings.Repeat("secret ", session.MaxText/7+1)}}
		},
	}
	for says, spoil := range refused {
		var g fileJSON
		json.Unmarshal([]byte(validExport(t)), &g)
		spoil(&g.Sessions[0])
		_, err := Decode(strings.NewReader(encode(g)), "hostile.json")
		if err == nil || !strings.Contains(err.Error(), "session 1 "+says) || strings.Contains(err.Error(), "secret") || unsafeIn(err.Error()) {
			t.Errorf("%s: Decode = %v", says, err)
		}
	}
}

// walkStrings collects every string inside v.
func walkStrings(v reflect.Value, out *[]string) {
	switch v.Kind() {
	case reflect.String:
		*out = append(*out, v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkStrings(v.Elem(), out)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walkStrings(v.Field(i), out)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkStrings(v.Index(i), out)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			walkStrings(k, out)
			walkStrings(v.MapIndex(k), out)
		}
	}
}
