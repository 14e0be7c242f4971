package thehive

import (
	"context"
	"iter"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// AlertService manages alerts, in TheHive 5 (V1) and TheHive 3/4 (V0). A
// call the dialect lacks fails with an error matching ErrUnsupported
// before anything is sent. Get it from Client.Alerts.
type AlertService struct{ c *Client }

// Create creates an alert. It is sent once. An alert whose type, source
// and sourceRef are taken is refused by TheHive; the error then matches
// ErrAlreadyExists, and Get or List with those three finds the existing
// one. A nil in is an input error.
func (s *AlertService) Create(ctx context.Context, in *AlertInput) (*Alert, error) {
	return create[Alert, alertWire](ctx, s.c, route{path: s.c.sp.alertCreate, what: "creating an alert"}, "alert input", in)
}

// Get returns an alert. TheHive 4 and 5 also take "type;source;sourceRef"
// as the id; FindByKey finds an alert by those three in every version.
func (s *AlertService) Get(ctx context.Context, id string) (*Alert, error) {
	return read[Alert, alertWire](ctx, s.c, s.at(s.c.sp.alertItem, "reading an alert", id))
}

// at is the route to the endpoint path of the alert id; what names the
// call where the dialect has no alerts.
func (s *AlertService) at(path, what, id string) route {
	return route{path: path, what: what, idField: "alert id", id: id}
}

// FindByKey returns the alert whose type, source and sourceRef are the
// given ones: the natural key TheHive keeps unique in an organisation. It
// searches for them, which works the same in TheHive 3, 4 and 5; no such
// alert is an error matching ErrNotFound.
func (s *AlertService) FindByKey(ctx context.Context, typ, source, sourceRef string) (*Alert, error) {
	for _, f := range []struct{ name, v string }{{name: "alert type", v: typ}, {name: "alert source", v: source},
		{name: "alert sourceRef", v: sourceRef}} {
		if err := required(f.name, f.v); err != nil {
			return nil, err
		}
	}
	f := filter.And(filter.Eq("type", typ), filter.Eq("source", source), filter.Eq("sourceRef", sourceRef))
	p, err := s.List(ctx, &ListOptions{Filter: f, PageSize: 1})
	if err != nil {
		return nil, err
	}
	if len(p.Items) == 0 {
		return nil, notFound(s.c.sp.alerts, "alert "+typ+";"+source+";"+sourceRef+" not found")
	}
	return p.Items[0], nil
}

// Promote turns an alert into a case and returns the case. It is sent
// once. in sets fields of the new case that replace the alert's (Title
// and Description may be empty here); nil keeps the alert's own. TheHive
// 5 takes every field of a case; TheHive 3/4 take only a Template, and any
// other field fails there with an error matching ErrUnsupported.
func (s *AlertService) Promote(ctx context.Context, id string, in *CaseInput) (*Case, error) {
	if in == nil {
		in = &CaseInput{}
	}
	return create[Case, caseWire](ctx, s.c, s.at(s.c.sp.alertPromote, "promoting an alert", id), "promote input", (*promoteInput)(in))
}

// AddObservable adds observables to an alert, one per element of in.Data.
// It is sent once; a partial success returns the result and a
// *PartialError. A nil in is an input error.
func (s *AlertService) AddObservable(ctx context.Context, id string, in *ObservableInput) (*ObservableResult, error) {
	return s.c.Observables.add(ctx, s.at(s.c.sp.alertObservable, "adding an alert observable", id), in)
}

// AddFileObservable adds a file observable to an alert, streaming file as
// ObservableService.CreateFile does. It is sent once unless a retry is
// safe and the source can be rewound. A nil in is an input error.
func (s *AlertService) AddFileObservable(ctx context.Context, id string, in *ObservableInput, file incidentkit.Upload) (*ObservableResult, error) {
	return s.c.Observables.addFile(ctx, s.at(s.c.sp.alertObservable, "adding an alert observable", id), in, file)
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
