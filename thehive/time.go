package thehive

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"time"
)

// Time is a moment as TheHive sends it: milliseconds since the Unix epoch.
// The zero Time encodes as null, and null or an absent field decodes as
// the zero Time.
type Time struct{ time.Time }

// At returns t as a *Time, for optional input fields.
func At(t time.Time) *Time { return &Time{t} }

// FromMillis returns the Time ms milliseconds after the Unix epoch, in UTC.
func FromMillis(ms int64) Time { return Time{time.UnixMilli(ms).UTC()} }

// MarshalJSON encodes t as epoch milliseconds.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return strconv.AppendInt(nil, t.UnixMilli(), 10), nil
}

// UnmarshalJSON decodes epoch milliseconds (an integer, a float or a
// numeric string) or null.
func (t *Time) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		*t = Time{}
		return nil
	}
	if b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		if s == "" {
			*t = Time{}
			return nil
		}
		b = []byte(s)
	}
	if ms, ok := parseMillis(b); ok {
		*t = FromMillis(ms)
		return nil
	}
	if ms, err := strconv.ParseInt(string(b), 10, 64); err == nil {
		*t = FromMillis(ms)
		return nil
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1<<62 {
		return &json.UnmarshalTypeError{Value: "time " + string(b), Type: reflect.TypeFor[Time]()}
	}
	*t = FromMillis(int64(f))
	return nil
}

// millis returns t as epoch milliseconds for a request body.
func millis(t time.Time) int64 { return t.UnixMilli() }

// parseMillis parses a plain decimal integer of up to 18 digits without
// allocating; anything else is left to the general path.
func parseMillis(b []byte) (int64, bool) {
	neg := false
	if len(b) > 0 && b[0] == '-' {
		neg, b = true, b[1:]
	}
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}
