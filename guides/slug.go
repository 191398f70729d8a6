package guides

import (
	"fmt"
	"hash/fnv"
	"strings"
)

// maxSlug is the longest slug a section title gives. Longer slugs are cut at
// a dash where one is near, so IDs stay readable in exports.
const maxSlug = 60

// slug turns a title into the part of a section ID after the kind: lowercase
// ASCII letters and digits, every run of anything else one dash, no dash at
// either end. A title with no ASCII letter or digit (a title in another
// script) gets "s-" and a hash of the title, which is as stable as the title.
func slug(title string) string {
	var b strings.Builder
	dash, cut := false, false
	for i := 0; i < len(title) && !cut; i++ {
		c := title[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		default:
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteByte(c)
		cut = b.Len() >= maxSlug && i+1 < len(title)
	}
	s := b.String()
	if cut {
		s = s[:min(len(s), maxSlug)]
		if i := strings.LastIndexByte(s, '-'); i > maxSlug-15 {
			s = s[:i]
		}
	}
	s = strings.Trim(s, "-")
	if s == "" && strings.TrimSpace(title) != "" {
		h := fnv.New32a()
		h.Write([]byte(title))
		s = fmt.Sprintf("s-%08x", h.Sum32())
	}
	return s
}

// stripEmphasis removes Markdown emphasis markers (**, *, __, _) from a
// heading so that "**What is it?**" becomes "What is it?". An underscore
// inside a word (snake_case) is kept, as Markdown keeps it.
func stripEmphasis(s string) string {
	if !strings.ContainsAny(s, "*_") {
		return strings.Join(strings.Fields(s), " ")
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '*' {
			continue
		}
		if c == '_' {
			before := i > 0 && isWordByte(s[i-1])
			after := i+1 < len(s) && isWordByte(s[i+1])
			if before && after {
				b.WriteByte(c)
			}
			continue
		}
		b.WriteByte(c)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
