package guides

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
)

// DefaultID is the id of the seed guide, the one a session uses when none is
// named.
const DefaultID = "cybersex-trafficking-faqs"

// OriginEmbedded is the Origin of a guide built into vigil.
const OriginEmbedded = "embedded"

//go:embed embedded/*.md
var embeddedFS embed.FS

var (
	embeddedOnce   sync.Once
	embeddedGuides []*Guide
)

// Embedded returns the guides built into vigil, parsed once, sorted by file
// name. The guides are shared: callers must not modify them. It panics if an
// embedded guide is invalid, which a test rules out before release.
func Embedded() []*Guide {
	embeddedOnce.Do(func() {
		names, err := fs.Glob(embeddedFS, "embedded/*.md")
		if err != nil {
			panic(err)
		}
		sort.Strings(names)
		for _, name := range names {
			data, err := embeddedFS.ReadFile(name)
			if err != nil {
				panic(err)
			}
			g, err := Parse(name, data)
			if err != nil {
				panic("embedded guide is invalid:\n" + err.Error())
			}
			g.Origin = OriginEmbedded
			embeddedGuides = append(embeddedGuides, g)
		}
	})
	return append([]*Guide(nil), embeddedGuides...)
}

// Default returns the seed guide, International Justice Mission's
// "Cybersex Trafficking FAQs".
func Default() *Guide {
	for _, g := range Embedded() {
		if g.Meta.ID == DefaultID {
			return g
		}
	}
	panic("the default guide " + DefaultID + " is not embedded")
}

// Library is every guide vigil can use: the embedded ones and the user's.
type Library struct {
	// Guides are the valid guides: the embedded ones first, in file-name
	// order, then the user's in file-name order. A user guide with an
	// embedded guide's id takes that guide's place.
	Guides []*Guide
	// Shadowed maps the id of each embedded guide that a user guide
	// replaces to the path of that user guide.
	Shadowed map[string]string
	// Broken holds one error per user guide that could not be used, each a
	// Problems naming the file. The good guides are loaded all the same.
	Broken []error
}

// Load returns the embedded guides plus every *.md file in dir. dir may be
// empty or missing; then only the embedded guides are there.
func Load(dir string) Library {
	lib := Library{Guides: Embedded(), Shadowed: map[string]string{}}
	if dir == "" {
		return lib
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			lib.Broken = append(lib.Broken, Problems{{File: dir, Msg: "cannot read the guides folder: " + plainErr(err)}})
		}
		return lib
	}
	index := map[string]int{} // id -> position in lib.Guides
	for i, g := range lib.Guides {
		index[g.Meta.ID] = i
	}
	for _, e := range entries { // ReadDir sorts by file name
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		// A FIFO, device or socket named *.md is named, not read (a link to
		// an ordinary file is followed).
		if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
			lib.Broken = append(lib.Broken, Problems{{File: path, Msg: notRegular(fi.Mode())}})
			continue
		}
		g, err := ReadFile(path)
		if err != nil {
			lib.Broken = append(lib.Broken, err)
			continue
		}
		i, taken := index[g.Meta.ID]
		switch {
		case !taken:
			index[g.Meta.ID] = len(lib.Guides)
			lib.Guides = append(lib.Guides, g)
		case lib.Guides[i].Origin == OriginEmbedded:
			lib.Shadowed[g.Meta.ID] = path
			lib.Guides[i] = g
		default:
			lib.Broken = append(lib.Broken, Problems{{File: path, Msg: fmt.Sprintf(
				"the id %s is already used by %s; give one of the two guides a different id.", g.Meta.ID, lib.Guides[i].Origin)}})
		}
	}
	return lib
}

// ReadFile reads and parses the guide file at path. Its Origin is the path.
// Every error, a file that cannot be read included, is a Problems naming
// the file.
//
// Only an ordinary file is read: a FIFO, device or socket (which could make
// reading wait forever, or never end) gives a problem at once.
func ReadFile(path string) (*Guide, error) {
	// O_NONBLOCK makes opening a FIFO return at once instead of waiting for
	// a writer; it changes nothing for an ordinary file.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, Problems{{File: path, Msg: "cannot read the file: " + plainErr(err)}}
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil {
		return nil, Problems{{File: path, Msg: "cannot read the file: " + plainErr(err)}}
	} else if !fi.Mode().IsRegular() {
		return nil, Problems{{File: path, Msg: notRegular(fi.Mode())}}
	}
	// Read one byte past the limit, so that Parse reports a file that is
	// too big without vigil reading all of it.
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, Problems{{File: path, Msg: "cannot read the file: " + plainErr(err)}}
	}
	return Parse(path, data)
}

// Find returns the guide with the given id or, failing that, the guide
// whose Origin is the given path. An argument that looks like a path (it ends
// in .md or holds a path separator) and names a file outside the library is
// read from disk; a broken file gives its Problems.
func (l Library) Find(idOrFile string) (*Guide, error) {
	for _, g := range l.Guides {
		if g.Meta.ID == idOrFile {
			return g, nil
		}
	}
	clean := filepath.Clean(idOrFile)
	for _, g := range l.Guides {
		if g.Origin != OriginEmbedded && filepath.Clean(g.Origin) == clean {
			return g, nil
		}
	}
	if strings.HasSuffix(idOrFile, ".md") || strings.ContainsRune(idOrFile, filepath.Separator) || strings.ContainsRune(idOrFile, '/') {
		if _, err := os.Stat(idOrFile); err == nil {
			return ReadFile(idOrFile)
		}
	}
	return nil, fmt.Errorf("no guide with id %s; run `vigil guides` to see the list", escapeControls(idOrFile))
}

// notRegular is the problem for a guide path that is not an ordinary file.
func notRegular(mode fs.FileMode) string {
	kind := "not an ordinary file"
	switch {
	case mode&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		kind = "a socket"
	case mode&fs.ModeDevice != 0, mode&fs.ModeCharDevice != 0:
		kind = "a device"
	case mode.IsDir():
		kind = "a folder"
	}
	return "this is " + kind + ", not a guide file; vigil reads guides only from ordinary files, so move it out of the guides folder."
}

// plainErr drops the Go operation and path from an os error ("open x: no
// such file or directory" becomes "no such file or directory"), since the
// problem already names the file.
func plainErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
