package guides

import (
	"fmt"
	"strings"
)

// suggest returns the candidate closest to word by edit distance when it is
// close enough to be a likely typing slip, or "" when none is.
func suggest(word string, candidates []string) string {
	const maxLen = 64 // longer words are no slip; this also bounds the work
	word = strings.ToLower(word)
	if word == "" || len(word) > maxLen {
		return ""
	}
	best, bestD := "", -1
	for _, c := range candidates {
		if len(c) > maxLen {
			continue
		}
		d := editDistance(word, strings.ToLower(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	limit := 1 + len(word)/3
	if bestD < 0 || bestD > limit || bestD >= len(word) {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance between two short strings, in
// bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// didYouMean returns "did you mean X?" for the candidate closest to word,
// when one is close, or else the list of candidates.
func didYouMean(word string, candidates []string) string {
	if s := suggest(word, candidates); s != "" {
		return fmt.Sprintf("did you mean %q?", s)
	}
	return "use one of " + strings.Join(candidates, ", ") + "."
}
