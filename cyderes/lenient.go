package cyderes

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// flexString decodes a JSON string, number or boolean as text and null as
// "", so a field documented as a string still decodes when the server
// sends it in another scalar form.
type flexString string

// UnmarshalJSON implements json.Unmarshaler.
func (f *flexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*f = ""
	case b[0] == '"':
		// The decoder has already checked the literal; without escapes or
		// invalid UTF-8 its content is the string itself.
		if len(b) >= 2 && b[len(b)-1] == '"' {
			if inner := b[1 : len(b)-1]; bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
				*f = flexString(inner)
				return nil
			}
		}
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
	case b[0] == '{' || b[0] == '[':
		// An object or array where text was documented: keep it as JSON
		// text rather than failing the whole record.
		var buf bytes.Buffer
		if err := json.Compact(&buf, b); err != nil {
			return err
		}
		*f = flexString(buf.String())
	default:
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*f = flexString(string(b))
	}
	return nil
}

// ParseBool leniently parses a flag as the API writes it: "True", "true",
// "1", "yes" and their opposites, in any case. ok is false for an empty or
// unrecognised value.
func ParseBool(s string) (value, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "t", "1", "yes", "y":
		return true, true
	case "false", "f", "0", "no", "n":
		return false, true
	}
	return false, false
}

// flexBool decodes true, "True", "true", 1, "1" and their opposites; null,
// "" or an unrecognised text leave it unset.
type flexBool struct {
	set, value bool
}

// UnmarshalJSON implements json.Unmarshaler.
func (f *flexBool) UnmarshalJSON(b []byte) error {
	var s flexString
	if err := s.UnmarshalJSON(b); err != nil {
		return err
	}
	f.value, f.set = ParseBool(string(s))
	return nil
}

// ptr returns a pointer to the flag's value, or nil when it was unset.
func (f flexBool) ptr() *bool {
	if !f.set {
		return nil
	}
	v := f.value
	return &v
}

// flexInt decodes a JSON number or a string holding one; null, "" or an
// unparsable text leave it unset.
type flexInt struct {
	set   bool
	value int64
}

// UnmarshalJSON implements json.Unmarshaler.
func (f *flexInt) UnmarshalJSON(b []byte) error {
	var s flexString
	if err := s.UnmarshalJSON(b); err != nil {
		return err
	}
	t := strings.TrimSpace(string(s))
	if t == "" {
		*f = flexInt{}
		return nil
	}
	if n, err := strconv.ParseInt(t, 10, 64); err == nil {
		*f = flexInt{set: true, value: n}
		return nil
	}
	if x, err := strconv.ParseFloat(t, 64); err == nil && x >= -(1<<62) && x <= 1<<62 && x == float64(int64(x)) {
		*f = flexInt{set: true, value: int64(x)}
		return nil
	}
	*f = flexInt{}
	return nil
}
