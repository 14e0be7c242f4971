package servicenow

import (
	"encoding/json"
	"time"
)

// TimeLayout is ServiceNow's date-time format; values are UTC.
const TimeLayout = "2006-01-02 15:04:05"

// Time is a ServiceNow date-time. The zero Time is an empty field. Display
// values (in the user's time zone) are kept in Display and not parsed.
type Time struct {
	// Time is the stored value in UTC; zero for an empty field.
	time.Time
	// Display is the display value in the user's time zone and format,
	// when the answer carried one.
	Display string
}

// UnmarshalJSON implements json.Unmarshaler.
func (t *Time) UnmarshalJSON(b []byte) error {
	var f Field
	if err := f.UnmarshalJSON(b); err != nil {
		return err
	}
	*t = Time{Display: f.DisplayValue}
	if f.Value == "" {
		return nil
	}
	p, err := time.ParseInLocation(TimeLayout, f.Value, time.UTC)
	if err != nil {
		// display_value=true gives only the user's local text: keep it.
		t.Display = f.Value
		return nil
	}
	t.Time = p
	return nil
}

// MarshalJSON writes the UTC form, or "" for the zero Time.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte(`""`), nil
	}
	return json.Marshal(t.UTC().Format(TimeLayout))
}
