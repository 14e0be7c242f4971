package servicenow

import (
	"strconv"
	"strings"
	"time"
)

// The types below decode fields ServiceNow sends as text ("true", "3",
// "86400") into Go values, in any display-value shape; each is the Go
// field's own type converted, so decoding needs no copy.

// decodeText reads the field v as text and stores in dst what parse makes
// of it, surrounding white space removed.
func decodeText[T any](dst *T, v []byte, parse func(string) T) error {
	var s string
	if err := text(&s, v); err != nil {
		return err
	}
	*dst = parse(strings.TrimSpace(s))
	return nil
}

// boolText decodes "true" and "false" (and JSON booleans) into a bool; an
// empty field is false.
type boolText bool

// UnmarshalJSON implements json.Unmarshaler.
func (b *boolText) UnmarshalJSON(v []byte) error {
	return decodeText(b, v, func(s string) boolText { return boolText(strings.EqualFold(s, "true")) })
}

// intText decodes a whole number sent as text; an empty or unreadable
// field is 0 (the record's Raw keeps what was sent).
type intText int

// UnmarshalJSON implements json.Unmarshaler.
func (n *intText) UnmarshalJSON(v []byte) error {
	return decodeText(n, v, func(s string) intText {
		i, _ := strconv.Atoi(s)
		return intText(i)
	})
}

// secondsText decodes a duration ServiceNow sends as whole seconds (the
// business_stc and calendar_stc integers).
type secondsText time.Duration

// UnmarshalJSON implements json.Unmarshaler.
func (d *secondsText) UnmarshalJSON(v []byte) error {
	return decodeText(d, v, func(s string) secondsText {
		n, _ := strconv.ParseInt(s, 10, 64)
		return secondsText(time.Duration(n) * time.Second)
	})
}

// percentText decodes a percentage sent as a decimal string.
type percentText float64

// UnmarshalJSON implements json.Unmarshaler.
func (p *percentText) UnmarshalJSON(v []byte) error {
	return decodeText(p, v, func(s string) percentText {
		f, _ := strconv.ParseFloat(s, 64)
		return percentText(f)
	})
}

// epoch is the origin of ServiceNow's duration values.
var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// glideDuration decodes a ServiceNow duration: a date-time counted from
// 1970-01-01 00:00:00 UTC ("1970-01-01 02:00:00" is two hours); an empty
// field, or a display text such as "2 Hours", is 0 (Raw keeps it).
type glideDuration time.Duration

// UnmarshalJSON implements json.Unmarshaler.
func (d *glideDuration) UnmarshalJSON(v []byte) error {
	return decodeText(d, v, func(s string) glideDuration {
		t, err := time.ParseInLocation(TimeLayout, s, time.UTC)
		if err != nil {
			return 0
		}
		return glideDuration(t.Sub(epoch))
	})
}
