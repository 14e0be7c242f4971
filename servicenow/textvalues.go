package servicenow

import (
	"strconv"
	"strings"
	"time"
)

// The types below decode fields ServiceNow sends as text ("true", "3",
// "86400") into Go values, in any display-value shape; each is the Go
// field's own type converted, so decoding needs no copy.

// boolText decodes "true" and "false" (and JSON booleans) into a bool; an
// empty field is false.
type boolText bool

// UnmarshalJSON implements json.Unmarshaler.
func (b *boolText) UnmarshalJSON(v []byte) error {
	var s string
	if err := text(&s, v); err != nil {
		return err
	}
	*b = boolText(strings.EqualFold(strings.TrimSpace(s), "true"))
	return nil
}

// intText decodes a whole number sent as text; an empty or unreadable
// field is 0 (the record's Raw keeps what was sent).
type intText int

// UnmarshalJSON implements json.Unmarshaler.
func (n *intText) UnmarshalJSON(v []byte) error {
	var s string
	if err := text(&s, v); err != nil {
		return err
	}
	i, _ := strconv.Atoi(strings.TrimSpace(s))
	*n = intText(i)
	return nil
}

// secondsText decodes a duration ServiceNow sends as whole seconds (the
// business_stc and calendar_stc integers).
type secondsText time.Duration

// UnmarshalJSON implements json.Unmarshaler.
func (d *secondsText) UnmarshalJSON(v []byte) error {
	var s string
	if err := text(&s, v); err != nil {
		return err
	}
	n, _ := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	*d = secondsText(time.Duration(n) * time.Second)
	return nil
}
