package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	"vigil/store"
)

// fill sets every field of v (a pointer to a struct) to a value that is
// not its zero value, so that a field an export forgets shows up.
func fill(t *testing.T, v reflect.Value, name string) {
	t.Helper()
	when := time.Date(2026, 11, 26, 19, 30, 0, 0, time.UTC)
	switch v.Kind() {
	case reflect.String:
		v.SetString("v-" + name)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(7)
	case reflect.Uint64, reflect.Uint, reflect.Uint32:
		v.SetUint(7)
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(when))
			return
		}
		for i := range v.NumField() {
			fill(t, v.Field(i), v.Type().Field(i).Name)
		}
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		val := reflect.New(v.Type().Elem()).Elem()
		fill(t, val, name)
		m.SetMapIndex(reflect.ValueOf("k-"+name).Convert(v.Type().Key()), val)
		v.Set(m)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 1, 1)
		fill(t, s.Index(0), name)
		v.Set(s)
	default:
		t.Fatalf("fill: field %s is a %s; teach fill about it", name, v.Kind())
	}
}

func filled[T any](t *testing.T) T {
	var v T
	fill(t, reflect.ValueOf(&v).Elem(), reflect.TypeOf(v).Name())
	return v
}

// TestJSONCarriesEveryField: the JSON export holds every field of every
// type the store keeps (all but the local session ID), and reads back to
// the same record. When the store gains a field, this fails until the
// schema (schema.go, SCHEMA.md) carries it.
func TestJSONCarriesEveryField(t *testing.T) {
	if n := reflect.TypeOf(store.Record{}).NumField(); n != 4 {
		t.Fatalf("store.Record has %d fields, the export knows 4 (Session, Notes, Requests, Commitments)", n)
	}
	note := filled[store.Note](t)
	rec := store.Record{
		Session:     filled[store.Session](t),
		Notes:       map[string]store.Note{note.Key: note},
		Requests:    []store.Request{filled[store.Request](t)},
		Commitments: []store.Commitment{filled[store.Commitment](t)},
	}
	data, err := json.Marshal(toJSON(rec))
	if err != nil {
		t.Fatal(err)
	}
	var back sessionJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&back); err != nil {
		t.Fatal(err)
	}
	got := fromJSON(back)
	want := rec
	want.Session.ID = 0 // replaced by the UID: local to one database
	if !reflect.DeepEqual(got, want) {
		t.Errorf("a field is lost on the way through JSON:\n got %s\nwant %s", dump(got), dump(want))
	}
}

func dump(v any) string { return fmt.Sprintf("%+v", v) }
