package thehive

import (
	"strings"
	"time"

	"github.com/incidentkit/incidentkit"
)

// The functions below check inputs and build request bodies; each put
// function writes one optional field of an input to the body map under its
// wire name, or leaves it out.

// required rejects an empty or blank value before anything is sent.
func required(field, v string) error {
	if strings.TrimSpace(v) == "" {
		return inputErr(field, "is empty")
	}
	return nil
}

// putRequired writes *v under key when v is not nil, refusing an empty or
// blank value (named field in the error).
func putRequired(b map[string]any, key, field string, v *string) error {
	if v == nil {
		return nil
	}
	if err := required(field, *v); err != nil {
		return err
	}
	b[key] = *v
	return nil
}

// putTitle writes *v as the title when v is not nil, refusing an empty or
// overlong title (named field in the error).
func putTitle(b map[string]any, field string, v *string) error {
	if v == nil {
		return nil
	}
	if err := checkTitle(field, *v); err != nil {
		return err
	}
	b["title"] = *v
	return nil
}

// putText writes s when it is not empty.
func putText[S ~string](body map[string]any, key string, s S) {
	if s != "" {
		body[key] = string(s)
	}
}

// putPtr writes *p when p is not nil.
func putPtr[T any](body map[string]any, key string, p *T) {
	if p != nil {
		body[key] = *p
	}
}

// putTime writes a non-zero time as epoch milliseconds.
func putTime(body map[string]any, key string, t time.Time) {
	if !t.IsZero() {
		body[key] = millis(t)
	}
}

// putDate writes *t as epoch milliseconds when t is not nil.
func putDate(body map[string]any, key string, t *time.Time) {
	if t != nil {
		body[key] = millis(*t)
	}
}

// putNullable writes n: its value when set, JSON null when cleared,
// nothing when left alone.
func putNullable[T any](body map[string]any, key string, n incidentkit.Nullable[T]) {
	switch {
	case n.IsSet():
		body[key] = n.Value()
	case n.IsClear():
		body[key] = nil
	}
}

// putMarks writes the tags (when non-nil), the flag and the sharing
// levels that cases, alerts and observables carry alike, encoding the TLP
// for the dialect of sp; kind names the object in input errors ("case
// TLP").
func (sp *dialectSpec) putMarks(body map[string]any, kind string, tags []string, flag *bool, tlp *TLP, pap *PAP) error {
	if tags != nil {
		body["tags"] = tags
	}
	putPtr(body, "flag", flag)
	if tlp != nil {
		n, err := sp.encodeTLP(*tlp, kind+" TLP")
		if err != nil {
			return err
		}
		body["tlp"] = n
	}
	if pap != nil {
		if err := checkPAP(*pap, kind+" PAP"); err != nil {
			return err
		}
		body["pap"] = int(*pap)
	}
	return nil
}

// bodies builds the body of each input of ins: the tasks of a new case,
// the observables of a new alert.
func bodies[I any, PI input[I]](sp *dialectSpec, ins []I) ([]map[string]any, error) {
	out := make([]map[string]any, 0, len(ins))
	for i := range ins {
		b := map[string]any{}
		if err := PI(&ins[i]).put(sp, b); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

// nothing rejects an update body b that changes nothing; field names the
// update.
func nothing(b map[string]any, field string) error {
	if len(b) == 0 {
		return inputErr(field, "changes nothing")
	}
	return nil
}

// putSeverity checks and writes *s when s is not nil.
func putSeverity(body map[string]any, field string, s *Severity) error {
	if s == nil {
		return nil
	}
	if err := checkSeverity(*s, field); err != nil {
		return err
	}
	body["severity"] = int(*s)
	return nil
}

// putCustomFields encodes and writes fields, when there are any, for the
// dialect of sp; replace says they replace all custom fields.
func (sp *dialectSpec) putCustomFields(body map[string]any, fields []CustomField, replace bool) error {
	if len(fields) == 0 {
		return nil
	}
	cf, err := sp.customFields(fields, replace)
	if err != nil {
		return err
	}
	body["customFields"] = cf
	return nil
}

// orNil returns a pointer to v, or nil when v is its type's zero value,
// so that a create sends what an update would for a field it sets.
func orNil[T comparable](v T) *T {
	var zero T
	if v == zero {
		return nil
	}
	return &v
}

// timeOrNil returns a pointer to t, or nil when t is zero.
func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// setOrKeep returns v as a value to set, or the value that leaves a
// field alone when v is empty.
func setOrKeep[T comparable](v T) incidentkit.Nullable[T] {
	var zero T
	if v == zero {
		return incidentkit.Nullable[T]{}
	}
	return incidentkit.Set(v)
}

// putTagDeltas writes the tags to add and remove, which only TheHive 5
// takes; field names the update in the error for TheHive 3/4.
func (sp *dialectSpec) putTagDeltas(b map[string]any, field string, add, remove []string) error {
	if len(add) == 0 && len(remove) == 0 {
		return nil
	}
	if !sp.tagDeltas {
		return sp.unsupported(field, "AddTags and RemoveTags are not available", "set Tags instead")
	}
	if add != nil {
		b["addTags"] = add
	}
	if remove != nil {
		b["removeTags"] = remove
	}
	return nil
}
