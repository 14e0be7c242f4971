package cyderes

import (
	"net/netip"
	"strings"
)

// seenKey identifies a reported observable for de-duplication: by its
// value, or for an IPv6 address by the address.
type seenKey struct {
	dataType dataTypeBit
	key      string
	addr     netip.Addr
}

// scanner is the state of one Extract call.
type scanner struct {
	types       dataTypeBit
	urlHosts    bool
	mailDomains bool
	keys        []seenKey // the observables reported, while few
	seen        map[seenKey]struct{}
	out         []Indicator
}

// scan reports the observables of s.
func (sc *scanner) scan(s string) {
	w := words{s: s}
	for {
		start, end, classes, ok := w.next()
		if !ok {
			return
		}
		sc.word(s[start:end], classes)
	}
}

// word reports the observables of one word.
func (sc *scanner) word(s string, classes uint8) {
	refanged := false
	if classes&cOpen != 0 || (classes&cColon != 0 && (strings.IndexByte(s, 'x') >= 0 || strings.IndexByte(s, 'X') >= 0)) {
		r := refangWord(s)
		refanged = len(r) != len(s) || r != s
		s = r
	} else if classes&cFound == cDot && len(s) < minHashLen && strings.IndexByte(strings.TrimRight(s, "."), '.') < 0 {
		return // a word at the end of a sentence
	}
	for {
		k := -1
		if classes&(cColon|cOpen) != 0 {
			k = strings.Index(s, "://")
		}
		if k < 0 {
			if !refanged && classes&cPunct == 0 {
				sc.atom(s) // a word without punctuation is a single atom
			} else {
				sc.atoms(s)
			}
			return
		}
		u, ok := sc.parseURL(s, k)
		if !ok {
			sc.atoms(s[:k])
			s = s[k+3:]
			continue
		}
		sc.atoms(s[:u.start])
		sc.emitURL(u)
		s = s[u.end:]
	}
}

// emitAddr reports an IP address, as written in value.
func (sc *scanner) emitAddr(value string, a netip.Addr) {
	k := seenKey{dataType: bitIP, key: value}
	if a.Is6() {
		k = seenKey{dataType: bitIP, addr: a.WithZone("")}
	}
	sc.report(k, Indicator{DataType: DataTypeIP, Value: value, Private: isNonRoutable(a)})
}

// emit reports an observable whose value identifies it.
func (sc *scanner) emit(t dataTypeBit, value string, algorithm string) {
	sc.report(seenKey{dataType: t, key: value}, Indicator{DataType: t.name(), Value: value, Algorithm: algorithm})
}

// report adds an observable unless its data type is not wanted or it was
// reported already; k identifies it.
func (sc *scanner) report(k seenKey, in Indicator) {
	if sc.types&k.dataType == 0 {
		return
	}
	if sc.seen == nil {
		// A few observables are compared one by one; a map is built past them.
		if sc.seenBefore(k) {
			return
		}
		if len(sc.keys) == linearSeen {
			sc.seen = make(map[seenKey]struct{}, 4*linearSeen)
			for _, key := range sc.keys {
				sc.seen[key] = struct{}{}
			}
			sc.keys = nil
		}
	}
	if sc.seen != nil {
		if _, dup := sc.seen[k]; dup {
			return
		}
		sc.seen[k] = struct{}{}
	} else {
		sc.keys = append(sc.keys, k)
	}
	sc.out = append(sc.out, in)
}

// linearSeen is how many observables are de-duplicated by comparing them
// one by one, before a map takes over.
const linearSeen = 32

// seenBefore reports whether k is among the keys compared one by one.
func (sc *scanner) seenBefore(k seenKey) bool {
	for _, s := range sc.keys {
		if s == k {
			return true
		}
	}
	return false
}
