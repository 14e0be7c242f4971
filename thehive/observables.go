package thehive

import (
	"bytes"
	"context"
	"encoding/json"
	"iter"
	"net/http"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// Upload is a file to send. Set exactly one of Reader, ReaderAt or Open,
// and FileName. A rewindable source (an io.ReadSeeker, an io.ReaderAt with
// its Size, or Open) can be sent again when a retry is safe; a plain
// io.Reader is streamed once and never sent twice.
type Upload = transport.Upload

// ObservableService manages observables. Get it from Client.Observables.
type ObservableService struct{ c *Client }

func (s *ObservableService) path(v1, v0 string) string {
	if s.c.dialect == V0 {
		return v0
	}
	return v1
}

// send posts an observable create and decodes every answer shape. With
// some values refused (HTTP 207), it returns the result and a
// *PartialError holding the same result.
func (s *ObservableService) send(ctx context.Context, r *transport.Request) (*ObservableResult, error) {
	ans := &observableAnswer{d: s.c.dialect}
	if _, err := s.c.do(ctx, r, ans); err != nil {
		return nil, err
	}
	return ans.result()
}

// Create adds observables to a case: one per element of in.Data. It is
// sent once.
func (s *ObservableService) Create(ctx context.Context, caseID string, in ObservableInput) (*ObservableResult, error) {
	if err := checkID("case id", caseID); err != nil {
		return nil, err
	}
	body, err := in.body(s.c.dialect, false)
	if err != nil {
		return nil, err
	}
	return s.send(ctx, &transport.Request{Method: http.MethodPost,
		Path: s.path("/api/v1/case/{}/observable", "/api/case/{}/artifact"), Args: []string{caseID},
		JSON: body, Replay: transport.ReplayUnsafe})
}

// CreateFile adds a file observable to a case, streaming file as the
// multipart part "attachment" beside the observable's fields in "_json".
// in.DataType defaults to "file" and in.Data must be empty. file.FileName
// is required. The upload is repeated only when a retry is safe and the
// source can be rewound.
func (s *ObservableService) CreateFile(ctx context.Context, caseID string, in ObservableInput, file Upload) (*ObservableResult, error) {
	if err := checkID("case id", caseID); err != nil {
		return nil, err
	}
	r, err := fileRequest(s.c.dialect, in, file)
	if err != nil {
		return nil, err
	}
	r.Path, r.Args = s.path("/api/v1/case/{}/observable", "/api/case/{}/artifact"), []string{caseID}
	return s.send(ctx, r)
}

// fileRequest builds the multipart request of a file observable.
func fileRequest(d Dialect, in ObservableInput, file Upload) (*transport.Request, error) {
	if strings.TrimSpace(file.FileName) == "" {
		return nil, inputErr("file name", "is empty")
	}
	body, err := in.body(d, true)
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
	var w v0Observable
	if _, err := s.c.do(ctx, &transport.Request{Path: s.path("/api/v1/observable/{}", "/api/case/artifact/{}"),
		Args: []string{id}}, &w); err != nil {
		return nil, err
	}
	o := &w.Observable
	w.fold(&o.Record)
	o.normalize(s.c.dialect)
	return o, nil
}

// Update changes the fields set in u.
func (s *ObservableService) Update(ctx context.Context, id string, u ObservableUpdate) error {
	if err := checkID("observable id", id); err != nil {
		return err
	}
	body, err := u.body(s.c.dialect)
	if err != nil {
		return err
	}
	_, err = s.c.do(ctx, &transport.Request{Method: http.MethodPatch,
		Path: s.path("/api/v1/observable/{}", "/api/case/artifact/{}"), Args: []string{id},
		JSON: body, Replay: transport.ReplaySafe}, nil)
	return err
}

// Delete deletes an observable.
func (s *ObservableService) Delete(ctx context.Context, id string) error {
	if err := checkID("observable id", id); err != nil {
		return err
	}
	_, err := s.c.do(ctx, &transport.Request{Method: http.MethodDelete,
		Path: s.path("/api/v1/observable/{}", "/api/case/artifact/{}"), Args: []string{id}}, nil)
	return err
}

func (s *ObservableService) search(caseID string) *search {
	return &search{
		v1:       []map[string]any{{"_name": "getCase", "idOrName": caseID}, {"_name": "observables"}},
		v0Path:   "/api/case/artifact/_search",
		v0Filter: filter.ParentID("case", caseID),
	}
}

// List returns one page of a case's observables matching opts.
func (s *ObservableService) List(ctx context.Context, caseID string, opts *SearchOptions) (*Page[*Observable], error) {
	if err := checkID("case id", caseID); err != nil {
		return nil, err
	}
	return searchOne(ctx, s.c, s.search(caseID), opts, (*v0Observable).result, fixObservable)
}

// All returns a lazy sequence of a case's observables matching opts.
func (s *ObservableService) All(ctx context.Context, caseID string, opts *SearchOptions) iter.Seq2[*Observable, error] {
	if err := checkID("case id", caseID); err != nil {
		return func(yield func(*Observable, error) bool) { yield(nil, err) }
	}
	return searchAll(ctx, s.c, s.search(caseID), opts, (*v0Observable).result, fixObservable)
}
