package export

import (
	"strings"
	"testing"

	"vigil/store"
)

func TestSplitKey(t *testing.T) {
	for key, want := range map[string]struct {
		id     string
		prompt int
		leader bool
	}{
		"faq/what-is-it":              {"faq/what-is-it", 0, false},
		"reflection/clarity#2":        {"reflection/clarity", 2, false},
		"reflection/clarity#2@leader": {"reflection/clarity", 2, true},
		"prayer#group":                {"prayer#group", 0, false},
		"prayer#group@leader":         {"prayer#group", 0, true},
		"reflection/x#0":              {"reflection/x#0", 0, false},
		"reflection/x#02":             {"reflection/x#02", 0, false},
	} {
		id, prompt, leader := splitKey(key)
		if id != want.id || prompt != want.prompt || leader != want.leader {
			t.Errorf("splitKey(%q) = %q, %d, %v; want %+v", key, id, prompt, leader, want)
		}
	}
}

func TestDuration(t *testing.T) {
	for sec, want := range map[int64]string{0: "0 s", 45: "45 s", 60: "1 min", 89: "1 min", 90: "2 min", 3600: "1 h", 3930: "1 h 6 min"} {
		if got := duration(sec); got != want {
			t.Errorf("duration(%d) = %q, want %q", sec, got, want)
		}
	}
}

// TestNoTerminalEscapesLeave: text typed with terminal escapes or
// reordering marks is shown without them in md, txt and html (the JSON
// keeps the text exactly).
func TestNoTerminalEscapesLeave(t *testing.T) {
	rec := fixture()
	rec.Notes["faq/what-is-cybersex-trafficking"] = store.Note{Key: "faq/what-is-cybersex-trafficking", Kind: store.NoteSection,
		Text: "red \x1b[31mtext\x1b[0m\r\nand \u202eright to left\u202c, a bell\a, a tab\there"}
	rec.Requests[0].Name = "Ana\x1b]0;title\a"
	st, ids := storeWith(t, rec)
	for _, f := range []Format{Markdown, Text, HTML} {
		out := export(t, st, ids, f, false)
		if strings.ContainsFunc(strings.ReplaceAll(out, "\n", ""), unsafeRune) {
			t.Errorf("%s export holds a control character or reordering mark", f)
		}
		if !strings.Contains(out, "31mtext") || !strings.Contains(out, "right to left") {
			t.Errorf("%s export lost the text around the escapes", f)
		}
	}
	if out := export(t, st, ids, JSON, false); !strings.Contains(out, `\u001b[31m`) {
		t.Error("the JSON export does not keep the text exactly")
	}
}
