package session

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"vigil/guides"
	"vigil/store"
)

// RedactionNotice opens every redacted export, in every format, so that
// whoever receives one knows what it is, what was taken out, and that
// taking out is done by rules that can miss things.
const RedactionNotice = "Confidential: a redacted copy of a vigil session, for handing on. " +
	"Private requests, the leader's notes and who was there are left out; " +
	"the names of people the session knows, the group's name and the session's title, " +
	"phone numbers, e-mail addresses, personal web addresses, street addresses and exact dates " +
	"are replaced in everything typed. " +
	"vigil can only replace what it recognises: free text may still hold a name, a place " +
	"or a detail it could not, so read it before passing it on."

// Replacements, as a reader sees them.
const (
	TheGroup      = "the group"
	TheSession    = "the session"
	RedactPhone   = "[phone]"
	RedactEmail   = "[e-mail]"
	RedactWeb     = "[web address]"
	RedactAddress = "[address]"
	RedactHandle  = "[handle]"
)

// redactor replaces, in free text, what the redacted view must not show.
// It is made once per session from everything the session knows (the
// whole record, private requests included: a name told in confidence is
// still a name), and is deterministic: the same record gives the same
// replacements.
type redactor struct {
	// names are the session's group and title (first pass) and people's
	// names and the words of their full names (last pass), each a list
	// indexed by its folded first rune, longest first.
	first, names map[rune][]phrase
	// guide is the guide's source, lowercased: a link or phone number
	// that appears in it is the guide's own, and stays.
	guide string
	// steps are the patterns text passes through, in order.
	steps []step
}

// step replaces what one pattern matches. A text with none of the
// characters in needs is left alone without running the pattern: each
// pattern needs one of them in every match (an "@", a digit), and most
// notes have none, which spares the dearest patterns.
type step struct {
	re    func() *regexp.Regexp
	with  func(s string, m []int) (string, bool)
	needs string
}

const digits = "0123456789" // \d, as the patterns say it

// phrase is something to replace, folded (see fold); a space in it
// matches any run of white space.
type phrase struct {
	runes []rune
	with  string
}

// newRedactor learns what to replace from rec and, when there is one, the
// session's guide.
func newRedactor(rec store.Record, g *guides.Guide) *redactor {
	r := &redactor{first: map[rune][]phrase{}, names: map[rune][]phrase{}}
	if g != nil {
		r.guide = strings.ToLower(string(g.Source))
	}
	r.steps = []step{
		{emailRe, r.email, "@"},
		{webRe, r.web, ""},
		{handleRe, handle, "@"},
		{isoDateRe, isoDate, digits},
		{numDateRe, numDate, digits},
		{dayMonthRe, dayMonth, digits},
		{monthDayRe, monthDay, digits},
		{streetRe, address, digits},
		{placeRe, address, ""},
		{phoneRe, r.phone, digits},
	}
	people := namesIn(rec)
	seen := map[string]bool{}
	add := func(to map[rune][]phrase, s, with string) {
		p := toPhrase(s, with)
		if len(p.runes) == 0 || seen[string(p.runes)] {
			return
		}
		seen[string(p.runes)] = true
		to[p.runes[0]] = append(to[p.runes[0]], p)
	}
	add(r.first, rec.Session.Group, TheGroup)
	add(r.first, rec.Session.Title, TheSession)
	for _, name := range people {
		add(r.names, name, Participant)
	}
	for _, name := range people {
		for _, w := range nameWords(name) {
			add(r.names, w, Participant)
		}
	}
	// A group named after someone ("Maria Gonzalez support group") names
	// them: its capitalised words that are not common words count as
	// names. Words of the guide's text ("Prayer") are not names.
	for _, w := range nameWords(rec.Session.Group) {
		if first := []rune(w)[0]; unicode.IsUpper(first) && !strings.Contains(r.guide, strings.ToLower(w)) {
			add(r.names, w, Participant)
		}
	}
	for _, m := range []map[rune][]phrase{r.first, r.names} {
		for k, ps := range m {
			slices.SortFunc(ps, func(a, b phrase) int {
				if len(a.runes) != len(b.runes) {
					return len(b.runes) - len(a.runes)
				}
				return strings.Compare(string(a.runes), string(b.runes))
			})
			m[k] = ps
		}
	}
	return r
}

