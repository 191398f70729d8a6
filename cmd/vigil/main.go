// Command vigil is a terminal prayer guide and small-group companion.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"vigil/session"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line and turns any error into one sentence on
// stderr and a non-zero exit: never a stack trace.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	if err := root.Execute(); err != nil {
		var code exitCode
		if errors.As(err, &code) {
			return int(code)
		}
		msg := err.Error()
		if strings.HasPrefix(msg, "unknown command") || strings.HasPrefix(msg, "unknown flag") ||
			strings.HasPrefix(msg, "unknown shorthand flag") {
			msg += "; run `vigil --help` to see what vigil takes"
		} else if strings.Contains(msg, " arg(s)") {
			msg += "; run the command with --help to see what it takes"
		}
		// Store's sentences begin "vigil cannot …" to stand alone (the
		// screens show them so); after the prefix that says it again.
		msg = strings.TrimPrefix(msg, "vigil ")
		fmt.Fprintln(stderr, "vigil: "+session.Sentence(msg))
		return 1
	}
	return 0
}

// exitCode ends vigil with a status and no further message: the command has
// already said what went wrong.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }
