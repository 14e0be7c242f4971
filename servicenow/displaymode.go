package servicenow

import (
	"reflect"
	"time"
)

// displayMode corrects records read with DisplayValueTrue, whose fields
// hold display values only: a date-time is the user's text in the user's
// zone and format (not UTC), a bare string in a reference field is the
// referenced record's display value (not its sys_id, which must never be
// written back from it), and a choice field holds its label ("In
// Progress", "1 - High"), which is turned back into the value the typed
// constants hold where the label is the platform's own; a label an
// instance changed is kept as it is (State.Known reports false). The decoders cannot tell these from stored
// values, so every Time and Reference field of rec (a pointer to a struct)
// is moved to its display form here: Time keeps the text in Display with a
// zero Time (parse it with Time.ParseDisplay), Reference keeps it in
// DisplayValue with an empty Value.
func displayMode(rec any) {
	v := reflect.ValueOf(rec)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return
	}
	v = v.Elem()
	for i := range v.NumField() {
		if !v.Type().Field(i).IsExported() {
			continue
		}
		switch f := v.Field(i).Addr().Interface().(type) {
		case *Time:
			if f.Display == "" && !f.IsZero() {
				*f = Time{Display: f.UTC().Format(TimeLayout)}
			}
		case *Reference:
			if f.DisplayValue == "" && f.Value != "" {
				*f = Reference{DisplayValue: f.Value, Link: f.Link}
			}
		case *State:
			if v, ok := stateNames.code(string(*f)); ok {
				*f = v
			}
		case *HoldReason:
			if v, ok := holdNames.code(string(*f)); ok {
				*f = v
			}
		case *Impact:
			*f = Impact(numberedLabel(string(*f)))
		case *Urgency:
			*f = Urgency(numberedLabel(string(*f)))
		case *Priority:
			*f = Priority(numberedLabel(string(*f)))
		}
	}
}

// ParseDisplay parses the display text of t (a date-time read with
// DisplayValueTrue, in the user's format and zone) with the user's layout
// and location, which the instance does not send: for example
// "2006-01-02 15:04:05" and the user's time zone. A Time that holds a
// stored value is returned as it is.
func (t Time) ParseDisplay(layout string, loc *time.Location) (time.Time, error) {
	if t.Display == "" || !t.IsZero() {
		return t.Time, nil
	}
	if loc == nil {
		loc = time.UTC
	}
	return time.ParseInLocation(layout, t.Display, loc)
}

// numberedLabel returns the value of a numbered choice label such as
// "1 - High" (the platform's labels of impact, urgency and priority), or
// s unchanged.
func numberedLabel(s string) string {
	if len(s) > 4 && s[0] >= '1' && s[0] <= '9' && s[1:4] == " - " {
		return s[:1]
	}
	return s
}
