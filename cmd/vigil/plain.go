package main

import (
	"os"

	"vigil/plain"
)

// runPlain runs a session line by line, for screen readers, pipes and
// scripts: with --plain, and whenever stdin or stdout is not a terminal.
// Every line typed is saved before the next prompt, so no signal handling
// is needed to keep notes safe.
func runPlain(o *options, start startFunc) error {
	st, err := openStore(o)
	if err != nil {
		return err
	}
	defer st.Close()
	lib := library(o)
	cfg := plain.Config{Store: st, Library: lib, Interactive: isTerminal()}
	if start != nil {
		if cfg.Start, err = start(st, lib); err != nil {
			return err
		}
	}
	return plain.Run(cfg, os.Stdin, os.Stdout)
}
