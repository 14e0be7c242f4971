package thehive

import (
	"context"
	"iter"
	"strconv"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// CaseService manages cases. Get it from Client.Cases.
type CaseService struct{ c *Client }

// Create creates a case. It is sent once: a create is never repeated
// unless the server provably did not act on it. A nil in is an input
// error.
func (s *CaseService) Create(ctx context.Context, in *CaseInput) (*Case, error) {
	return create[Case, caseWire](ctx, s.c, route{path: s.c.sp.caseCreate}, "case input", in)
}

// Get returns the case with the given id (such as "~123456"). In V1 the
// case number, as a string, works too.
func (s *CaseService) Get(ctx context.Context, id string) (*Case, error) {
	return read[Case, caseWire](ctx, s.c, s.item(id))
}

// item is the route to the case id.
func (s *CaseService) item(id string) route {
	return route{path: s.c.sp.caseItem, idField: "case id", id: id}
}

// GetByNumber returns the case with the given number. V0 searches for it;
// a missing case is an error matching ErrNotFound in both dialects.
func (s *CaseService) GetByNumber(ctx context.Context, number int) (*Case, error) {
	if number <= 0 {
		return nil, inputErr("case number", strconv.Itoa(number)+" is not positive")
	}
	field := s.c.sp.caseNumberField
	if field == "" {
		return s.Get(ctx, strconv.Itoa(number))
	}
	p, err := s.List(ctx, &ListOptions{Filter: filter.Eq(field, number), PageSize: 1})
	if err != nil {
		return nil, err
	}
	if len(p.Items) == 0 {
		return nil, notFound(s.c.sp.cases, "case #"+strconv.Itoa(number)+" not found")
	}
	return p.Items[0], nil
}

// Update changes the fields set in in. V1 answers 204 with no body, so
// Update returns only an error; Get the case to see the result. A nil in
// is an input error.
func (s *CaseService) Update(ctx context.Context, id string, in *CaseUpdate) error {
	return patch(ctx, s.c, s.item(id), transport.ReplaySafe, "case update", in)
}

// Close closes a case with a closing status, an optional impact status and
// a summary. It is sent once. A nil in is an input error.
func (s *CaseService) Close(ctx context.Context, id string, in *CaseClose) error {
	return patch(ctx, s.c, s.item(id), transport.ReplayUnsafe, "case close", in)
}

// Delete deletes a case. TheHive 3/4 (V0) only marks it Deleted.
func (s *CaseService) Delete(ctx context.Context, id string) error {
	return s.c.remove(ctx, s.item(id))
}

// List returns one page of the cases matching opts, starting at
// opts.Offset. The range is always explicit, so the answer is never cut to
// the server's default of 10 results.
func (s *CaseService) List(ctx context.Context, opts *ListOptions) (*incidentkit.Page[*Case], error) {
	return list[Case, caseWire](ctx, s.c, s.c.sp.cases, opts)
}

// All returns a lazy sequence of every case matching opts, fetching
// opts.PageSize cases per request, at most opts.MaxItems. Nothing is sent
// until it is ranged; breaking out stops; an error is yielded once and
// ends it; ranging it again starts over. A case met again (by id, among the
// last 10,000) is yielded once, and three ranges in a row that bring only
// cases already yielded end the sequence with an *incidentkit.PagingError
// matching ErrServer: a server that ignores the range cannot keep it going.
func (s *CaseService) All(ctx context.Context, opts *ListOptions) iter.Seq2[*Case, error] {
	return all[Case, caseWire](ctx, s.c, s.c.sp.cases, opts)
}

// Count returns the number of cases matching f (all cases for the zero
// Filter).
func (s *CaseService) Count(ctx context.Context, f filter.Filter) (int, error) {
	return count(ctx, s.c, s.c.sp.cases, f)
}
