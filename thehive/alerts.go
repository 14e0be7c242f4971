package thehive

import (
	"context"
	"iter"
	"net/http"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// AlertService manages TheHive 5 alerts; every call fails with an error
// matching ErrUnsupported in the V0 dialect, before anything is sent. Get
// it from Client.Alerts.
type AlertService struct{ c *Client }

// Create creates an alert. It is sent once. An alert whose type, source
// and sourceRef are taken is refused by TheHive; the error then matches
// ErrAlreadyExists, and Get or List with those three finds the existing
// one. A nil in is an input error.
func (s *AlertService) Create(ctx context.Context, in *AlertInput) (*Alert, error) {
	path, err := s.c.sp.endpoint(s.c.sp.alertCreate, "creating an alert")
	if err != nil {
		return nil, err
	}
	if err := needInput("alert input", in); err != nil {
		return nil, err
	}
	body, err := in.body(s.c.sp)
	if err != nil {
		return nil, err
	}
	return getOne[Alert, alertWire](ctx, s.c, &transport.Request{Method: http.MethodPost, Path: path, JSON: body,
		Replay: transport.ReplayUnsafe})
}

// Get returns an alert. TheHive 5 also takes "type;source;sourceRef" as
// the id.
func (s *AlertService) Get(ctx context.Context, id string) (*Alert, error) {
	path, err := s.c.sp.endpoint(s.c.sp.alertItem, "reading an alert")
	if err != nil {
		return nil, err
	}
	if err := checkID("alert id", id); err != nil {
		return nil, err
	}
	return getOne[Alert, alertWire](ctx, s.c, &transport.Request{Path: path, Args: []string{id}})
}

// Promote turns an alert into a case and returns the case. It is sent
// once. in may be nil to keep the alert's own title and template.
func (s *AlertService) Promote(ctx context.Context, id string, in *PromoteInput) (*Case, error) {
	path, err := s.c.sp.endpoint(s.c.sp.alertPromote, "promoting an alert")
	if err != nil {
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
	return getOne[Case, caseWire](ctx, s.c, &transport.Request{Method: http.MethodPost, Path: path,
		Args: []string{id}, JSON: body, Replay: transport.ReplayUnsafe})
}

// AddObservable adds observables to an alert, one per element of in.Data.
// It is sent once; a partial success returns the result and a
// *PartialError. A nil in is an input error.
func (s *AlertService) AddObservable(ctx context.Context, id string, in *ObservableInput) (*ObservableResult, error) {
	path, err := s.c.sp.endpoint(s.c.sp.alertObservable, "adding an alert observable")
	if err != nil {
		return nil, err
	}
	if err := checkID("alert id", id); err != nil {
		return nil, err
	}
	if err := needInput("observable input", in); err != nil {
		return nil, err
	}
	body, err := in.body(s.c.sp, false)
	if err != nil {
		return nil, err
	}
	return s.c.Observables.send(ctx, &transport.Request{Method: http.MethodPost, Path: path,
		Args: []string{id}, JSON: body, Replay: transport.ReplayUnsafe})
}

// AddFileObservable adds a file observable to an alert, streaming file as
// ObservableService.CreateFile does. It is sent once unless a retry is
// safe and the source can be rewound. A nil in is an input error.
func (s *AlertService) AddFileObservable(ctx context.Context, id string, in *ObservableInput, file incidentkit.Upload) (*ObservableResult, error) {
	path, err := s.c.sp.endpoint(s.c.sp.alertObservable, "adding an alert observable")
	if err != nil {
		return nil, err
	}
	if err := checkID("alert id", id); err != nil {
		return nil, err
	}
	r, err := fileRequest(s.c.sp, in, file)
	if err != nil {
		return nil, err
	}
	r.Path, r.Args = path, []string{id}
	return s.c.Observables.send(ctx, r)
}

// List returns one page of the alerts matching opts.
func (s *AlertService) List(ctx context.Context, opts *ListOptions) (*incidentkit.Page[*Alert], error) {
	return list[Alert, alertWire](ctx, s.c, s.c.sp.alerts, opts)
}

// All returns a lazy sequence of every alert matching opts; it behaves
// like CaseService.All.
func (s *AlertService) All(ctx context.Context, opts *ListOptions) iter.Seq2[*Alert, error] {
	return all[Alert, alertWire](ctx, s.c, s.c.sp.alerts, opts)
}

// Count returns the number of alerts matching f.
func (s *AlertService) Count(ctx context.Context, f filter.Filter) (int, error) {
	return count(ctx, s.c, s.c.sp.alerts, f)
}
