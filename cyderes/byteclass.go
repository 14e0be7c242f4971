package cyderes

// Byte classes of the scanner. A word is a run of bytes that are not
// separators; the other classes say what a word may hold.
const (
	cSep   uint8 = 1 << iota // ends a word: white space, quotes, < > ` | \ ^
	cDot                     // '.'
	cColon                   // ':'
	cAt                      // '@'
	cOpen                    // '[', '(' or '{': may open a defanged form
	cPunct                   // in a word, but not in an atom (see atoms)
	cAlnum                   // an ASCII letter or digit
	cHex                     // an ASCII hexadecimal digit
)

// cFound are the classes without which a short word holds no observable.
const cFound = cDot | cColon | cAt | cOpen

// minHashLen is the length of the shortest hash, an MD5 digest: a word as
// long as this may be one even without the classes of cFound.
const minHashLen = 32

// byteClass is the class of every byte, indexed by the byte: a constant,
// so that it costs nothing to set up. The bytes 0x00-0x20, 0x7f and
// " ' < > ` | \ ^ are separators; '-', '_', '%' and '+' have no class
// (they may be part of an atom); the other bytes that are not ASCII
// letters, digits, '.', ':' or '@' are punctuation, and so are the bytes
// beyond ASCII, which the scanner sorts out where an observable may be.
// TestByteClass derives the table from these rules and prints it when it
// differs.
const byteClass = "" +
	"\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01" + // 00-0f
	"\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01" + // 10-1f
	"\x01\x20\x01\x20\x20\x00\x20\x01\x30\x20\x20\x00\x20\x00\x02\x20" + // 20-2f
	"\xc0\xc0\xc0\xc0\xc0\xc0\xc0\xc0\xc0\xc0\x04\x20\x01\x20\x01\x20" + // 30-3f
	"\x08\xc0\xc0\xc0\xc0\xc0\xc0\x40\x40\x40\x40\x40\x40\x40\x40\x40" + // 40-4f
	"\x40\x40\x40\x40\x40\x40\x40\x40\x40\x40\x40\x30\x01\x20\x01\x00" + // 50-5f
	"\x01\xc0\xc0\xc0\xc0\xc0\xc0\x40\x40\x40\x40\x40\x40\x40\x40\x40" + // 60-6f
	"\x40\x40\x40\x40\x40\x40\x40\x40\x40\x40\x40\x30\x01\x20\x20\x01" + // 70-7f
	"\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20" + // 80-8f
	"\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20" + // 90-9f
	"\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20" + // a0-af
	"\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20" + // b0-bf
	"\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20" + // c0-cf
	"\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20" + // d0-df
	"\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20" + // e0-ef
	"\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20" // f0-ff

// class returns the class of b.
func class(b byte) uint8 { return byteClass[b] }
