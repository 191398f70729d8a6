package tui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
)

// asText makes sure typed text stays text. A key press that carries more
// than one character (an input method, or a burst the decoder kept whole)
// is text, never a key name: "home" typed is the word, not the Home key. It
// becomes a paste, which the text fields insert as it is and every other
// screen ignores. Pasted text has its line breaks made one kind: CRLF and
// a lone CR become "\n".
func asText(msg tea.Msg) tea.Msg {
	switch m := msg.(type) {
	case tea.KeyPressMsg:
		if utf8.RuneCountInString(m.Text) > 1 {
			return tea.PasteMsg{Content: oneLineBreak(m.Text)}
		}
	case tea.PasteMsg:
		m.Content = oneLineBreak(m.Content)
		return m
	}
	return msg
}

// oneLineBreak turns CRLF and a lone CR into "\n".
func oneLineBreak(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// escThenKey splits a key pressed with alt into esc and the key. vigil binds
// nothing to alt, and a terminal sends alt+key as ESC and the key: so does
// esc followed quickly by a key (esc to stop editing, then ctrl+c), which
// arrives in one read over a slow link and is decoded as one alt key.
func escThenKey(msg tea.Msg) (esc, key tea.KeyPressMsg, ok bool) {
	k, isKey := msg.(tea.KeyPressMsg)
	if !isKey || k.Mod&tea.ModAlt == 0 {
		return esc, key, false
	}
	k.Mod &^= tea.ModAlt
	if k.Mod == 0 && k.Text == "" && unicode.IsPrint(k.Code) {
		k.Text = string(k.Code)
	}
	return tea.KeyPressMsg{Code: tea.KeyEscape}, k, true
}