// text is s with everything the redacted view replaces replaced.
func (r *redactor) text(s string) string {
	if strings.TrimSpace(s) == "" {
		return s
	}
	s = replacePhrases(s, r.first)
	for _, st := range r.steps {
		if st.needs == "" || strings.ContainsAny(s, st.needs) {
			s = replaceMatches(s, st.re(), st.with)
		}
	}
	return replacePhrases(s, r.names)
}

// namesIn is every name a record holds, as typed: who was there (one
// name each), and who asked for, took on or was named by each request,
// commitment and revisit.
func namesIn(rec store.Record) []string {
	names := splitAttendance(rec.Session.Attendance)
	for _, q := range rec.Requests {
		names = append(names, q.Name)
	}
	for _, c := range rec.Commitments {
		names = append(names, c.Name)
	}
	for _, rv := range rec.Session.Revisited {
		names = append(names, rv.Name)
	}
	return names
}

// splitAttendance splits who was there, as typed, into names: at commas,
// semicolons, slashes, "&", "+", line ends and the words "and" and "y".
func splitAttendance(s string) []string {
	parts := strings.FieldsFunc(s, func(c rune) bool { return strings.ContainsRune(",;&+/\n\r", c) })
	var out []string
	for _, p := range parts {
		words := strings.Fields(p)
		start := 0
		for i, w := range words {
			if lw := strings.ToLower(w); lw == "and" || lw == "y" {
				out = append(out, strings.Join(words[start:i], " "))
				start = i + 1
			}
		}
		out = append(out, strings.Join(words[start:], " "))
	}
	return out
}

