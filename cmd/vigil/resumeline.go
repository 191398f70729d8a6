package main

import (
	"fmt"

	"vigil/store"
)

// resumeLine is the line printed when the screens close on a session: that
// it is saved, and how to go on with it. It is "" when no session was open
// (the home screen).
func resumeLine(final []store.Change) string {
	for _, c := range final {
		if c.SessionID != 0 {
			return fmt.Sprintf("Saved. To go on later: vigil resume %d", c.SessionID)
		}
	}
	return ""
}
