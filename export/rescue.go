package export

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"io"
	"unicode/utf8"

	"vigil/store"
)

// rescueJSON is a session's records exactly as stored, for rescuing a
// damaged session: nothing is decoded, checked or cleaned. It goes to a
// file, never to a terminal.
type rescueJSON struct {
	What     string        `json:"what"`
	Database string        `json:"database"`
	Session  uint64        `json:"session"`
	Entries  []rescueEntry `json:"entries"`
}

// rescueEntry is one key: its bytes as a string when they are valid UTF-8,
// else as base64 in the _base64 field.
type rescueEntry struct {
	Bucket      string `json:"bucket"`
	ID          uint64 `json:"id,omitempty"` // a request's or commitment's number
	Key         string `json:"key,omitempty"`
	KeyBase64   string `json:"key_base64,omitempty"`
	Value       string `json:"value,omitempty"`
	ValueBase64 string `json:"value_base64,omitempty"`
}

// WriteRescue writes session id's records as stored (store.LoadRaw) to w
// as JSON, for rescue: a damaged session can be read by hand from it.
func WriteRescue(w io.Writer, st *store.Store, id uint64) error {
	raw, err := st.LoadRaw(id)
	if err != nil {
		return err
	}
	r := rescueJSON{
		What:     "The records of one session exactly as vigil stored them, for rescuing a damaged session by hand. Each value is the JSON vigil wrote; a damaged one may be cut short or garbled.",
		Database: st.Path(),
		Session:  id,
		Entries:  make([]rescueEntry, 0, len(raw)),
	}
	for _, e := range raw {
		re := rescueEntry{Bucket: e.Bucket}
		if (e.Bucket == "requests" || e.Bucket == "commitments") && len(e.Key) == 8 {
			re.ID = binary.BigEndian.Uint64(e.Key)
		} else if utf8.Valid(e.Key) {
			re.Key = string(e.Key)
		} else {
			re.KeyBase64 = base64.StdEncoding.EncodeToString(e.Key)
		}
		if utf8.Valid(e.Value) {
			re.Value = string(e.Value)
		} else {
			re.ValueBase64 = base64.StdEncoding.EncodeToString(e.Value)
		}
		r.Entries = append(r.Entries, re)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// RescueToFile writes WriteRescue's JSON to the file at path, 0600,
// through a temporary file; an existing file is replaced only with force,
// and never when it is the database or not an ordinary file.
func RescueToFile(st *store.Store, id uint64, path string, force bool) error {
	return placeFile(st, path, force, func(w io.Writer) error { return WriteRescue(w, st, id) })
}