// notNameWords are the words of a full name that are not a name on their
// own: particles, honorifics, family words, and the words the redactor
// itself writes.
var notNameWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the and of de la las los del dela delos der den van von da di du le san sta sto
		jr sr iii mrs miss mr ms dr sis bro pastor father mother brother sister aunt uncle tito tita kuya ate
		lola lolo nanay tatay mom dad family friend friends guest visitor new member participant group session
		week night morning evening team support study church bible prayer small cell home youth men women
		monday tuesday wednesday thursday friday saturday sunday fellowship ministry circle class meeting`) {
		notNameWords[w] = true
	}
}

// nameWords are the words of a full name that are names on their own:
// "Maria" and "Gonzalez" of "Maria Gonzalez", "Jun" of "Jun-Jun"; never a
// word of one or two letters or one of notNameWords.
func nameWords(name string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(name, func(c rune) bool { return !isWordRune(c) && c != '\'' && c != '’' && c != '-' }) {
		parts := []string{w}
		if strings.ContainsAny(w, "-'’") {
			parts = append(parts, strings.FieldsFunc(w, func(c rune) bool { return c == '-' || c == '\'' || c == '’' })...)
		}
		for _, p := range parts {
			p = strings.Trim(p, "-'’")
			if len([]rune(p)) < 3 || notNameWords[string(foldString(p))] {
				continue
			}
			out = append(out, p)
		}
	}
	return out
}

// toPhrase folds s, trims what is not a letter or digit from its ends and
// makes its white space single spaces.
func toPhrase(s, with string) phrase {
	f := foldString(strings.Join(strings.Fields(Clean(s)), " "))
	start, end := 0, len(f)
	for start < end && !isWordRune(f[start]) {
		start++
	}
	for end > start && !isWordRune(f[end-1]) {
		end--
	}
	return phrase{runes: f[start:end], with: with}
}

// replacePhrases replaces, as whole words, every phrase in ps: in any
// case, with or without accents ("jose" is "José"), and before a
// possessive ("Carla's" becomes "a participant's"). A replacement that
// starts a sentence starts with a capital.
func replacePhrases(s string, ps map[rune][]phrase) string {
	if len(ps) == 0 {
		return s
	}
	src := []rune(s)
	// f is src folded without combining marks; at[i] is where f[i] is in
	// src, and at[len(f)] the end of src.
	f := make([]rune, 0, len(src))
	at := make([]int, 0, len(src)+1)
	for i, c := range src {
		if unicode.Is(unicode.Mn, c) {
			continue
		}
		f = append(f, fold(c))
		at = append(at, i)
	}
	at = append(at, len(src))
	var b strings.Builder
	last := 0
	for i := 0; i < len(f); {
		if (i > 0 && isWordRune(f[i-1])) || !isWordRune(f[i]) {
			i++
			continue
		}
		end := -1
		var with string
		for _, p := range ps[f[i]] {
			if e, ok := matchAt(f, i, p.runes); ok && (e == len(f) || !isWordRune(f[e])) {
				end, with = e, p.with
				break
			}
		}
		if end < 0 {
			i++
			continue
		}
		b.WriteString(string(src[last:at[i]]))
		if startsSentence(src[:at[i]]) {
			with = capitalise(with)
		}
		b.WriteString(with)
		last = at[end]
		i = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(string(src[last:]))
	return b.String()
}

// matchAt reports whether p is at f[i:], and where it ends.
func matchAt(f []rune, i int, p []rune) (int, bool) {
	for _, c := range p {
		if i >= len(f) {
			return 0, false
		}
		if c == ' ' {
			if !unicode.IsSpace(f[i]) {
				return 0, false
			}
			for i < len(f) && unicode.IsSpace(f[i]) {
				i++
			}
			continue
		}
		if f[i] != c {
			return 0, false
		}
		i++
	}
	return i, true
}

// startsSentence reports whether text after before starts a sentence.
func startsSentence(before []rune) bool {
	for i := len(before) - 1; i >= 0; i-- {
		switch c := before[i]; {
		case c == '\n':
			return true
		case unicode.IsSpace(c) || c == '"' || c == '“' || c == '(':
			continue
		default:
			return c == '.' || c == '!' || c == '?'
		}
	}
	return true
}

func capitalise(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// isWordRune reports a rune that continues a word: "bea" is no word of
// "junjun_bea".
func isWordRune(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c) || c == '_'
}

// fold lowercases a letter and takes the accent off the Latin letters
// that Filipino and Spanish names use, one rune for one rune; a curly
// apostrophe becomes a straight one.
func fold(c rune) rune {
	c = unicode.ToLower(c)
	if b, ok := plainLetter[c]; ok {
		return b
	}
	return c
}

func foldString(s string) []rune {
	var out []rune
	for _, c := range s {
		if !unicode.Is(unicode.Mn, c) {
			out = append(out, fold(c))
		}
	}
	return out
}

var plainLetter = map[rune]rune{'’': '\'', '‘': '\''}

func init() {
	for base, accented := range map[rune]string{
		'a': "àáâãäåāăą", 'c': "çćĉċč", 'e': "èéêëēĕėęě", 'i': "ìíîïĩīĭįı", 'n': "ñńņňŉ",
		'o': "òóôõöøōŏő", 'u': "ùúûüũūŭůűų", 'y': "ýÿŷ", 's': "śŝşšș", 'z': "źżž", 'l': "ĺļľŀł",
		'g': "ĝğġģ", 'r': "ŕŗř", 't': "ţťț", 'd': "ď",
	} {
		for _, c := range accented {
			plainLetter[c] = base
		}
	}
}

// replaceMatches replaces each match of re in s with what with returns
// for it (given s and the match's submatch indices), or leaves it when
// with says no.
func replaceMatches(s string, re *regexp.Regexp, with func(s string, m []int) (string, bool)) string {
	ms := re.FindAllStringSubmatchIndex(s, -1)
	if ms == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		rep, ok := with(s, m)
		if !ok {
			continue
		}
		b.WriteString(s[last:m[0]])
		b.WriteString(rep)
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// sub is submatch n of m in s, or "".
func sub(s string, m []int, n int) string {
	if m[2*n] < 0 {
		return ""
	}
	return s[m[2*n]:m[2*n+1]]
}

var (
	emailRe = lazyRegexp(`[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`)
	// webRe finds a web address: with a scheme or www., or a domain name
	// with a path or query after it.
	webRe = lazyRegexp(`(?i)(?:https?://|www\.)[^\s<>"'()\[\]{}]+|\b(?:[\p{L}\p{N}-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#][^\s<>"'()\[\]{}]*)?`)
	// phoneRe finds a run of at least seven digits, with a country code,
	// an area code in brackets and one space, dot or dash between digits.
	phoneRe = lazyRegexp(`(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d(?:[ .-]?\d){6,14}`)
)

// handleRe finds a social media handle: "@junjun_bea".
var handleRe = lazyRegexp(`(?:^|[^\p{L}\p{N}_@.])(@[\p{L}\p{N}_.]{2,30})`)

func handle(s string, m []int) (string, bool) {
	return s[m[0]:m[2]] + RedactHandle, true
}

func (r *redactor) email(s string, m []int) (string, bool) {
	if r.guide != "" && strings.Contains(r.guide, strings.ToLower(s[m[0]:m[1]])) {
		return "", false
	}
	return RedactEmail, true
}

// web replaces a web address that may lead to a person: anything more
// than a bare domain ("ijm.org", "https://www.ijm.org/") unless the guide
// itself has the address.
func (r *redactor) web(s string, m []int) (string, bool) {
	u := strings.TrimRight(s[m[0]:m[1]], ".,;:!?'\"")
	m[1] = m[0] + len(u)
	rest := strings.ToLower(u)
	for _, p := range []string{"https://", "http://"} {
		rest = strings.TrimPrefix(rest, p)
	}
	if !strings.ContainsAny(strings.TrimSuffix(rest, "/"), "/?#") {
		return "", false // a bare domain names an organisation, not a person
	}
	if r.guide != "" && strings.Contains(r.guide, strings.TrimSuffix(rest, "/")) {
		return "", false
	}
	return RedactWeb, true
}

func (r *redactor) phone(s string, m []int) (string, bool) {
	if m[0] > 0 {
		if c := s[m[0]-1]; c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			return "", false
		}
	}
	if m[1] < len(s) {
		if c := s[m[1]]; c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			return "", false
		}
	}
	p := s[m[0]:m[1]]
	if r.guide != "" && strings.Contains(r.guide, strings.ToLower(p)) {
		return "", false // the guide's own hotline
	}
	return RedactPhone, true
}

