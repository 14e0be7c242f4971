package cyderes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// atoms reports the observables of a (refanged) word outside URLs. It
// splits the word into atoms, the runs of bytes an IP address, a domain,
// an e-mail address, a hash or a file name may hold: ASCII letters and
// digits and . - _ : @ % +. A letter or digit beyond ASCII spoils the atom
// it is in; any other character beyond ASCII separates atoms.
func (sc *scanner) atoms(s string) {
	start, spoilt := -1, false
	for i := 0; i < len(s); {
		b := s[i]
		size := 1
		inAtom := class(b)&(cSep|cPunct) == 0
		if b >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			inAtom = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
			spoilt = spoilt || inAtom
		}
		switch {
		case inAtom && start < 0:
			start = i
		case !inAtom && start >= 0:
			if !spoilt {
				sc.atom(s[start:i])
			}
			start, spoilt = -1, false
		}
		i += size
	}
	if start >= 0 && !spoilt {
		sc.atom(s[start:])
	}
}

// atom reports the observable an atom is, if any. An atom that is none
// as a whole is split at colons (an address and its port, a label and its
// value), at signs and, failing all else, hyphens ("10.0.0.1-10.0.0.9").
func (sc *scanner) atom(a string) {
	a = trimAtom(a)
	if len(a) < 3 {
		return
	}
	var colons, ats, dots int
	digitsAndDots, hex, hyphen, upper := true, true, false, false
	for i := 0; i < len(a); i++ {
		b := a[i]
		upper = upper || (b >= 'A' && b <= 'Z')
		switch {
		case b == '.':
			dots++
			hex = false
		case isDigit(b):
		case class(b)&cHex != 0:
			digitsAndDots = false
		default:
			digitsAndDots, hex = false, false
			switch b {
			case ':':
				colons++
			case '@':
				ats++
			case '-':
				hyphen = true
			}
		}
	}
	switch {
	case colons > 0:
		if colons >= 2 && ats == 0 && sc.ipv6(a) {
			return
		}
		sc.split(a, ':')
	case ats > 0:
		sc.mail(a, upper)
	case dots == 0:
		if hex && !digitsAndDots {
			sc.hash(a, upper)
		}
	case digitsAndDots:
		sc.ipv4(a)
	default:
		if !sc.name(a, upper) && hyphen {
			sc.split(a, '-')
		}
	}
}

// split reports the observables of the parts of a between the separators
// sep.
func (sc *scanner) split(a string, sep byte) {
	for a != "" {
		i := strings.IndexByte(a, sep)
		if i < 0 {
			sc.atom(a)
			return
		}
		sc.atom(a[:i])
		a = a[i+1:]
	}
}

// trimAtom removes the punctuation around an atom: dots, hyphens, plus and
// per-cent signs at either end, and one colon at its end ("Source:").
func trimAtom(a string) string {
	for a != "" && isAtomPunct(a[0]) {
		a = a[1:]
	}
	for a != "" && isAtomPunct(a[len(a)-1]) {
		a = a[:len(a)-1]
	}
	if n := len(a); n >= 2 && a[n-1] == ':' && a[n-2] != ':' {
		a = a[:n-1]
	}
	return a
}

// isAtomPunct reports whether b is trimmed from the ends of an atom.
func isAtomPunct(b byte) bool { return b == '.' || b == '-' || b == '+' || b == '%' }
