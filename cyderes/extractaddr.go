package cyderes

import (
	"net/netip"
	"strings"
)

// ipv4 reports a dotted-quad IPv4 address without leading zeros; a is
// made of digits and dots.
func (sc *scanner) ipv4(a string) {
	var b [4]byte
	s := a
	for part := range b {
		j := strings.IndexByte(s, '.')
		if j < 0 {
			j = len(s)
		}
		if (j < len(s)) != (part < 3) || j == 0 || j > 3 || (j > 1 && s[0] == '0') {
			return
		}
		n := 0
		for k := 0; k < j; k++ {
			n = n*10 + int(s[k]-'0')
		}
		if n > 255 {
			return
		}
		b[part] = byte(n)
		if part < 3 {
			s = s[j+1:]
		}
	}
	sc.emitAddr(a, netip.AddrFrom4(b))
}

// ipv6 reports an IPv6 address (written without its zone, in lower case)
// and whether a is one. Two spellings of one address are one observable.
func (sc *scanner) ipv6(a string) bool {
	if i := strings.IndexByte(a, '%'); i >= 0 {
		a = a[:i]
	}
	if strings.Trim(a, ":") == "" {
		return false // "::" alone is more often punctuation than an address
	}
	addr, err := netip.ParseAddr(a)
	if err != nil || !addr.Is6() {
		return false
	}
	sc.emitAddr(strings.ToLower(a), addr)
	return true
}