// Dates.

const (
	weekdayPat = `(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?,?\s+)?`
	monthPat   = `(January|February|March|April|May|June|July|August|September|October|November|December|` +
		`Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|` +
		`enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|` +
		`Pebrero|Marso|Hunyo|Hulyo|Setyembre|Oktubre|Nobyembre|Disyembre)\.?`
	dayPat = `(\d{1,2})(?:st|nd|rd|th)?`
)

var (
	isoDateRe  = lazyRegexp(`\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?\b`)
	numDateRe  = lazyRegexp(`\b(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4}|\d{2})\b`)
	dayMonthRe = lazyRegexp(`(?i)\b` + weekdayPat + dayPat + `\s+(?:of\s+|de\s+)?` + monthPat + `(?:,?\s+(?:de\s+)?(\d{4}))?\b`)
	monthDayRe = lazyRegexp(`(?i)\b` + weekdayPat + monthPat + `\s+` + dayPat + `\b(?:,?\s+(\d{4})\b)?`)
)

var monthNumber = map[string]int{}

func init() {
	for i, names := range [][]string{
		{"january", "jan", "enero"}, {"february", "feb", "febrero", "pebrero"}, {"march", "mar", "marzo", "marso"},
		{"april", "apr", "abril"}, {"may", "mayo"}, {"june", "jun", "junio", "hunyo"}, {"july", "jul", "julio", "hulyo"},
		{"august", "aug", "agosto"}, {"september", "sept", "sep", "septiembre", "setiembre", "setyembre"},
		{"october", "oct", "octubre", "oktubre"}, {"november", "nov", "noviembre", "nobyembre"},
		{"december", "dec", "diciembre", "disyembre"},
	} {
		for _, n := range names {
			monthNumber[n] = i + 1
		}
	}
}

// toMonth says a date kept to its month: "November 2026", or "November"
// when the year is not known.
func toMonth(month int, year string) (string, bool) {
	if month < 1 || month > 12 {
		return "", false
	}
	name := time.Month(month).String()
	if year == "" {
		return name, true
	}
	y, _ := strconv.Atoi(year)
	if y < 100 {
		y += 2000
	}
	return name + " " + strconv.Itoa(y), true
}

func validDay(d string) bool {
	n, err := strconv.Atoi(d)
	return err == nil && n >= 1 && n <= 31
}

func isoDate(s string, m []int) (string, bool) {
	mo, _ := strconv.Atoi(sub(s, m, 2))
	if !validDay(sub(s, m, 3)) {
		return "", false
	}
	return toMonth(mo, sub(s, m, 1))
}

// numDate reads 26/11/2026 or 11/26/2026; when either reading could be
// right (03/04/2026) the month is not known, and only the year is kept.
func numDate(s string, m []int) (string, bool) {
	if sub(s, m, 2) != sub(s, m, 4) {
		return "", false
	}
	a, _ := strconv.Atoi(sub(s, m, 1))
	b, _ := strconv.Atoi(sub(s, m, 3))
	year := sub(s, m, 5)
	switch {
	case a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12):
		return "", false
	case a > 12:
		return toMonth(b, year)
	case b > 12:
		return toMonth(a, year)
	case a == b:
		return toMonth(a, year)
	}
	y, _ := strconv.Atoi(year)
	if y < 100 {
		y += 2000
	}
	return "[a date in " + strconv.Itoa(y) + "]", true
}

