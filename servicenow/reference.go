package servicenow

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"
)

// Reference is a reference field: the referenced record's sys_id (Value),
// its display value and its REST link. It decodes a plain string,
// {"link","value"} and {"display_value","value","link"}.
type Reference struct {
	// Value is the referenced record's sys_id.
	Value string
	// DisplayValue is its display value, when the answer carried one.
	DisplayValue string
	// Link is the REST URL of the referenced record, when the answer
	// carried one.
	Link string
}

// UnmarshalJSON implements json.Unmarshaler.
func (r *Reference) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || bytes.Equal(b, []byte("null")) {
		*r = Reference{}
		return nil
	}
	if b[0] == '"' {
		*r = Reference{}
		if v, ok := quickString(b); ok {
			r.Value = v
			return nil
		}
		return json.Unmarshal(b, &r.Value)
	}
	var v struct {
		Value        json.RawMessage `json:"value"`
		DisplayValue json.RawMessage `json:"display_value"`
		Link         string          `json:"link"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*r = Reference{Value: looseString(v.Value), DisplayValue: looseString(v.DisplayValue), Link: v.Link}
	return nil
}

// MarshalJSON writes the sys_id, the form ServiceNow accepts on writes.
func (r Reference) MarshalJSON() ([]byte, error) { return json.Marshal(r.Value) }

// String returns the display value when known, else the sys_id.
func (r Reference) String() string {
	if r.DisplayValue != "" {
		return r.DisplayValue
	}
	return r.Value
}

// quickString reads a JSON string without escapes, the common case,
// without the reflection of json.Unmarshal.
func quickString(b []byte) (string, bool) {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return "", false
	}
	in := b[1 : len(b)-1]
	for _, c := range in {
		if c == '\\' || c == '"' || c < 0x20 {
			return "", false
		}
	}
	if !utf8.Valid(in) {
		return "", false // json.Unmarshal replaces invalid bytes
	}
	return string(in), true
}

// looseString reads a JSON string, number or boolean as text.
func looseString(b json.RawMessage) string {
	if len(b) == 0 || string(b) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(b, &s) == nil {
		return s
	}
	return string(b)
}

// Field is a plain field that decodes both a bare value and the
// {"display_value","value"} form of display-value mode "all".
type Field struct {
	// Value is the stored value (a choice field's code, a number as text).
	Value string
	// DisplayValue is the display value, when the answer carried one.
	DisplayValue string
}

// UnmarshalJSON implements json.Unmarshaler.
func (f *Field) UnmarshalJSON(b []byte) error {
	if v, ok := quickString(b); ok {
		*f = Field{Value: v}
		return nil
	}
	var r Reference
	if err := r.UnmarshalJSON(b); err != nil {
		return err
	}
	*f = Field{Value: r.Value, DisplayValue: r.DisplayValue}
	if len(bytes.TrimSpace(b)) > 0 && b[0] != '{' {
		f.Value = looseString(b)
	}
	return nil
}

// MarshalJSON writes the value.
func (f Field) MarshalJSON() ([]byte, error) { return json.Marshal(f.Value) }
