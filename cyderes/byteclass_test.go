package cyderes

import (
	"fmt"
	"strings"
	"testing"
)

// byteClassRules is the definition of byteClass.
func byteClassRules(b byte) uint8 {
	switch {
	case b <= ' ' || b == 0x7f || strings.IndexByte("\"'<>`|\\^", b) >= 0:
		return cSep
	case b == '.':
		return cDot
	case b == ':':
		return cColon
	case b == '@':
		return cAt
	case b == '[' || b == '(' || b == '{':
		return cOpen | cPunct
	case b == '-' || b == '_' || b == '%' || b == '+':
		return 0
	case b >= '0' && b <= '9', b >= 'a' && b <= 'f', b >= 'A' && b <= 'F':
		return cAlnum | cHex
	case b >= 'g' && b <= 'z', b >= 'G' && b <= 'Z':
		return cAlnum
	}
	return cPunct
}

func TestByteClass(t *testing.T) {
	var want strings.Builder
	differ := len(byteClass) != 256
	for row := 0; row < 256; row += 16 {
		want.WriteString("\t\"")
		for b := row; b < row+16; b++ {
			c := byteClassRules(byte(b))
			fmt.Fprintf(&want, `\x%02x`, c)
			differ = differ || b >= len(byteClass) || byteClass[b] != c
		}
		fmt.Fprintf(&want, "\" + // %02x-%02x\n", row, row+15)
	}
	if differ {
		t.Errorf("byteClass differs from its rules; it should be:\n%s", want.String())
	}
}
