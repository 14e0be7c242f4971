package thehive

import (
	"context"
	"iter"
	"net/http"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// ObservableService manages the observables of cases. Get it from
// Client.Observables.
type ObservableService struct{ c *Client }

// Create adds observables to a case: one per element of in.Data. It is
// sent once. A value the case has already is refused by TheHive; the
// error then matches ErrAlreadyExists (a *PartialError when other values
// were created). A nil in is an input error.
func (s *ObservableService) Create(ctx context.Context, caseID string, in *ObservableInput) (*ObservableResult, error) {
	return s.add(ctx, s.inCase(caseID), in)
}

// CreateFile adds a file observable to a case, streaming file as the
// multipart part "attachment" beside the observable's fields in "_json".
// in.DataType defaults to "file" and in.Data must be empty; file.FileName
// is required (incidentkit.FileUpload sets it from a path), and
// file.Progress, when set, reports the bytes sent. The upload is repeated
// only when a retry is safe and the source can be rewound. A nil in is an
// input error.
func (s *ObservableService) CreateFile(ctx context.Context, caseID string, in *ObservableInput, file incidentkit.Upload) (*ObservableResult, error) {
	return s.addFile(ctx, s.inCase(caseID), in, file)
}

// inCase is the route that adds observables to the case caseID.
func (s *ObservableService) inCase(caseID string) route {
	return route{path: s.c.sp.observableCreate, idField: "case id", id: caseID}
}

// add posts the observables of in to rt (a case's or an alert's) once.
func (s *ObservableService) add(ctx context.Context, rt route, in *ObservableInput) (*ObservableResult, error) {
	r, err := write(ctx, s.c, http.MethodPost, rt, transport.ReplayUnsafe, "observable input", in)
	if err != nil {
		return nil, err
	}
	return s.send(ctx, r)
}

// addFile posts the file observable of in and file to rt as a multipart
// upload: the observable's fields in the part "_json", the file in
// "attachment".
func (s *ObservableService) addFile(ctx context.Context, rt route, in *ObservableInput, file incidentkit.Upload) (*ObservableResult, error) {
	r, err := writeFile(s.c, rt, "observable input", in, (*ObservableInput).putUpload, "attachment", file)
	if err != nil {
		return nil, err
	}
	return s.send(ctx, r)
}

// send posts an observable create and decodes every answer shape. With
// some values refused (HTTP 207), it returns the result and a
// *PartialError holding the same result.
func (s *ObservableService) send(ctx context.Context, r *transport.Request) (*ObservableResult, error) {
	ans := &observableAnswer{sp: s.c.sp}
	if _, err := s.c.do(ctx, r, ans); err != nil {
		return nil, err
	}
	return ans.result()
}

// Get returns an observable.
func (s *ObservableService) Get(ctx context.Context, id string) (*Observable, error) {
	return read[Observable, observableWire](ctx, s.c, s.item(id))
}

// item is the route to the observable id.
func (s *ObservableService) item(id string) route {
	return route{path: s.c.sp.observableItem, idField: "observable id", id: id}
}

// Update changes the fields set in in. A nil in is an input error.
func (s *ObservableService) Update(ctx context.Context, id string, in *ObservableUpdate) error {
	return patch(ctx, s.c, s.item(id), transport.ReplaySafe, "observable update", in)
}

// Delete deletes an observable.
func (s *ObservableService) Delete(ctx context.Context, id string) error {
	return s.c.remove(ctx, s.item(id))
}

// List returns one page of a case's observables matching opts.
func (s *ObservableService) List(ctx context.Context, caseID string, opts *ListOptions) (*incidentkit.Page[*Observable], error) {
	return list[Observable, observableWire](ctx, s.c, caseListing(s.c.sp.observables, caseID), opts)
}

// All returns a lazy sequence of a case's observables matching opts; it
// behaves like CaseService.All.
func (s *ObservableService) All(ctx context.Context, caseID string, opts *ListOptions) iter.Seq2[*Observable, error] {
	return all[Observable, observableWire](ctx, s.c, caseListing(s.c.sp.observables, caseID), opts)
}
