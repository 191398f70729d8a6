package room

import (
	"fmt"
	"io"
	stdlog "log"
	"log/slog"
	"os"
	"runtime/debug"
	"sync"
	"time"

	charmlog "charm.land/log/v2"
)

// logSink is the room's log file. While any room is open, the loggers the
// SSH libraries write to (log/slog's default, charmbracelet/log's default,
// and the standard log package, which slog's default writes through) point
// at the newest open room's file, never at the leader's screen.
type logSink struct {
	mu sync.Mutex
	w  io.WriteCloser // nil once closed
}

func openLog(path string) (*logSink, error) {
	s := &logSink{}
	if path == "" {
		s.w = nopCloser{io.Discard}
	} else {
		if err := mkdirFor(path); err != nil {
			return nil, fmt.Errorf("make the folder for the room's log %s: %w", path, err)
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
		if err != nil {
			return nil, fmt.Errorf("open the room's log %s: %w", path, err)
		}
		s.w = f
	}
	capture(s)
	return s, nil
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

func (s *logSink) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.w == nil {
		return len(p), nil
	}
	return s.w.Write(p)
}

func (s *logSink) printf(format string, args ...any) {
	fmt.Fprintf(s, "%s %s\n", time.Now().Format(time.RFC3339), fmt.Sprintf(format, args...))
}

// recoverPanic logs a panic of the goroutine it is deferred on, and stops
// it there.
func (s *logSink) recoverPanic(what string) {
	if v := recover(); v != nil {
		s.printf("panic in %s: %v\n%s", what, v, debug.Stack())
	}
}

func (s *logSink) close() {
	release(s)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.w != nil {
		_ = s.w.Close()
		s.w = nil
	}
}

// The global loggers, taken while rooms are open and given back after.
var globals struct {
	mu       sync.Mutex
	open     []*logSink
	slog     *slog.Logger
	charm    *charmlog.Logger
	stdOut   io.Writer
	stdFlags int
}

// current writes to the newest open room's log.
type current struct{}

func (current) Write(p []byte) (int, error) {
	globals.mu.Lock()
	var s *logSink
	if n := len(globals.open); n > 0 {
		s = globals.open[n-1]
	}
	globals.mu.Unlock()
	if s == nil {
		return len(p), nil
	}
	return s.Write(p)
}

func capture(s *logSink) {
	globals.mu.Lock()
	defer globals.mu.Unlock()
	if len(globals.open) == 0 {
		globals.slog, globals.charm = slog.Default(), charmlog.Default()
		globals.stdOut, globals.stdFlags = stdlog.Writer(), stdlog.Flags()
		slog.SetDefault(slog.New(slog.NewTextHandler(current{}, nil)))
		charmlog.SetDefault(charmlog.New(current{}))
	}
	globals.open = append(globals.open, s)
}

func release(s *logSink) {
	globals.mu.Lock()
	defer globals.mu.Unlock()
	for i, o := range globals.open {
		if o == s {
			globals.open = append(globals.open[:i], globals.open[i+1:]...)
			break
		}
	}
	if len(globals.open) == 0 && globals.slog != nil {
		slog.SetDefault(globals.slog)
		charmlog.SetDefault(globals.charm)
		stdlog.SetOutput(globals.stdOut)
		stdlog.SetFlags(globals.stdFlags)
		globals.slog, globals.charm = nil, nil
	}
}
