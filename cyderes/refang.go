package cyderes

import "strings"

// Refang returns text with defanged indicators restored, as an Extractor
// reads them:
//
//   - hxxp and hxxps, in any case and not after a letter, become http
//     and https before a colon or a bracket ("hXXps://", "hxxp[:]//");
//   - a dot in brackets, parentheses or braces, or the word dot so
//     enclosed, becomes ".": [.] (.) {.} [dot] (dot) {dot};
//   - [:] becomes ":" and [://] becomes "://" (in any of the three kinds
//     of brackets);
//   - an at sign or the word at so enclosed becomes "@": [@] [at] (at).
//
// The words dot and at may be in any case. A bracketed dot or at sign
// standing alone between two words (between spaces, after an ASCII letter
// or digit and before another) loses the spaces around it, so
// "bob [at] example [dot] com" becomes "bob@example.com". Forms nested in
// one another are undone too ("[[.]]" becomes "."). Text without such
// forms is returned unchanged.
func Refang(text string) string {
	w := words{s: text}
	var b strings.Builder
	last := 0
	for {
		start, end, classes, ok := w.next()
		if !ok {
			break
		}
		if classes&(cOpen|cColon) == 0 {
			continue
		}
		r := refangWord(text[start:end])
		if len(r) == end-start && r == text[start:end] {
			continue
		}
		if last == 0 {
			b.Grow(len(text))
		}
		b.WriteString(text[last:start])
		b.WriteString(r)
		last = end
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// refangWord undoes the defanged forms of one word (see Refang), nested
// ones too, in one pass. It returns s itself when there is none.
func refangWord(s string) string {
	first := -1
	for i := 0; i < len(s) && first < 0; i++ {
		if _, n := markerAt(s, i); n > 0 {
			first = i
		}
	}
	if first < 0 {
		return s
	}
	out := make([]byte, first, len(s))
	copy(out, s)
	for i := first; i < len(s); {
		c := s[i]
		if (c == 'h' || c == 'H') && (len(out) == 0 || !isASCIILetter(out[len(out)-1])) {
			if rep, n := hxxp(s[i:]); n > 0 {
				out = append(out, rep...)
				i += n
				continue
			}
		}
		out = append(out, c)
		i++
		if c != ']' && c != ')' && c != '}' {
			continue
		}
		// A form just closed, perhaps around one undone already ("[[.]]").
		for n := 3; n <= 5 && n <= len(out); n++ {
			form := out[len(out)-n:]
			if rep := bracketed(form[0], c, form[1:n-1]); rep != "" {
				out = append(trimSpaces(out[:len(out)-n]), rep...)
				for i < len(s) && s[i] == ' ' {
					i++
				}
				break
			}
		}
	}
	return string(out)
}

// trimSpaces removes the spaces at the end of b.
func trimSpaces(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return b
}

// markerAt returns the replacement of the defanged form at s[i:] and its
// length, or 0 when there is none.
func markerAt(s string, i int) (string, int) {
	switch s[i] {
	case '[', '(', '{':
		return bracketMarker(s[i:])
	case 'h', 'H':
		if i > 0 && isASCIILetter(s[i-1]) {
			return "", 0
		}
		return hxxp(s[i:])
	}
	return "", 0
}

// bracketMarker reads a bracketed form at the start of s: [.] (dot) [:]
// [://] [@] {at} and the like.
func bracketMarker(s string) (string, int) {
	if len(s) < 3 {
		return "", 0
	}
	var closer byte
	switch s[0] {
	case '[':
		closer = ']'
	case '(':
		closer = ')'
	case '{':
		closer = '}'
	default:
		return "", 0
	}
	end := strings.IndexByte(s[1:min(len(s), 6)], closer)
	if end < 0 {
		return "", 0
	}
	if rep := bracketed(s[0], closer, s[1:1+end]); rep != "" {
		return rep, end + 2
	}
	return "", 0
}

// bracketed returns what a defanged form stands for, given its brackets
// and what they enclose, or "" when it is none.
func bracketed[T string | []byte](open, closer byte, inner T) string {
	switch {
	case open == '[' && closer == ']', open == '(' && closer == ')', open == '{' && closer == '}':
	default:
		return ""
	}
	switch len(inner) {
	case 1:
		switch inner[0] {
		case '.':
			return "."
		case '@':
			return "@"
		case ':':
			return ":"
		}
	case 2:
		if inner[0]|0x20 == 'a' && inner[1]|0x20 == 't' {
			return "@"
		}
	case 3:
		if inner[0]|0x20 == 'd' && inner[1]|0x20 == 'o' && inner[2]|0x20 == 't' {
			return "."
		}
		if inner[0] == ':' && inner[1] == '/' && inner[2] == '/' {
			return "://"
		}
	}
	return ""
}

// spacedMarkerLen returns the length of a bracketed dot or at sign at the
// start of s, the forms that may stand between spaces, or 0.
func spacedMarkerLen(s string) int {
	if len(s) < 3 || (s[0] != '[' && s[0] != '(' && s[0] != '{') {
		return 0
	}
	rep, n := bracketMarker(s)
	if rep != "." && rep != "@" {
		return 0
	}
	return n
}

// hxxp reads "hxxp" or "hxxps" in any case at the start of s, followed by
// a colon or a bracket, and returns "http" or "https".
func hxxp(s string) (string, int) {
	if len(s) < 5 || s[1]|0x20 != 'x' || s[2]|0x20 != 'x' || s[3]|0x20 != 'p' {
		return "", 0
	}
	rep, n := "http", 4
	if s[4]|0x20 == 's' {
		rep, n = "https", 5
	}
	if n == len(s) || (s[n] != ':' && s[n] != '[' && s[n] != '(' && s[n] != '{') {
		return "", 0
	}
	return rep, n
}

// isASCIILetter reports whether b is an ASCII letter.
func isASCIILetter(b byte) bool {
	b |= 0x20
	return b >= 'a' && b <= 'z'
}
