package main

import (
	"os"
	"testing"

	"github.com/charmbracelet/colorprofile"
)

// TestColourProfile: vigil hands bubbletea the profile lipgloss found at
// start-up instead of detecting it again, so the two must agree; and
// --no-color or NO_COLOR gives no colour at all.
func TestColourProfile(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	if got, want := colourProfile(&options{}), colorprofile.Detect(os.Stdout, os.Environ()); got != want {
		t.Errorf("colourProfile = %v, colorprofile.Detect on stdout = %v", got, want)
	}
	if got := colourProfile(&options{noColor: true}); got != colorprofile.NoTTY {
		t.Errorf("with --no-color: %v, want NoTTY", got)
	}
	t.Setenv("NO_COLOR", "yes")
	if got := colourProfile(&options{}); got != colorprofile.NoTTY {
		t.Errorf("with NO_COLOR=yes: %v, want NoTTY", got)
	}
}
