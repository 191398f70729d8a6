package tui

import "time"

// The screens show dates in the user's own zone (.Local()), and the
// goldens and several tests hold those dates: on a machine in another
// zone they would show another day and fail. The package's tests run in
// UTC, whatever TZ says; what users see is not changed.
func init() {
	time.Local = time.UTC
}
