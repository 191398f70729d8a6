package guides

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// MaxSize is the largest guide file vigil reads, in bytes. A guide is a few
// pages of text; anything near this size is not a guide.
const MaxSize = 1 << 20

// Parse reads a guide. name is the file name that problems are reported
// against. When the guide is not valid, the error is a Problems listing
// every problem found, not only the first.
func Parse(name string, data []byte) (*Guide, error) {
	g, ps := parse(name, data)
	if ps != nil {
		return nil, ps
	}
	return g, nil
}

// Check validates a guide as Parse does and returns its problems, or nil
// when it has none.
func Check(name string, data []byte) Problems {
	_, ps := parse(name, data)
	return ps
}

// parse reads data into a Guide and returns every problem it finds. The
// guide is only meant to be used when there are none.
func parse(name string, data []byte) (*Guide, Problems) {
	pl := &problemList{file: name}
	if len(data) > MaxSize {
		pl.add(0, "the file is over 1 MiB, and a guide may be at most 1 MiB (%d bytes); is this the right file?", MaxSize)
		return nil, pl.sorted()
	}
	if !utf8.Valid(data) {
		line, col := firstInvalid(data)
		pl.add(line, "the file is not valid UTF-8 (the first bad byte is at column %d); save it as UTF-8 text.", col)
		return nil, pl.sorted()
	}
	text := strings.TrimPrefix(string(data), "\uFEFF") // a byte-order mark some editors write
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	// Control characters are refused before anything else reads the text,
	// so that none of it reaches a terminal, a problem message included.
	if checkControls(lines, pl) {
		return nil, pl.sorted()
	}

	g := &Guide{Source: data, Origin: name}
	mr := &metaReader{pl: pl, meta: &g.Meta, keys: map[string]int{}, suggested: map[string]bool{}}
	bodyStart, fm := frontMatter(lines, pl)
	if fm.ok {
		mr.base = fm.open + 1 // YAML line 1 is the line after the opening ---
		mr.read(yamlBreaks.Replace(strings.Join(lines[fm.open+1:fm.close], "\n")))
	}

	st := &structure{pl: pl, ids: map[string]int{}}
	st.read(lines, bodyStart)
	g.Parts = st.parts

	if fm.ok && !mr.broken {
		checkMeta(g, mr, fm.open+1, st.ids)
	}
	if len(g.Parts) == 0 {
		pl.add(0, "the guide has no parts; add a part: a # heading, a line <!-- part: faq --> under it, and ## sections.")
	}
	return g, pl.sorted()
}

// yamlBreaks turns the characters YAML takes for line breaks, but vigil
// does not, into spaces, so that YAML's line numbers are the file's.
var yamlBreaks = strings.NewReplacer("\r", " ", "\u0085", " ", "\u2028", " ", "\u2029", " ")

// frontMatterAt says where the front matter is: the indexes (not lines) of
// its opening and closing --- lines.
type frontMatterAt struct {
	open, close int
	ok          bool // both lines were found
}

// frontMatter finds the front matter, reports what is wrong with where it
// is, and returns the index of the first line after it.
func frontMatter(lines []string, pl *problemList) (int, frontMatterAt) {
	open := -1
	for i, l := range lines {
		if isFrontMatterFence(l) {
			open = i
			break
		}
		if level, _, ok := heading(l); ok && level == 1 {
			break
		}
	}
	if open < 0 {
		pl.add(1, "the guide has no front matter; start the file with a --- line, the fields (id, title, source, attribution, content_note), and another --- line. See FORMAT.md.")
		return 0, frontMatterAt{}
	}
	end := -1
	for i := open + 1; i < len(lines); i++ {
		if isFrontMatterFence(lines[i]) {
			end = i
			break
		}
	}
	if end < 0 {
		// Without a closing line there is no telling where the fields end;
		// read the guide from its first part so its problems still show.
		pl.add(open+1, "the front matter opened here is never closed; add a --- line after its last field.")
		for i := open + 1; i < len(lines); i++ {
			if level, _, ok := heading(lines[i]); ok && level == 1 {
				return i, frontMatterAt{}
			}
		}
		return len(lines), frontMatterAt{}
	}
	if open > 0 {
		pl.add(1, "the file must start with the --- line that opens the front matter (now at line %d); move or remove what is above it.", open+1)
	}
	return end + 1, frontMatterAt{open: open, close: end, ok: true}
}

// firstInvalid returns the line and column (in bytes, 1-based) of the first
// byte that is not valid UTF-8.
func firstInvalid(data []byte) (line, col int) {
	i := 0
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		i += size
	}
	start := bytes.LastIndexByte(data[:i], '\n') + 1
	return bytes.Count(data[:i], []byte{'\n'}) + 1, i - start + 1
}
