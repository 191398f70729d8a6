package arch

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// allowed is, for each of vigil's packages, the vigil packages it may
// import. Front ends import session (and export, which renders the
// session's captured model); none imports another front end; nothing
// imports upwards. The leader's screens drive the room through its
// contract, room/link, never through package room: cmd/vigil hands them
// an opener. A package missing here fails the test, so a new one
// has to be placed in the picture.
var allowed = map[string][]string{
	"vigil/guides":                {},
	"vigil/store":                 {"vigil/guides"},
	"vigil/session":               {"vigil/store", "vigil/guides"},
	"vigil/export":                {"vigil/session", "vigil/store", "vigil/guides"},
	"vigil/plain":                 {"vigil/session", "vigil/store", "vigil/guides"},
	"vigil/tui":                   {"vigil/export", "vigil/room/link", "vigil/session", "vigil/store", "vigil/guides"},
	"vigil/room":                  {"vigil/room/link", "vigil/session", "vigil/store", "vigil/guides"},
	"vigil/room/link":             {"vigil/session", "vigil/store", "vigil/guides"},
	"vigil/cmd/vigil":             {"*"},
	"vigil/internal/arch":         {},
	"vigil/internal/agree":        {},
	"vigil/internal/guidetest":    {"vigil/guides"},
	"vigil/internal/storetest":    {"vigil/store"},
	"vigil/internal/floor":        {},
	"vigil/internal/floorglamour": {},
	"vigil/e2e":                   {},
}

// TestPackagePicture reads every package's imports with `go list` and
// checks them against allowed.
func TestPackagePicture(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "vigil/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	seen := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		pkg, imports := fields[0], fields[1:]
		may, known := allowed[pkg]
		if !known {
			t.Errorf("%s is not in the package picture: add it to allowed, where DESIGN.md puts it", pkg)
			continue
		}
		seen++
		if slices.Contains(may, "*") {
			continue
		}
		for _, imp := range imports {
			if strings.HasPrefix(imp, "vigil/") && !slices.Contains(may, imp) {
				t.Errorf("%s imports %s, which the package picture does not allow", pkg, imp)
			}
		}
	}
	if seen < 7 {
		t.Fatalf("go list found only %d of vigil's packages:\n%s", seen, out)
	}
}
