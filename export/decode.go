package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"vigil/store"
)

// MaxImportSize is the largest file Decode reads: far more than years of
// sessions, and little enough to read into memory.
const MaxImportSize = 64 << 20

// ErrBadExport means a file is not a JSON export this vigil can import:
// not JSON, from a newer vigil, missing a required field, or with a value
// out of range. Nothing is imported from it.
var ErrBadExport = errors.New("not an importable vigil export")

// ImportFile reads the JSON export at path and adds its sessions to st in
// one transaction; sessions already in st (by UID) are skipped. A file
// that cannot be imported changes nothing, and the error is one sentence
// naming the file.
func ImportFile(st *store.Store, path string) (added, skipped int, err error) {
	recs, err := ReadFile(path)
	if err != nil {
		return 0, 0, err
	}
	added, skipped, err = st.Import(recs)
	if errors.Is(err, store.ErrInvalidRecord) {
		return 0, 0, refuse(path, err.Error())
	}
	if err != nil {
		return 0, 0, fmt.Errorf("cannot import %s: %w; nothing was imported", path, err)
	}
	return added, skipped, nil
}

// ReadFile reads and checks the JSON export at path.
func ReadFile(path string) ([]store.Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s (%w); check the path", path, plain(err))
	}
	defer f.Close()
	return Decode(f, path)
}

// Decode reads and checks a JSON export from r; name is the file's name
// for messages. It reads at most MaxImportSize bytes, refuses a file from a
// newer vigil, unknown fields, and missing or bad values, and returns the
// sessions as records ready for store.Import. Errors wrap ErrBadExport.
func Decode(r io.Reader, name string) ([]store.Record, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxImportSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s (%w); check the file", name, plain(err))
	}
	if len(data) > MaxImportSize {
		return nil, badFile(name, "it is larger than 64 MiB, too big to be a vigil export; check that it is the right file")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, badFile(name, "it is empty; export the sessions again with `vigil export --format json`")
	}
	var head struct {
		Schema *json.RawMessage `json:"schema"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, badFile(name, fmt.Sprintf("it is not a vigil JSON export (%s); export it again with `vigil export --format json`", jsonProblem(data, err)))
	}
	var version int
	if head.Schema == nil || json.Unmarshal(*head.Schema, &version) != nil || version < 1 {
		return nil, badFile(name, "it has no schema number, so it is not a vigil JSON export; export it again with `vigil export --format json`")
	}
	if version > SchemaVersion {
		return nil, badFile(name, fmt.Sprintf("it was exported by a newer vigil (schema %d; this vigil reads up to %d); update vigil to import it", version, SchemaVersion))
	}
	var file fileJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&file); err != nil {
		return nil, refuse(name, jsonProblem(data, err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, refuse(name, "there is more after the end of the export")
	}
	if file.Sessions == nil {
		return nil, refuse(name, "it has no sessions list")
	}
	recs := make([]store.Record, 0, len(file.Sessions))
	for i, s := range file.Sessions {
		if err := checkSession(s); err != nil {
			return nil, refuse(name, fmt.Sprintf("session %d %s", i+1, err))
		}
		recs = append(recs, fromJSON(cleanSession(s)))
	}
	return recs, nil
}

// refuse says a file cannot be imported, why, and what to do.
func refuse(name, why string) error {
	return badFile(name, why+"; check the file, or export it again with `vigil export --format json`")
}

func badFile(name, why string) error {
	return &importError{msg: fmt.Sprintf("cannot import %s: %s; nothing was imported", name, why)}
}

// importError is one sentence for the person importing; it matches
// ErrBadExport.
type importError struct{ msg string }

func (e *importError) Error() string { return e.msg }
func (e *importError) Is(target error) bool {
	return target == ErrBadExport
}

// jsonProblem says where and how JSON went wrong, without quoting the
// file's content (it may hold requests told in confidence).
func jsonProblem(data []byte, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var tim *time.ParseError
	switch {
	case errors.As(err, &tim):
		return "a time is not valid (times look like 2026-11-26T19:30:00Z)"
	case errors.As(err, &syn) && syn.Offset >= int64(len(bytes.TrimRight(data, " \t\r\n"))):
		return "it ends too soon, so it may have been cut short"
	case errors.As(err, &syn):
		return fmt.Sprintf("broken JSON at line %d", lineAt(data, syn.Offset))
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "the file"
		}
		return fmt.Sprintf("%s must be %s, not %s (line %d)", field, article(typ.Type.Kind().String()), typ.Value, lineAt(data, typ.Offset))
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "it ends too soon, so it may have been cut short"
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "it has the field " + strings.TrimPrefix(err.Error(), "json: unknown field ") + ", which this vigil does not know"
	}
	return "a value is not valid (" + strings.TrimPrefix(err.Error(), "json: ") + ")"
}

// article names a Go kind as a JSON reader would.
func article(kind string) string {
	switch kind {
	case "string":
		return "a string"
	case "bool":
		return "true or false"
	case "slice", "array":
		return "a list"
	case "map", "struct":
		return "an object"
	}
	return "a number"
}

func lineAt(data []byte, offset int64) int {
	offset = min(max(offset, 0), int64(len(data)))
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

// plain drops the operation and path from an os error: the message names
// the file already.
func plain(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
