package export

import (
	"bytes"
	"encoding/json"
	"fmt"

	"vigil/session"
)

// jsonEncoder writes the JSON export (SCHEMA.md): the envelope by hand, so
// that sessions can be streamed into it, and each session's record, as
// session.Filter left it for the view, through encoding/json, indented.
type jsonEncoder struct {
	buf bytes.Buffer
	enc *json.Encoder
	n   int
}

func (e *jsonEncoder) begin(o *out, _ *session.Captured, _ int, v session.View) {
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	e.enc.SetIndent("    ", "  ")
	o.str("{\n", fmt.Sprintf("  \"schema\": %d,\n  \"redacted\": %t,\n", SchemaVersion, v == session.Redacted))
	if v == session.Redacted {
		notice, _ := json.Marshal(session.RedactionNotice) // a string always marshals
		o.str("  \"notice\": ", string(notice), ",\n")
	}
	o.str("  \"sessions\": [")
}

func (e *jsonEncoder) session(o *out, c *session.Captured) {
	e.buf.Reset()
	j := toJSON(c.Rec)
	guideWords(&j, c)
	if err := e.enc.Encode(j); err != nil {
		if o.err == nil {
			o.err = fmt.Errorf("write session %s as JSON: %w", c.Rec.Session.UID, err)
		}
		return
	}
	if e.n > 0 {
		o.str(",")
	}
	e.n++
	o.str("\n    ")
	o.bytes(bytes.TrimSuffix(e.buf.Bytes(), []byte("\n")))
}

func (e *jsonEncoder) end(o *out) {
	if e.n > 0 {
		o.str("\n  ")
	}
	o.str("]\n}\n")
}
