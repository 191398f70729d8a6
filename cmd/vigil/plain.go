package main

import "errors"

// runPlain runs a session line by line, for screen readers, pipes and
// scripts. (Being built: for now it says so.)
func runPlain(o *options, start startFunc) error {
	_ = o
	_ = start
	return errors.New("vigil's screens need a terminal: run it in a terminal window (plain mode is coming)")
}