// monthOf is the number of a month name as matched; "may", "mar" and
// "march" in lower case are words, not months.
func monthOf(name string) int {
	name = strings.TrimSuffix(name, ".")
	switch name {
	case "may", "mar", "march":
		return 0
	}
	return monthNumber[strings.ToLower(name)]
}

func dayMonth(s string, m []int) (string, bool) {
	if !validDay(sub(s, m, 1)) {
		return "", false
	}
	return toMonth(monthOf(sub(s, m, 2)), sub(s, m, 3))
}

func monthDay(s string, m []int) (string, bool) {
	if !validDay(sub(s, m, 2)) {
		return "", false
	}
	return toMonth(monthOf(sub(s, m, 1)), sub(s, m, 3))
}

// Street addresses.

const (
	// addrWord is a word of a place's name: capitalised, or a number.
	addrWord = `[\p{Lu}\p{N}](?:[\p{L}\p{N}'’-]|\.[\p{L}\p{N}])*`
	// addrMore is what follows an address: ", Quezon City, Metro Manila 1100".
	addrMore = `(?:,\s*` + addrWord + `(?:[ \t]+` + addrWord + `)*)*`
)

var (
	// streetRe: a number, a few capitalised words, a street word.
	streetRe = lazyRegexp(`\b\d{1,5}[A-Za-z]?(?:[-/]\d+[A-Za-z]?)?,?[ \t]+(?:` + addrWord + `[ \t]+){1,4}?` +
		`(?:Street|Avenue|Boulevard|Road|Lane|Drive|St|Ave|Blvd|Rd|Ln|Dr|STREET|AVENUE|ROAD|ST|AVE|RD|street|avenue|boulevard|st|ave|blvd)\b\.?` + addrMore)
	// placeRe: a Spanish or Filipino street or district word, then its
	// name or number.
	placeRe = lazyRegexp(`\b(?:\d{1,5}[A-Za-z]?[ \t]+)?(?:[Cc]alle|[Aa]venida|Av\.|[Bb]arangay|[Bb]rgy\.?|[Pp]urok|[Ss]itio|Blk\.?|Block|Lot)[ \t]+` +
		addrWord + `(?:[ \t]+` + addrWord + `){0,4}` + addrMore)
)

func address(string, []int) (string, bool) { return RedactAddress, true }

// Times.

// toMonthStart is t kept to its month: midnight on its first day, in its
// time zone. The zero time stays zero.
func toMonthStart(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, t.Location())
}

// redact makes out, the shared view of rec, the redacted view: every name
// is "a participant", who was there is left out, the group and title are
// gone, free text is redacted, and every time is kept to its month.
func redact(out *store.Record, rec store.Record, g *guides.Guide) {
	r := newRedactor(rec, g)
	s := &out.Session
	s.Group, s.Title, s.Attendance = "", "", ""
	s.Created, s.Updated = toMonthStart(s.Created), toMonthStart(s.Updated)
	s.NextMeeting = toMonthStart(s.NextMeeting)
	for k, t := range s.Prayed {
		s.Prayed[k] = toMonthStart(t)
	}
	for k, n := range out.Notes {
		n.Text = r.text(n.Text)
		n.Updated = toMonthStart(n.Updated)
		out.Notes[k] = n
	}
	for i := range out.Requests {
		q := &out.Requests[i]
		q.Text, q.Answer = r.text(q.Text), r.text(q.Answer)
		q.Created, q.ClosedAt = toMonthStart(q.Created), toMonthStart(q.ClosedAt)
	}
	for i := range out.Commitments {
		c := &out.Commitments[i]
		c.Text = r.text(c.Text)
		c.Created = toMonthStart(c.Created)
	}
	for i := range s.Revisited {
		rv := &s.Revisited[i]
		rv.Text, rv.Answer = r.text(rv.Text), r.text(rv.Answer)
		rv.At = toMonthStart(rv.At)
	}
}

// lazyRegexp compiles a pattern on first use. The redaction patterns take
// about 2 ms to compile, which every start of vigil would otherwise pay
// before its first screen, redaction or not.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
