package thehive

import (
	"bytes"
	"context"
	"encoding/json"
	"iter"
	"net/http"
	"strings"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// ObservableService manages the observables of cases. Get it from
// Client.Observables.
type ObservableService struct{ c *Client }

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

// Create adds observables to a case: one per element of in.Data. It is
// sent once. A value the case has already is refused by TheHive; the
// error then matches ErrAlreadyExists (a *PartialError when other values
// were created). A nil in is an input error.
func (s *ObservableService) Create(ctx context.Context, caseID string, in *ObservableInput) (*ObservableResult, error) {
	if err := checkID("case id", caseID); err != nil {
		return nil, err
	}
	if err := needInput("observable input", in); err != nil {
		return nil, err
	}
	body, err := in.body(s.c.sp, false)
	if err != nil {
		return nil, err
	}
	return s.send(ctx, &transport.Request{Method: http.MethodPost, Path: s.c.sp.observableCreate,
		Args: []string{caseID}, JSON: body, Replay: transport.ReplayUnsafe})
}

// CreateFile adds a file observable to a case, streaming file as the
// multipart part "attachment" beside the observable's fields in "_json".
// in.DataType defaults to "file" and in.Data must be empty; file.FileName
// is required (incidentkit.FileUpload sets it from a path), and
// file.Progress, when set, reports the bytes sent. The upload is repeated
// only when a retry is safe and the source can be rewound. A nil in is an
// input error.
func (s *ObservableService) CreateFile(ctx context.Context, caseID string, in *ObservableInput, file incidentkit.Upload) (*ObservableResult, error) {
	if err := checkID("case id", caseID); err != nil {
		return nil, err
	}
	r, err := fileRequest(s.c.sp, in, file)
	if err != nil {
		return nil, err
	}
	r.Path, r.Args = s.c.sp.observableCreate, []string{caseID}
	return s.send(ctx, r)
}

// fileRequest builds the multipart request of a file observable.
func fileRequest(sp *dialectSpec, in *ObservableInput, file incidentkit.Upload) (*transport.Request, error) {
	if err := needInput("observable input", in); err != nil {
		return nil, err
	}
	if strings.TrimSpace(file.FileName) == "" {
		return nil, inputErr("file name", "is empty")
	}
	body, err := in.body(sp, true)
	if err != nil {
		return nil, err
	}
	var js bytes.Buffer
	enc := json.NewEncoder(&js)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(body); err != nil {
		return nil, err
	}
	return &transport.Request{Method: http.MethodPost, Replay: transport.ReplayUnsafe,
		Body: transport.MultipartBody([]transport.FormField{{Name: "_json", Value: strings.TrimSpace(js.String())}},
			"attachment", file)}, nil
}

// Get returns an observable.
func (s *ObservableService) Get(ctx context.Context, id string) (*Observable, error) {
	if err := checkID("observable id", id); err != nil {
		return nil, err
	}
	return getOne[Observable, observableWire](ctx, s.c, &transport.Request{Path: s.c.sp.observableItem, Args: []string{id}})
}

// Update changes the fields set in in. A nil in is an input error.
func (s *ObservableService) Update(ctx context.Context, id string, in *ObservableUpdate) error {
	if err := checkID("observable id", id); err != nil {
		return err
	}
	if err := needInput("observable update", in); err != nil {
		return err
	}
	body, err := in.body(s.c.sp)
	if err != nil {
		return err
	}
	_, err = s.c.do(ctx, &transport.Request{Method: http.MethodPatch, Path: s.c.sp.observableItem,
		Args: []string{id}, JSON: body, Replay: transport.ReplaySafe}, nil)
	return err
}

// Delete deletes an observable.
func (s *ObservableService) Delete(ctx context.Context, id string) error {
	if err := checkID("observable id", id); err != nil {
		return err
	}
	_, err := s.c.do(ctx, &transport.Request{Method: http.MethodDelete, Path: s.c.sp.observableItem,
		Args: []string{id}}, nil)
	return err
}

// List returns one page of a case's observables matching opts.
func (s *ObservableService) List(ctx context.Context, caseID string, opts *ListOptions) (*incidentkit.Page[*Observable], error) {
	if err := checkID("case id", caseID); err != nil {
		return nil, err
	}
	return list[Observable, observableWire](ctx, s.c, s.c.sp.observables(caseID), opts)
}

// All returns a lazy sequence of a case's observables matching opts; it
// behaves like CaseService.All.
func (s *ObservableService) All(ctx context.Context, caseID string, opts *ListOptions) iter.Seq2[*Observable, error] {
	if err := checkID("case id", caseID); err != nil {
		return failed[Observable](err)
	}
	return all[Observable, observableWire](ctx, s.c, s.c.sp.observables(caseID), opts)
}
