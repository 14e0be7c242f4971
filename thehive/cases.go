package thehive

import (
	"context"
	"iter"
	"net/http"
	"strconv"

	"github.com/incidentkit/incidentkit/internal/transport"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// CaseService manages cases. Get it from Client.Cases.
type CaseService struct{ c *Client }

func (s *CaseService) path(v1, v0 string) string {
	if s.c.dialect == V0 {
		return v0
	}
	return v1
}

// decodeCase sends r and decodes one case in the client's dialect.
func (s *CaseService) decodeCase(ctx context.Context, r *transport.Request) (*Case, error) {
	if s.c.dialect == V0 {
		var w v0Case
		if _, err := s.c.do(ctx, r, &w); err != nil {
			return nil, err
		}
		return w.result(), nil
	}
	var out Case
	if _, err := s.c.do(ctx, r, &out); err != nil {
		return nil, err
	}
	out.normalize(V1)
	return &out, nil
}

// Create creates a case. It is sent once: a create is never repeated
// unless the server provably did not act on it.
func (s *CaseService) Create(ctx context.Context, in CaseInput) (*Case, error) {
	body, err := in.body(s.c.dialect)
	if err != nil {
		return nil, err
	}
	return s.decodeCase(ctx, &transport.Request{Method: http.MethodPost, Path: s.path("/api/v1/case", "/api/case"),
		JSON: body, Replay: transport.ReplayUnsafe})
}

// Get returns the case with the given id (such as "~123456"). In V1 the
// case number, as a string, works too.
func (s *CaseService) Get(ctx context.Context, id string) (*Case, error) {
	if err := checkID("case id", id); err != nil {
		return nil, err
	}
	return s.decodeCase(ctx, &transport.Request{Path: s.path("/api/v1/case/{}", "/api/case/{}"), Args: []string{id}})
}

// GetByNumber returns the case with the given number. V0 searches for it;
// a missing case is an error matching ErrNotFound in both dialects.
func (s *CaseService) GetByNumber(ctx context.Context, number int) (*Case, error) {
	if number <= 0 {
		return nil, inputErr("case number", strconv.Itoa(number)+" is not positive")
	}
	if s.c.dialect == V1 {
		return s.Get(ctx, strconv.Itoa(number))
	}
	p, err := s.Search(ctx, &SearchOptions{Filter: filter.Eq("caseId", number), PageSize: 1})
	if err != nil {
		return nil, err
	}
	if len(p.Items) == 0 {
		return nil, &Error{Service: "thehive", StatusCode: http.StatusNotFound, Method: http.MethodPost,
			URL: "/api/case/_search", Code: "NotFoundError", Message: "case #" + strconv.Itoa(number) + " not found"}
	}
	return p.Items[0], nil
}

// Update changes the fields set in u. V1 answers 204 with no body, so
// Update returns only an error; Get the case to see the result.
func (s *CaseService) Update(ctx context.Context, id string, u CaseUpdate) error {
	if err := checkID("case id", id); err != nil {
		return err
	}
	body, err := u.body(s.c.dialect)
	if err != nil {
		return err
	}
	_, err = s.c.do(ctx, &transport.Request{Method: http.MethodPatch, Path: s.path("/api/v1/case/{}", "/api/case/{}"),
		Args: []string{id}, JSON: body, Replay: transport.ReplaySafe}, nil)
	return err
}

// Close closes a case with a closing status, an optional impact status and
// a summary. It is sent once.
func (s *CaseService) Close(ctx context.Context, id string, cl CaseClose) error {
	if err := checkID("case id", id); err != nil {
		return err
	}
	body, err := cl.body(s.c.dialect)
	if err != nil {
		return err
	}
	_, err = s.c.do(ctx, &transport.Request{Method: http.MethodPatch, Path: s.path("/api/v1/case/{}", "/api/case/{}"),
		Args: []string{id}, JSON: body, Replay: transport.ReplayUnsafe}, nil)
	return err
}

// Delete deletes a case. TheHive 3/4 (V0) only marks it Deleted.
func (s *CaseService) Delete(ctx context.Context, id string) error {
	if err := checkID("case id", id); err != nil {
		return err
	}
	_, err := s.c.do(ctx, &transport.Request{Method: http.MethodDelete, Path: s.path("/api/v1/case/{}", "/api/case/{}"),
		Args: []string{id}}, nil)
	return err
}

func (s *CaseService) search() *search {
	return &search{v1: []map[string]any{{"_name": "listCase"}}, v0Path: "/api/case/_search"}
}

func fixCase(c *Case) { c.normalize(V1) }

// Search returns one page of the cases matching opts, starting at
// opts.Offset. The range is always explicit, so the answer is never cut to
// the server's default of 10 results.
func (s *CaseService) Search(ctx context.Context, opts *SearchOptions) (*Page[*Case], error) {
	return searchOne(ctx, s.c, s.search(), opts, (*v0Case).result, fixCase)
}

// All returns a lazy sequence of every case matching opts, fetching
// opts.PageSize cases per request. Nothing is sent until it is ranged;
// breaking out stops; an error is yielded once and ends it; ranging it
// again starts over.
func (s *CaseService) All(ctx context.Context, opts *SearchOptions) iter.Seq2[*Case, error] {
	return searchAll(ctx, s.c, s.search(), opts, (*v0Case).result, fixCase)
}

// Count returns the number of cases matching f (all cases for the zero
// Filter).
func (s *CaseService) Count(ctx context.Context, f filter.Filter) (int, error) {
	return count(ctx, s.c, s.search(), f)
}
