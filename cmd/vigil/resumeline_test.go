package main

import (
	"testing"

	"vigil/store"
)

func TestResumeLine(t *testing.T) {
	for _, tt := range []struct {
		final []store.Change
		want  string
	}{
		{nil, ""},
		{[]store.Change{{}}, ""},
		{[]store.Change{{SessionID: 12}, {SessionID: 3}}, "Saved. To go on later: vigil resume 12"},
	} {
		if got := resumeLine(tt.final); got != tt.want {
			t.Errorf("resumeLine(%+v) = %q, want %q", tt.final, got, tt.want)
		}
	}
}
