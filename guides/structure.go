package guides

import (
	"fmt"
	"slices"
	"strings"
)

// maxPrompts is the most prompts one reflection step may have: more than
// three is more than a group can take in on one screen.
const maxPrompts = 3

// Where the lines of a section go.
type mode int

const (
	modeBody    mode = iota + 1 // the section's Body
	modePrompts                 // the list under ### Prompts
	modeLeader                  // the note under ### For the leader
)

// structure reads the Markdown after the front matter into parts and
// sections, one line at a time.
type structure struct {
	pl    *problemList
	parts []Part
	ids   map[string]int // section ID -> line of its heading

	fence fence // the open code block, if any

	inPart       bool // a part heading has been read
	awaitComment int  // line of a part heading whose comment is still to come
	knownKind    bool // the current part's kind is one of Kinds
	strayText    bool // text before the first section of this part was reported

	inSec   bool // a section of the current part is open
	sec     Section
	mode    mode
	body    []string
	leader  []string
	prompts []int // line of each prompt of the current section
	// lines of the section's ### Prompts and ### For the leader headings
	promptsAt, leaderAt int
	loosePrompt         bool // text in the prompts list was reported
	lastBlank           bool // the previous prompts line was blank
}

// read reads lines, the file's lines from index start (line start+1).
func (s *structure) read(lines []string, start int) {
	for i := start; i < len(lines); i++ {
		s.line(lines[i], i+1)
	}
	if f := s.fence; f.char != 0 {
		closing := strings.Repeat(string(f.char), min(f.n, 10))
		if f.n > 10 {
			closing = fmt.Sprintf("%d %c characters", f.n, f.char)
		}
		s.pl.add(f.line, "this code block is never closed, so everything after it is read as code; add a closing line of %s.", closing)
	}
	s.closePart()
}

func (s *structure) line(line string, ln int) {
	if s.fence.char != 0 {
		if s.fence.closes(line) {
			s.fence = fence{}
		}
		s.text(line, ln)
		return
	}
	if s.awaitComment > 0 {
		if isBlank(line) {
			return
		}
		kind, ok := partComment(line)
		s.setKind(kind, ok, ln)
		if ok {
			return
		}
	}
	if f, ok := openFence(line, ln); ok {
		s.fence = f
		s.text(line, ln)
		return
	}
	if level, text, ok := heading(line); ok && level <= 3 {
		s.heading(level, text, ln)
		return
	}
	if _, ok := partComment(line); ok {
		s.pl.add(ln, "a part comment belongs on the line after a # heading; move it there or remove it.")
		return
	}
	s.text(line, ln)
}

// setKind gives the current part its kind from the comment after its
// heading.
func (s *structure) setKind(kind string, ok bool, ln int) {
	headLine := s.awaitComment
	s.awaitComment = 0
	p := &s.parts[len(s.parts)-1]
	if !ok {
		s.pl.add(headLine, "the heading %q has no part comment; add a line <!-- part: faq --> under it (the kinds are %s).", p.Title, kindList())
		return
	}
	if !slices.Contains(Kinds, Kind(kind)) {
		s.pl.add(ln, "unknown part kind %q; %s", kind, didYouMean(kind, kindStrings()))
		return
	}
	p.Kind = Kind(kind)
	s.knownKind = true
}

func (s *structure) heading(level int, text string, ln int) {
	title := stripEmphasis(text)
	switch level {
	case 1:
		s.closePart()
		if title == "" {
			s.pl.add(ln, "this part heading has no title; write one after the #.")
		}
		s.parts = append(s.parts, Part{Title: title, Line: ln})
		s.inPart, s.awaitComment, s.knownKind, s.strayText = true, ln, false, false
	case 2:
		s.closeSection()
		if !s.inPart {
			s.pl.add(ln, "the section %q comes before any part; add a part heading (# Title, then <!-- part: faq -->) above it.", title)
			return
		}
		s.openSection(title, ln)
	default:
		s.subheading(text, title, ln)
	}
}

func (s *structure) openSection(title string, ln int) {
	p := &s.parts[len(s.parts)-1]
	id := string(p.Kind) + "/" + slug(title)
	switch {
	case title == "":
		s.pl.add(ln, "this section heading has no title; write one after the ##.")
	case !s.knownKind:
		// The part's own problem is reported; an ID would be misleading.
	default:
		if first, dup := s.ids[id]; dup {
			s.pl.add(ln, "the section %q has the same ID %q as the section at line %d; give one of them a different title.", title, id, first)
		} else {
			s.ids[id] = ln
		}
	}
	s.inSec = true
	s.sec = Section{ID: id, Title: title, Line: ln}
	s.mode, s.body, s.leader, s.prompts = modeBody, nil, nil, nil
	s.promptsAt, s.leaderAt = 0, 0
}

