package cyderes

import "math/bits"

// words finds the words of a text that may hold an observable: those
// with a byte of the classes in cFound, and those at least minHashLen
// long. A bracketed dot or at sign standing between two words
// ("bob [at] example [dot] com") joins them into one.
type words struct {
	s string
	i int // where the search goes on: the end of the last word found
}

// next returns the next such word, s[start:end], with the union of its
// bytes' classes; ok is false past the last one.
func (w *words) next() (start, end int, classes uint8, ok bool) {
	s := w.s
	for i := w.i; ; {
		t, trigger := skim(s, i)
		if t == len(s) {
			w.i = len(s)
			return 0, 0, 0, false
		}
		// Before the first byte of cFound in a word, the word holds no
		// such byte, and fewer than minHashLen bytes (a longer word would
		// have filled a block already): a word that ends in this dot, the
		// end of a sentence, holds nothing.
		if trigger && s[t] == '.' && (t+1 == len(s) || class(s[t+1])&cSep != 0) {
			i = t + 1
			continue
		}
		start = t
		for start > w.i && class(s[start-1])&cSep == 0 {
			start--
		}
		end, classes = w.wordEnd(start)
		if classes&cFound != 0 || end-start >= minHashLen {
			break
		}
		i = max(end, t+1)
	}
	if n := end - start; spacedMarkerLen(s[start:end]) == n && start > w.i && s[start-1] == ' ' {
		// A marker alone: it may join the word before it.
		j := start - 1
		for j > w.i && s[j-1] == ' ' {
			j--
		}
		if j > w.i && class(s[j-1])&cAlnum != 0 {
			p := j - 1
			for p > w.i && class(s[p-1])&cSep == 0 {
				p--
			}
			if e, c := w.glue(j); e > j {
				_, pc := w.wordEnd(p)
				start, end, classes = p, e, pc|c
			}
		}
	}
	if e, c := w.glue(end); e > end {
		end, classes = e, classes|c
	}
	w.i = end
	return start, end, classes, true
}

// skim returns the first position from i where a word worth reading
// may be: a byte of cFound (trigger is true), or the start of a block of
// 16 bytes without white space, which a word at least minHashLen long
// fills (trigger is false). It returns len(s) when there is none.
//
// Most of the text is read here, eight bytes at a time: the tests below
// find a byte of a given value, or below a given value, in a 64-bit word
// without a branch per byte (see "Bit Twiddling Hacks", "Determine if a
// word has a byte equal to n"). A test may flag bytes above the first one
// that matches, never one below it, so the lowest flag is exact.
func skim(s string, i int) (int, bool) {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	zero := func(x uint64) uint64 { return (x - ones) &^ x }
	for ; i+16 <= len(s); i += 16 {
		x, y := load64(s, i), load64(s, i+8)
		for k, v := range [2]uint64{x, y} {
			m := zero(v^('.'*ones)) | zero(v^(':'*ones)) | zero(v^('@'*ones)) |
				zero(v^('('*ones)) | zero((v|0x20*ones)^('{'*ones)) // [ and {
			if m &= highs; m != 0 {
				return i + 8*k + bits.TrailingZeros64(m)/8, true
			}
		}
		if below := func(v uint64) uint64 { return (v - 0x21*ones) &^ v }; (below(x)|below(y))&highs == 0 {
			return i, false
		}
	}
	for ; i < len(s); i++ {
		if class(s[i])&cFound != 0 {
			return i, true
		}
	}
	return len(s), false
}

// load64 reads eight bytes of s from i, the first one lowest.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// wordEnd returns the end of the word that starts at i and the union of
// its bytes' classes.
func (w *words) wordEnd(i int) (int, uint8) {
	var classes uint8
	for ; i < len(w.s); i++ {
		c := class(w.s[i])
		if c&cSep != 0 {
			break
		}
		classes |= c
	}
	return i, classes
}

// glue returns the end of the words joined to the word ending at end by
// bracketed dots or at signs between spaces, and the union of their
// classes (with cOpen); end itself when none is joined.
func (w *words) glue(end int) (int, uint8) {
	s := w.s
	var classes uint8
	for end+1 < len(s) && s[end] == ' ' && class(s[end-1])&cAlnum != 0 {
		j := end + 1
		for j < len(s) && s[j] == ' ' {
			j++
		}
		n := spacedMarkerLen(s[j:])
		if n == 0 || j+n == len(s) || s[j+n] != ' ' {
			break
		}
		k := j + n
		for k < len(s) && s[k] == ' ' {
			k++
		}
		if k == len(s) || class(s[k])&cAlnum == 0 {
			break
		}
		var c uint8
		end, c = w.wordEnd(k)
		classes |= c | cOpen
	}
	return end, classes
}
