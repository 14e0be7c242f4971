package thehive

import (
	"context"
	"iter"
	"net/http"

	"github.com/incidentkit/incidentkit/internal/transport"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// AlertService manages TheHive 5 alerts; every call fails with an error
// matching ErrUnsupported in the V0 dialect. Get it from Client.Alerts.
type AlertService struct{ c *Client }

// Create creates an alert. It is sent once.
func (s *AlertService) Create(ctx context.Context, in AlertInput) (*Alert, error) {
	if err := s.c.needV1("creating an alert"); err != nil {
		return nil, err
	}
	body, err := in.body()
	if err != nil {
		return nil, err
	}
	var a Alert
	if _, err := s.c.do(ctx, &transport.Request{Method: http.MethodPost, Path: "/api/v1/alert", JSON: body,
		Replay: transport.ReplayUnsafe}, &a); err != nil {
		return nil, err
	}
	a.normalize(V1)
	return &a, nil
}

// Get returns an alert.
func (s *AlertService) Get(ctx context.Context, id string) (*Alert, error) {
	if err := s.c.needV1("reading an alert"); err != nil {
		return nil, err
	}
	if err := checkID("alert id", id); err != nil {
		return nil, err
	}
	var a Alert
	if _, err := s.c.do(ctx, &transport.Request{Path: "/api/v1/alert/{}", Args: []string{id}}, &a); err != nil {
		return nil, err
	}
	a.normalize(V1)
	return &a, nil
}

// Promote turns an alert into a case and returns the case. It is sent
// once. in may be nil.
func (s *AlertService) Promote(ctx context.Context, id string, in *PromoteInput) (*Case, error) {
	if err := s.c.needV1("promoting an alert"); err != nil {
		return nil, err
	}
	if err := checkID("alert id", id); err != nil {
		return nil, err
	}
	if in == nil {
		in = &PromoteInput{}
	}
	body, err := in.body()
	if err != nil {
		return nil, err
	}
	var c Case
	if _, err := s.c.do(ctx, &transport.Request{Method: http.MethodPost, Path: "/api/v1/alert/{}/case",
		Args: []string{id}, JSON: body, Replay: transport.ReplayUnsafe}, &c); err != nil {
		return nil, err
	}
	c.normalize(V1)
	return &c, nil
}

// AddObservable adds observables to an alert, one per element of in.Data.
// It is sent once; a partial success returns the result and a
// *PartialError.
func (s *AlertService) AddObservable(ctx context.Context, id string, in ObservableInput) (*ObservableResult, error) {
	if err := s.c.needV1("adding an alert observable"); err != nil {
		return nil, err
	}
	if err := checkID("alert id", id); err != nil {
		return nil, err
	}
	body, err := in.body(V1, false)
	if err != nil {
		return nil, err
	}
	return s.c.Observables.send(ctx, &transport.Request{Method: http.MethodPost, Path: "/api/v1/alert/{}/observable",
		Args: []string{id}, JSON: body, Replay: transport.ReplayUnsafe})
}

func noV0Alert(*Alert) *Alert { return nil }

// Search returns one page of the alerts matching opts.
func (s *AlertService) Search(ctx context.Context, opts *SearchOptions) (*Page[*Alert], error) {
	if err := s.c.needV1("searching alerts"); err != nil {
		return nil, err
	}
	return searchOne(ctx, s.c, &search{v1: []map[string]any{{"_name": "listAlert"}}}, opts, noV0Alert, fixAlert)
}

// All returns a lazy sequence of every alert matching opts.
func (s *AlertService) All(ctx context.Context, opts *SearchOptions) iter.Seq2[*Alert, error] {
	if err := s.c.needV1("searching alerts"); err != nil {
		return func(yield func(*Alert, error) bool) { yield(nil, err) }
	}
	return searchAll(ctx, s.c, &search{v1: []map[string]any{{"_name": "listAlert"}}}, opts, noV0Alert, fixAlert)
}

// Count returns the number of alerts matching f.
func (s *AlertService) Count(ctx context.Context, f filter.Filter) (int, error) {
	if err := s.c.needV1("counting alerts"); err != nil {
		return 0, err
	}
	return count(ctx, s.c, &search{v1: []map[string]any{{"_name": "listAlert"}}}, f)
}

// AddFileObservable adds a file observable to an alert, streaming file as
// in ObservableService.CreateFile. It is sent once unless a retry is safe
// and the source can be rewound.
func (s *AlertService) AddFileObservable(ctx context.Context, id string, in ObservableInput, file Upload) (*ObservableResult, error) {
	if err := s.c.needV1("adding an alert observable"); err != nil {
		return nil, err
	}
	if err := checkID("alert id", id); err != nil {
		return nil, err
	}
	r, err := fileRequest(V1, in, file)
	if err != nil {
		return nil, err
	}
	r.Path, r.Args = "/api/v1/alert/{}/observable", []string{id}
	return s.c.Observables.send(ctx, r)
}