// subheading handles a ### heading: the prompts list, the leader's note, or
// an ordinary heading inside the body.
func (s *structure) subheading(raw, title string, ln int) {
	if !s.inSec {
		s.text("### "+raw, ln)
		return
	}
	s.endMode()
	switch strings.TrimSuffix(strings.ToLower(title), ":") {
	case "prompts":
		if s.promptsAt > 0 {
			s.pl.add(ln, "this step already has a ### Prompts list at line %d; keep one.", s.promptsAt)
		} else if s.knownKind && s.parts[len(s.parts)-1].Kind != KindReflection {
			s.pl.add(ln, "### Prompts belongs in a reflection part; vigil does not show prompts in a %s part. Move the list or remove it.", s.parts[len(s.parts)-1].Kind)
		}
		s.mode, s.promptsAt, s.loosePrompt, s.lastBlank = modePrompts, ln, false, false
	case "for the leader":
		if s.leaderAt > 0 {
			s.pl.add(ln, "this section already has a ### For the leader note at line %d; put both in one.", s.leaderAt)
		}
		s.mode, s.leaderAt = modeLeader, ln
	default:
		s.mode = modeBody
		s.body = append(s.body, "### "+raw)
	}
}

// text takes a line that is not structure.
func (s *structure) text(line string, ln int) {
	switch {
	case !s.inPart:
		// Text before the first part is the file's own preamble; vigil
		// does not show it.
	case !s.inSec:
		if _, isComment := comment(line); isBlank(line) || isComment || s.strayText {
			return
		}
		s.strayText = true
		s.pl.add(ln, "text under a part heading before its first ## section is not shown by vigil; move it into a section.")
	case s.mode == modeLeader:
		s.leader = append(s.leader, line)
	case s.mode == modePrompts:
		s.promptLine(line, ln)
	default:
		s.body = append(s.body, line)
	}
}

// promptLine reads one line of the list under ### Prompts. A line that is
// not a bullet continues the previous item, as in Markdown.
func (s *structure) promptLine(line string, ln int) {
	blank := isBlank(line)
	defer func() { s.lastBlank = blank }()
	if blank {
		return
	}
	if item, ok := bullet(line); ok && s.fence.char == 0 {
		s.prompts = append(s.prompts, ln)
		if item == "" {
			s.pl.add(ln, "this prompt is empty; write the prompt after the dash, or remove the line.")
		}
		s.sec.Prompts = append(s.sec.Prompts, item)
		return
	}
	n := len(s.sec.Prompts)
	indented := strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")
	if n > 0 && s.fence.char == 0 && (indented || !s.lastBlank) {
		s.sec.Prompts[n-1] = strings.TrimSpace(s.sec.Prompts[n-1] + " " + strings.TrimSpace(line))
		return
	}
	if !s.loosePrompt {
		s.loosePrompt = true
		s.pl.add(ln, "only a list of prompts, each line starting with \"- \", may follow ### Prompts; move this text above the ### Prompts heading.")
	}
}

// endMode finishes the prompts list or leader note being read.
func (s *structure) endMode() {
	switch s.mode {
	case modePrompts:
		switch n := len(s.prompts); {
		case n == 0 && !s.loosePrompt:
			s.pl.add(s.promptsAt, "### Prompts has no list items; add 1 to %d lines starting with \"- \".", maxPrompts)
		case n > maxPrompts:
			s.pl.add(s.prompts[maxPrompts], "a reflection step has 1 to %d prompts and this one has %d; keep the %d that matter most, or split the step.", maxPrompts, n, maxPrompts)
		}
	case modeLeader:
		if strings.TrimSpace(strings.Join(s.leader, "")) == "" {
			s.pl.add(s.leaderAt, "### For the leader has nothing under it; write the note or remove the heading.")
		}
	}
	s.mode = modeBody
}

func (s *structure) closeSection() {
	if !s.inSec {
		return
	}
	s.endMode()
	p := &s.parts[len(s.parts)-1]
	if p.Kind == KindReflection && s.promptsAt == 0 {
		s.pl.add(s.sec.Line, "the reflection step %q has no prompts; add a ### Prompts heading and 1 to %d lines starting with \"- \".", s.sec.Title, maxPrompts)
	}
	if p.Kind != KindReflection {
		s.sec.Prompts = nil
	}
	s.sec.Body = joinTrimmed(s.body)
	s.sec.Leader = joinTrimmed(s.leader)
	p.Sections = append(p.Sections, s.sec)
	s.inSec = false
}

func (s *structure) closePart() {
	s.closeSection()
	if s.awaitComment > 0 {
		s.setKind("", false, 0)
	}
	if !s.inPart {
		return
	}
	if p := s.parts[len(s.parts)-1]; len(p.Sections) == 0 {
		s.pl.add(p.Line, "the part %q has no sections; add at least one ## heading under it.", p.Title)
	}
	s.inPart = false
}

func kindStrings() []string {
	out := make([]string, len(Kinds))
	for i, k := range Kinds {
		out[i] = string(k)
	}
	return out
}

func kindList() string { return strings.Join(kindStrings(), ", ") }
