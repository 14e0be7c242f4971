package servicenow

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"unicode/utf8"

	"github.com/incidentkit/incidentkit"
)

// recordBody encodes a record to write (a struct with json tags, a map,
// or any other value that encodes as a JSON object) without HTML escaping.
// A nil value or one that is not an object is refused before anything is
// sent.
func recordBody(field string, in any) (json.RawMessage, error) {
	if in == nil {
		return nil, inputErr(field, "is nil")
	}
	switch v := reflect.ValueOf(in); v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Interface:
		if v.IsNil() {
			return nil, inputErr(field, "is nil")
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(in); err != nil {
		return nil, inputErr(field, err.Error())
	}
	b := bytes.TrimSpace(buf.Bytes())
	if len(b) == 0 || b[0] != '{' {
		return nil, inputErr(field, "does not encode as a JSON object")
	}
	return b, nil
}

// appendJSONString appends s as a JSON string. Unlike encoding/json it
// leaves <, > and & alone; invalid UTF-8 becomes U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, `\ufffd`...)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

// nullText turns a Nullable of a string type into a Nullable[string].
func nullText[S ~string](n incidentkit.Nullable[S]) incidentkit.Nullable[string] {
	switch {
	case n.IsSet():
		return incidentkit.Set(string(n.Value()))
	case n.IsClear():
		return incidentkit.Clear[string]()
	}
	return incidentkit.Nullable[string]{}
}

// objectWriter writes a flat JSON object of string values.
type objectWriter struct {
	buf   []byte
	names []string
}

// has reports whether name was written.
func (w *objectWriter) has(name string) bool { return slices.Contains(w.names, name) }

// field writes one member.
func (w *objectWriter) field(name, value string) {
	if len(w.buf) == 0 {
		w.buf = append(w.buf, '{')
	} else {
		w.buf = append(w.buf, ',')
	}
	w.buf = appendJSONString(w.buf, name)
	w.buf = append(w.buf, ':')
	w.buf = appendJSONString(w.buf, value)
	w.names = append(w.names, name)
}

// setPtr writes a pointer field that is set.
func setPtr[S ~string](w *objectWriter, name string, p *S) {
	if p != nil {
		w.field(name, string(*p))
	}
}

// null writes a Nullable field that is set, or "" for one that is cleared.
func (w *objectWriter) null(name string, n incidentkit.Nullable[string]) {
	switch {
	case n.IsSet():
		w.field(name, n.Value())
	case n.IsClear():
		w.field(name, "")
	}
}

// bytes returns the object written so far.
func (w *objectWriter) bytes() []byte {
	if len(w.buf) == 0 {
		return []byte("{}")
	}
	return append(w.buf, '}')
}
