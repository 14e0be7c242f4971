package servicenow

import (
	"context"
	"errors"
	"net/url"
	"strconv"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/callctx"
)

// inputDisplayParam is the Table API parameter that makes a write's
// values display values.
const inputDisplayParam = "sysparm_input_display_value"

// WithInputDisplayValue returns a copy of ctx whose writes give reference
// and choice fields by display value (sysparm_input_display_value=true):
// an assignment group set to "Network" is found by its name, an impact
// set to "1 - High" by its label. Without it ServiceNow takes sys_ids and
// stored values. Bulk writes (CreateMany, UpdateMany) made with the
// context ask it of every item.
//
// The instance does not refuse a reference whose display value names no
// record; Incidents.Create and Update check the references they wrote and
// report each one that did not take with a *DisplayValueError, next to
// the stored incident.
func WithInputDisplayValue(ctx context.Context) context.Context {
	return incidentkit.WithQuery(ctx, url.Values{inputDisplayParam: {"true"}})
}

// inputDisplay reports whether ctx asks for writes by display value.
func inputDisplay(ctx context.Context) bool {
	q, ok := callctx.Value[callctx.ExtraQuery](ctx)
	return ok && url.Values(q.Values).Get(inputDisplayParam) == "true"
}

// ErrUnmatchedDisplayValue matches a *DisplayValueError.
var ErrUnmatchedDisplayValue = errors.New("servicenow: display value matches no record")

// DisplayValueError reports references written by display value that did
// not resolve to a record: the instance stored the record, but left these
// fields empty (or holding the text, not a sys_id). The write is done and
// is not to be repeated; fix the fields with an Update.
type DisplayValueError struct {
	// Fields are the reference fields, by their names in the table.
	Fields []string
	// Values are the display values given, in the order of Fields.
	Values []string
}

// Error implements error.
func (e *DisplayValueError) Error() string {
	msg := "servicenow: no record has the display value"
	for i, f := range e.Fields {
		if i > 0 {
			msg += ","
		}
		msg += " " + strconv.Quote(e.Values[i]) + " (" + f + ")"
	}
	return msg + "; the record was written without them"
}

// Is makes errors.Is(err, ErrUnmatchedDisplayValue) hold.
func (e *DisplayValueError) Is(target error) bool { return target == ErrUnmatchedDisplayValue }

// checkReferences compares the references in sent by display value with
// what the instance stored in got, and reports those that did not
// resolve. It returns nil when ctx does not write by display value, and
// when the answer held no record (X-no-response-body).
func checkReferences(ctx context.Context, in *IncidentInput, got *Incident) error {
	if !inputDisplay(ctx) || in == nil || got == nil || got.SysID == "" {
		return nil
	}
	pairs := [...]struct {
		field string
		sent  incidentkit.Nullable[string]
		got   Reference
	}{
		{"assignment_group", in.AssignmentGroup, got.AssignmentGroup},
		{"assigned_to", in.AssignedTo, got.AssignedTo},
		{"caller_id", in.Caller, got.Caller},
		{"cmdb_ci", in.ConfigurationItem, got.ConfigurationItem},
		{"business_service", in.BusinessService, got.BusinessService},
		{"service_offering", in.ServiceOffering, got.ServiceOffering},
		{"parent_incident", in.ParentIncident, got.ParentIncident},
	}
	var e DisplayValueError
	for _, p := range pairs {
		text := p.sent.Value()
		if !p.sent.IsSet() || text == "" {
			continue
		}
		if p.got.Value == "" || (p.got.Value == text && !looksLikeSysID(text)) {
			e.Fields = append(e.Fields, p.field)
			e.Values = append(e.Values, text)
		}
	}
	if len(e.Fields) == 0 {
		return nil
	}
	return &e
}

// looksLikeSysID reports whether s has the shape of a sys_id: 32
// lower-case hexadecimal digits.
func looksLikeSysID(s string) bool {
	if len(s) != 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// referenceCheck is checkReferences for a bulk item: the input and record
// are only checked when they are an incident's.
func referenceCheck(ctx context.Context, body, rec any) error {
	got, ok := rec.(*Incident)
	if !ok {
		return nil
	}
	switch in := body.(type) {
	case *IncidentInput:
		return checkReferences(ctx, in, got)
	case IncidentInput:
		return checkReferences(ctx, &in, got)
	}
	return nil
}

// displayQuery adds sysparm_input_display_value=true to q when ctx writes
// by display value: a batch item does not see the batch call's own
// parameters.
func displayQuery(ctx context.Context, q url.Values) url.Values {
	if !inputDisplay(ctx) {
		return q
	}
	if q == nil {
		q = url.Values{}
	}
	q.Set(inputDisplayParam, "true")
	return q
}
