package thehive

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// ListObservables returns one page of an alert's observables matching
// opts. TheHive 5 selects them with getAlert and observables. TheHive 3/4
// have no search of an alert's observables but send them with the alert
// ("artifacts"), so there the page holds them all and opts is refused
// unless it is nil or the zero value.
func (s *AlertService) ListObservables(ctx context.Context, alertID string, opts *ListOptions) (*incidentkit.Page[*Observable], error) {
	if s.c.sp.alertObservables != nil {
		return list[Observable, observableWire](ctx, s.c, childListing(s.c.sp.alertObservables, "alert id", alertID), opts)
	}
	if opts != nil && (!opts.Filter.IsZero() || opts.Sort != nil || opts.Offset != 0 || opts.PageSize != 0 || opts.MaxItems != 0) {
		return nil, s.c.sp.unsupported("list options", "selecting an alert's observables is not available", "pass nil and select them yourself")
	}
	r, err := s.c.request(http.MethodGet, s.at(s.c.sp.alertItem, "reading an alert", alertID), transport.ReplayByMethod)
	if err != nil {
		return nil, err
	}
	var alert struct {
		Artifacts json.RawMessage `json:"artifacts"`
	}
	resp, err := s.c.do(ctx, r, &alert)
	if err != nil {
		return nil, err
	}
	if len(alert.Artifacts) == 0 {
		return &incidentkit.Page[*Observable]{}, nil
	}
	items, err := decodeArray[Observable, observableWire](s.c.sp, alert.Artifacts, 0)
	if err != nil {
		return nil, &incidentkit.BodyError{Service: "thehive", Method: http.MethodGet, URL: r.Path, StatusCode: resp.StatusCode, Err: err}
	}
	return &incidentkit.Page[*Observable]{Items: items, Total: len(items)}, nil
}

// AllObservables returns a lazy sequence of an alert's observables
// matching opts (see ListObservables for TheHive 3/4).
func (s *AlertService) AllObservables(ctx context.Context, alertID string, opts *ListOptions) iter.Seq2[*Observable, error] {
	if s.c.sp.alertObservables != nil {
		return all[Observable, observableWire](ctx, s.c, childListing(s.c.sp.alertObservables, "alert id", alertID), opts)
	}
	return onePage(func() (*incidentkit.Page[*Observable], error) { return s.ListObservables(ctx, alertID, opts) })
}
