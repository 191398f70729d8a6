package tui

import (
	"errors"
	"net"
	"strconv"
	"strings"
	"syscall"

	"vigil/session"
	"vigil/store"
)

// roomFailure says in one plain sentence why the room could not open, and
// what to do. The common refusals of the address (in use, a port below
// 1024, an address this computer does not have) have words of their own;
// anything else is said in the room's own words for the step that failed
// ("open the room on …"), with the system's cause in plain words where
// there are some (store.PlainCause). Go's and the kernel's wording
// ("listen tcp …: bind: …") is never shown. An error that reaches here as
// text only, with no cause to unwrap, is read by its text, as plainReason
// does; one with none of those words in it is a sentence of the room's own.
func roomFailure(err error) string {
	addr := listenAddr(err)
	where, host, port := "that address", "", ""
	if addr != "" {
		where = addr
		host, port, _ = net.SplitHostPort(addr)
	}
	switch {
	case refusedWith(err, syscall.EADDRINUSE):
		return "Another program is already using " + where + "; close it, or open the room on another address with --addr."
	case refusedWith(err, syscall.EADDRNOTAVAIL):
		which := "that address"
		if host != "" {
			which = "the address " + host
		}
		return "This computer does not have " + which + " just now (the network may have changed); open the room on an address it has with --addr."
	case refusedWith(err, syscall.EACCES) || refusedWith(err, syscall.EPERM):
		if n, perr := strconv.Atoi(port); perr == nil && n > 0 && n < 1024 {
			return "Port " + port + " is below 1024, where only the system may listen; open the room on a higher port with --addr, such as " +
				net.JoinHostPort(host, roomPort) + "."
		}
		if addr != "" {
			return "This computer did not let vigil listen on " + addr + "; open the room on another address with --addr."
		}
	}
	cause := errors.Unwrap(err)
	if cause == nil {
		return session.Sentence(err.Error())
	}
	what, ok := strings.CutSuffix(err.Error(), ": "+cause.Error())
	if !ok {
		what = "open the room"
	}
	var op *net.OpError
	switch c := store.PlainCause(err); {
	case c != "":
		return "vigil could not " + what + ", because " + c + "."
	case errors.As(err, &op):
		return "vigil could not " + what + "; check the address given with --addr, or open the room on another one."
	}
	return "vigil could not " + what + "; try again in a moment."
}

// roomPort is the room's port when none is given (room.DefaultAddr).
const roomPort = "2323"

// refusedWith reports whether the system refused with errno: by the
// error's chain or, for an error that reached here as text only, by the
// errno's own words at its end ("bind: address already in use").
func refusedWith(err error, errno syscall.Errno) bool {
	return errors.Is(err, errno) || strings.HasSuffix(err.Error(), errno.Error())
}

// listenAddr is the address the room could not listen on, from the
// error net.Listen gave, or from its text ("listen tcp 127.0.0.1:2323:
// …"); "" when the error is not about listening.
func listenAddr(err error) string {
	var op *net.OpError
	if errors.As(err, &op) {
		if op.Op == "listen" && op.Addr != nil {
			return op.Addr.String()
		}
		return ""
	}
	_, rest, ok := strings.Cut(err.Error(), "listen tcp")
	if !ok {
		return ""
	}
	addr, _, ok := strings.Cut(strings.TrimPrefix(strings.TrimLeft(rest, "46"), " "), ": ")
	if !ok || addr == "" || strings.Contains(addr, " ") {
		return ""
	}
	return addr
}
