package thehive

import (
	"bytes"
	"unicode/utf8"
)

// scanCustomArray decodes the array form of custom fields without
// reflection, for the common shape: flat objects whose values are plain
// strings, numbers, booleans or null. It reports false for anything else
// (escapes, nested values, keys differing only in case, invalid input), and
// the caller then uses encoding/json, so both paths give the same result.
func scanCustomArray(b []byte) (CustomFields, bool) {
	s := scanner{b: b}
	s.ws()
	if !s.eat('[') {
		return nil, false
	}
	out := CustomFields{}
	s.ws()
	if s.eat(']') {
		return out, s.end()
	}
	for {
		s.ws()
		f, ok := s.field()
		if !ok {
			return nil, false
		}
		out = append(out, f)
		s.ws()
		if s.eat(']') {
			return out, s.end()
		}
		if !s.eat(',') {
			return nil, false
		}
	}
}

type scanner struct {
	b []byte
	i int
}

func (s *scanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *scanner) eat(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

func (s *scanner) end() bool {
	s.ws()
	return s.i == len(s.b)
}

// str reads a string without escapes and returns its contents.
func (s *scanner) str() ([]byte, bool) {
	if !s.eat('"') {
		return nil, false
	}
	start := s.i
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			v := s.b[start:s.i]
			s.i++
			return v, utf8.Valid(v)
		case c == '\\' || c < 0x20:
			return nil, false
		}
		s.i++
	}
	return nil, false
}

// scalar reads a string, number, true, false or null and returns its raw
// bytes.
func (s *scanner) scalar() ([]byte, bool) {
	if s.i >= len(s.b) {
		return nil, false
	}
	start := s.i
	switch c := s.b[s.i]; {
	case c == '"':
		if _, ok := s.str(); !ok {
			return nil, false
		}
	case c == 't':
		return s.lit(start, "true")
	case c == 'f':
		return s.lit(start, "false")
	case c == 'n':
		return s.lit(start, "null")
	case c == '-' || (c >= '0' && c <= '9'):
		if !s.number() {
			return nil, false
		}
	default:
		return nil, false
	}
	return s.b[start:s.i], true
}

func (s *scanner) lit(start int, word string) ([]byte, bool) {
	if !bytes.HasPrefix(s.b[s.i:], []byte(word)) {
		return nil, false
	}
	s.i += len(word)
	return s.b[start:s.i], true
}

// number reads a JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *scanner) number() bool {
	s.eat('-')
	digits := func() int {
		n := 0
		for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
			s.i++
			n++
		}
		return n
	}
	if s.eat('0') {
		// a leading zero stands alone
	} else if digits() == 0 {
		return false
	}
	if s.eat('.') && digits() == 0 {
		return false
	}
	if s.eat('e') || s.eat('E') {
		if !s.eat('+') {
			s.eat('-')
		}
		if digits() == 0 {
			return false
		}
	}
	return true
}

// field reads one {"name","type","value","order"} object.
func (s *scanner) field() (CustomField, bool) {
	var (
		f     CustomField
		value []byte
	)
	if !s.eat('{') {
		return f, false
	}
	s.ws()
	if s.eat('}') {
		v, typ := decodeCustomValue(nil, "")
		return CustomField{Value: v, Type: typ}, true
	}
	for {
		s.ws()
		key, ok := s.str()
		if !ok {
			return f, false
		}
		s.ws()
		if !s.eat(':') {
			return f, false
		}
		s.ws()
		raw, ok := s.scalar()
		if !ok {
			return f, false
		}
		switch string(key) {
		case "name", "type":
			var v string
			if raw[0] == '"' {
				v = string(raw[1 : len(raw)-1])
			} else if string(raw) != "null" {
				return f, false
			}
			if key[0] == 'n' {
				f.Name = v
			} else {
				f.Type = CustomFieldType(v)
			}
		case "value":
			value = raw
		case "order":
			if string(raw) != "null" {
				n, ok := parseMillis(raw)
				if !ok {
					return f, false
				}
				f.Order = int(n)
			}
		default:
			for _, k := range []string{"name", "type", "value", "order"} {
				if bytes.EqualFold(key, []byte(k)) {
					return f, false
				}
			}
		}
		s.ws()
		if s.eat('}') {
			break
		}
		if !s.eat(',') {
			return f, false
		}
	}
	f.Value, f.Type = decodeCustomValue(value, f.Type)
	return f, true
}
