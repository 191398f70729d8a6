package tui

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

var (
	mdHeading = regexp.MustCompile(`^#{1,6}(\s+|$)`)
	mdBullet  = regexp.MustCompile(`^[-*+]\s+`)
	mdOrdered = regexp.MustCompile(`^\d{1,9}[.)]\s+`)
	mdRule    = regexp.MustCompile(`^([-*_])(\s*[-*_]){2,}$`)
)

// plainMarkdown turns a guide's Markdown into plain text for plain mode:
// headings lose their #'s, emphasis markers go, list numbers stay, a link
// becomes "text (url)". The lines of a paragraph or a list item are joined
// into one, as a screen reader reads best; nothing is wrapped.
func plainMarkdown(md string) string {
	var out []string
	joinable := false // the last line is text that the next line continues
	fence := ""
	for _, raw := range strings.Split(md, "\n") {
		t := strings.TrimSpace(raw)
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
				continue
			}
			out = append(out, strings.TrimRight(raw, " \t\r"))
			continue
		}
		indent := strings.Repeat(" ", len(raw)-len(strings.TrimLeft(raw, " ")))
		switch {
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			fence, joinable = t[:3], false
		case t == "" || mdRule.MatchString(t):
			if len(out) > 0 && out[len(out)-1] != "" {
				out = append(out, "")
			}
			joinable = false
		case strings.HasPrefix(t, "<!--") && strings.HasSuffix(t, "-->"):
		case mdHeading.MatchString(t):
			h := strings.TrimRight(strings.TrimLeft(t, "#"), "# ")
			out, joinable = append(out, plainInline(strings.TrimSpace(h))), false
		case mdBullet.MatchString(t):
			out, joinable = append(out, indent+"- "+plainInline(t[len(mdBullet.FindString(t)):])), true
		case mdOrdered.MatchString(t):
			num := mdOrdered.FindString(t)
			out, joinable = append(out, indent+strings.TrimSpace(num)+" "+plainInline(t[len(num):])), true
		default:
			t = strings.TrimSpace(strings.TrimLeft(t, "> "))
			if joinable && len(out) > 0 {
				out[len(out)-1] += " " + plainInline(t)
				continue
			}
			out, joinable = append(out, plainInline(t)), true
		}
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

// plainInline takes Markdown out of one line of text: emphasis markers,
// code backticks and escapes go; a link [text](url) becomes "text (url)".
// Underscores inside words and anything in a web address are kept.
func plainInline(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte("\\`*_{}[]()#+-.!<>~|", s[i+1]) >= 0:
			b.WriteByte(s[i+1])
			i += 2
		case c == '`':
			n := len(s[i:]) - len(strings.TrimLeft(s[i:], "`"))
			end := strings.Index(s[i+n:], s[i:i+n])
			if end < 0 {
				b.WriteString(s[i : i+n])
				i += n
				continue
			}
			b.WriteString(strings.TrimSpace(s[i+n : i+n+end]))
			i += n + end + n
		case c == '[' || c == '!' && strings.HasPrefix(s[i+1:], "["):
			at := i
			if c == '!' {
				at++
			}
			text, url, n, ok := mdLink(s[at:])
			if !ok {
				b.WriteByte(c)
				i++
				continue
			}
			b.WriteString(plainInline(text))
			if url != "" && url != text {
				b.WriteString(" (" + url + ")")
			}
			i = at + n
		case c == '<':
			end := strings.IndexByte(s[i:], '>')
			inner := ""
			if end > 0 {
				inner = s[i+1 : i+end]
			}
			if inner != "" && !strings.ContainsAny(inner, " <") && (strings.Contains(inner, "://") || strings.Contains(inner, "@")) {
				b.WriteString(inner)
				i += end + 1
				continue
			}
			b.WriteByte(c)
			i++
		case strings.HasPrefix(s[i:], "http://") || strings.HasPrefix(s[i:], "https://"):
			end := strings.IndexFunc(s[i:], unicode.IsSpace)
			if end < 0 {
				end = len(s) - i
			}
			b.WriteString(s[i : i+end])
			i += end
		case c == '*' || c == '~' && strings.HasPrefix(s[i+1:], "~"):
			i++
			if c == '~' {
				i++
			}
		case c == '_':
			if i > 0 && isWordChar(s[i-1]) && i+1 < len(s) && isWordChar(s[i+1]) {
				b.WriteByte(c)
			}
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// mdLink reads a link at the start of s: [text](url "title"). n is how
// many bytes it takes.
func mdLink(s string) (text, url string, n int, ok bool) {
	depth := 0
	close := -1
	for i := 0; i < len(s) && close < 0; i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			if depth--; depth == 0 {
				close = i
			}
		}
	}
	if close < 0 || close+1 >= len(s) || s[close+1] != '(' {
		return "", "", 0, false
	}
	depth = 0
	for i := close + 1; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				dest := strings.TrimSpace(s[close+2 : i])
				if f := strings.Fields(dest); len(f) > 0 {
					dest = strings.Trim(f[0], "<>")
				}
				return s[1:close], dest, i + 1, true
			}
		}
	}
	return "", "", 0, false
}

func isWordChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// stripControls takes escape sequences and control characters out of s,
// keeping tabs, and newlines when newlines is true. Whatever a guide file
// or a note holds, plain mode prints no colour codes and no cursor moves.
func stripControls(s string, newlines bool) string {
	clean := true
	for _, r := range s {
		if unicode.IsControl(r) && r != '\t' && (r != '\n' || !newlines) || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	s = ansi.Strip(s) // escape sequences, parsed as a terminal would
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\t' || r == '\n' && newlines:
			b.WriteRune(r)
			i += size
		case unicode.IsControl(r):
			i += size
		default:
			b.WriteRune(r) // invalid UTF-8 becomes U+FFFD
			i += size
		}
	}
	return b.String()
}
