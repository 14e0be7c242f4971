package servicenow

import (
	"context"
	"strings"

	"github.com/incidentkit/incidentkit/internal/ensure"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

// Ensure creates the incident in unless one with its correlation ID
// already exists, and returns the incident and whether this call created
// it. in.CorrelationID (the other system's key) is required: it is what
// makes the create safe to repeat. When the create's answer is lost (no
// answer, a 500, 502 or 504, a success answer cut short: see
// incidentkit.OutcomeUnknown), Ensure looks the incident up by that key
// and returns it when the create went through, or sends the create once
// more when it did not — never two incidents, never a failure for one
// that was made. A lookup finding several incidents returns the oldest.
// When the lookup after a lost answer fails too, the error says the
// incident may have been made (incidentkit.OutcomeUnknown reports true
// for it, and it wraps both errors): call Ensure again to settle it.
func (s *IncidentService) Ensure(ctx context.Context, in *IncidentInput) (*Incident, bool, error) {
	if err := in.check(); err != nil {
		return nil, false, err
	}
	key := strings.TrimSpace(in.CorrelationID.Value())
	if !in.CorrelationID.IsSet() || key == "" {
		return nil, false, inputErr("correlation id", "is required to find the incident again")
	}
	find := func() (*Incident, bool, error) {
		found, err := s.byCorrelation(ctx, key)
		return found, found != nil, err
	}
	// A create that stored the incident but reports references whose
	// display value matched nothing (*DisplayValueError) made it: the
	// report is returned with it.
	var refs error
	create := func() (*Incident, error) {
		got, err := s.Create(ctx, in)
		if got != nil && err != nil {
			refs, err = err, nil
		}
		return got, err
	}
	got, made, err := ensure.Do(find, create, nil)
	if err == nil && made {
		err = refs
	}
	return got, made, err
}

// byCorrelation returns the oldest incident whose correlation_id is key,
// or nil.
func (s *IncidentService) byCorrelation(ctx context.Context, key string) (*Incident, error) {
	q := encodedquery.Field("correlation_id").Eq(key).OrderBy("sys_created_on")
	page, err := s.t.List(ctx, &ListOptions{Query: q, PageSize: 1})
	if err != nil || len(page.Items) == 0 {
		return nil, err
	}
	return page.Items[0], nil
}
