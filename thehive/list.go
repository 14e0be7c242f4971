package thehive

import (
	"cmp"
	"context"
	"iter"
	"net/http"
	"strconv"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/paging"
	"github.com/incidentkit/incidentkit/internal/transport"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// DefaultPageSize is the page size of a List or All whose PageSize is zero.
const DefaultPageSize = 100

// ListOptions select, order and page a List or All. A nil *ListOptions is
// the zero value: everything, DefaultPageSize items per request, in the
// server's order.
type ListOptions struct {
	// Filter selects the objects; the zero Filter selects all.
	Filter filter.Filter
	// Sort orders the results, first key first.
	Sort []filter.Sort
	// PageSize is how many objects one request asks for (0 means
	// DefaultPageSize).
	PageSize int
	// Offset is the index of the first object wanted.
	Offset int
	// MaxItems caps how many objects All yields (0 means no cap); List
	// ignores it.
	MaxItems int
}

func (o *ListOptions) check() error {
	switch {
	case o.PageSize < 0:
		return inputErr("page size", strconv.Itoa(o.PageSize)+" is negative")
	case o.Offset < 0:
		return inputErr("offset", strconv.Itoa(o.Offset)+" is negative")
	case o.MaxItems < 0:
		return inputErr("maximum items", strconv.Itoa(o.MaxItems)+" is negative")
	}
	return nil
}

func (o *ListOptions) pageSize() int {
	if o.PageSize == 0 {
		return DefaultPageSize
	}
	return o.PageSize
}

// listing is one collection a List selects, in both dialects' terms: the
// V1 query steps that select it, or the V0 _search endpoint with a parent
// restriction and-ed with the caller's filter. A listing a dialect lacks
// leaves its part empty.
type listing struct {
	// what names the call in an unsupported-call error.
	what   string
	steps  []map[string]any
	path   string
	parent filter.Filter
	// err, when set, is why the listing cannot be sent (an empty parent
	// id); List and All return it before anything else.
	err error
}

// caseListing returns the listing sel makes of the children of the case
// caseID, or one failing with an input error when caseID is empty.
func caseListing(sel func(caseID string) listing, caseID string) listing {
	return childListing(sel, "case id", caseID)
}

// childListing returns the listing sel makes of the children of the object
// id (named field in an input error), or one failing with an input error
// when id is empty.
func childListing(sel func(id string) listing, field, id string) listing {
	if err := required(field, id); err != nil {
		return listing{err: err}
	}
	return sel(id)
}

// searcher is one dialect's search protocol.
type searcher interface {
	// page builds the request for the objects from (inclusive) to to
	// (exclusive) of l that match f, in the order of sorts.
	page(sp *dialectSpec, l *listing, f filter.Filter, sorts []filter.Sort, from, to int) (*transport.Request, error)
	// count returns how many objects of l match f.
	count(ctx context.Context, c *Client, l *listing, f filter.Filter) (int, error)
}

// queryAPI is TheHive 5's POST /api/v1/query: selection steps, then
// filter, sort and a page step asking for the total. Without a page step
// the server would stop at 10 results.
type queryAPI struct{}

func (queryAPI) body(sp *dialectSpec, l *listing, f filter.Filter, sorts []filter.Sort, last map[string]any) (*transport.Request, error) {
	if l.steps == nil {
		return nil, sp.unsupported("call", l.what+" is not available", "")
	}
	steps := make([]map[string]any, 0, len(l.steps)+3)
	steps = append(steps, l.steps...)
	if !f.IsZero() {
		m, err := filter.EncodeV1(f)
		if err != nil {
			return nil, filterErr(err)
		}
		step := make(map[string]any, len(m)+1)
		for k, v := range m {
			step[k] = v
		}
		step["_name"] = "filter"
		steps = append(steps, step)
	}
	if len(sorts) > 0 {
		fields, err := filter.SortV1(sorts...)
		if err != nil {
			return nil, filterErr(err)
		}
		steps = append(steps, map[string]any{"_name": "sort", "_fields": fields})
	}
	steps = append(steps, last)
	return &transport.Request{Method: http.MethodPost, Path: queryPath, Replay: transport.ReplaySafe,
		JSON: map[string]any{"query": steps}}, nil
}

func (q queryAPI) page(sp *dialectSpec, l *listing, f filter.Filter, sorts []filter.Sort, from, to int) (*transport.Request, error) {
	return q.body(sp, l, f, sorts, map[string]any{"_name": "page", "from": from, "to": to, "extraData": []string{"total"}})
}

// count ends the query with a count step; the answer is the number.
func (q queryAPI) count(ctx context.Context, c *Client, l *listing, f filter.Filter) (int, error) {
	r, err := q.body(c.sp, l, f, nil, map[string]any{"_name": "count"})
	if err != nil {
		return 0, err
	}
	var n int
	if _, err := c.do(ctx, r, &n); err != nil {
		return 0, err
	}
	return n, nil
}

// searchAPI is TheHive 3/4's POST /api/case[/task|/artifact]/_search: the
// query, an explicit range (the server's default is 10 results) and sort
// keys; the total comes in the X-Total header.
type searchAPI struct{}

func (searchAPI) page(sp *dialectSpec, l *listing, f filter.Filter, sorts []filter.Sort, from, to int) (*transport.Request, error) {
	if l.path == "" {
		return nil, sp.unsupported("call", l.what+" is not available", "")
	}
	if !l.parent.IsZero() {
		if f.IsZero() {
			f = l.parent
		} else {
			f = filter.And(l.parent, f)
		}
	}
	q := map[string]any{}
	if !f.IsZero() {
		m, err := filter.Encode(f, sp.filterDialect)
		if err != nil {
			return nil, filterErr(err)
		}
		q = m
	}
	b := map[string]any{"query": q, "range": strconv.Itoa(from) + "-" + strconv.Itoa(to)}
	if len(sorts) > 0 {
		fields, err := filter.SortV0(sorts...)
		if err != nil {
			return nil, filterErr(err)
		}
		b["sort"] = fields
	}
	return &transport.Request{Method: http.MethodPost, Path: l.path, JSON: b, Replay: transport.ReplaySafe}, nil
}

// count asks for an empty range and reads X-Total.
func (s searchAPI) count(ctx context.Context, c *Client, l *listing, f filter.Filter) (int, error) {
	sp, err := c.spec(ctx)
	if err != nil {
		return 0, err
	}
	r, err := s.page(sp, l, f, nil, 0, 0)
	if err != nil {
		return 0, err
	}
	resp, err := c.do(ctx, r, nil)
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(resp.Header.Get("X-Total"))
	if err != nil || n < 0 {
		return 0, &incidentkit.BodyError{Service: "thehive", Method: http.MethodPost, URL: l.path,
			StatusCode: resp.StatusCode, Err: errMissingTotal}
	}
	return n, nil
}

// fetchPage asks for the objects from offset to offset+limit and decodes
// them (through their wire form W in TheHive 3/4).
func fetchPage[T, W any, PT recordOf[T], PW wireOf[T, W]](ctx context.Context, c *Client, l *listing, o *ListOptions,
	offset, limit int) (*incidentkit.Page[*T], error) {
	sp, err := c.spec(ctx)
	if err != nil {
		return nil, err
	}
	r, err := sp.search.page(sp, l, o.Filter, o.Sort, offset, offset+limit)
	if err != nil {
		return nil, err
	}
	ans := &many[T, W, PT, PW]{sp: c.sp, hint: limit}
	resp, err := c.do(ctx, r, ans)
	if err != nil {
		return nil, err
	}
	p := &incidentkit.Page[*T]{Items: ans.items, Offset: offset, Limit: limit, NextOffset: -1}
	if n, err := strconv.Atoi(resp.Header.Get("X-Total")); err == nil && n >= 0 {
		p.Total, p.TotalKnown = n, true
	}
	meta := paging.Meta{Offset: offset, Limit: limit, Total: p.Total, TotalKnown: p.TotalKnown}
	if next := paging.NextOffset(meta, len(p.Items)); next != nil {
		p.NextOffset = next.Offset
	}
	return p, nil
}

// list returns one page of l at o.Offset.
func list[T, W any, PT recordOf[T], PW wireOf[T, W]](ctx context.Context, c *Client, l listing, o *ListOptions) (*incidentkit.Page[*T], error) {
	if l.err != nil {
		return nil, l.err
	}
	if o == nil {
		o = &ListOptions{}
	}
	if err := o.check(); err != nil {
		return nil, err
	}
	return fetchPage[T, W, PT, PW](ctx, c, &l, o, o.Offset, o.pageSize())
}

// all returns a lazy sequence over every object of l from o.Offset. The
// options are copied, so changing them later does not change the
// sequence.
func all[T, W any, PT recordOf[T], PW wireOf[T, W]](ctx context.Context, c *Client, l listing, o *ListOptions) iter.Seq2[*T, error] {
	var opts ListOptions
	if o != nil {
		opts = *o
		opts.Sort = append([]filter.Sort(nil), o.Sort...)
	}
	return func(yield func(*T, error) bool) {
		if err := cmp.Or(l.err, opts.check()); err != nil {
			yield(nil, err)
			return
		}
		size := opts.pageSize()
		fetch := func(ctx context.Context, cur paging.Cursor) (*paging.Page[*T], error) {
			limit := size
			if cur.Want > 0 && cur.Want < limit {
				limit = cur.Want
			}
			p, err := fetchPage[T, W, PT, PW](ctx, c, &l, &opts, opts.Offset+cur.Offset, limit)
			if err != nil {
				return nil, err
			}
			out := &paging.Page[*T]{Items: p.Items, Keys: recordKeys(p.Items)}
			if p.NextOffset >= 0 {
				out.Next = &paging.Cursor{Offset: p.NextOffset - opts.Offset}
			}
			return out, nil
		}
		for it, err := range paging.Items(ctx, fetch, paging.Options{MaxItems: opts.MaxItems, Service: "thehive"}) {
			if !yield(it, err) {
				return
			}
		}
	}
}

// onePage returns a lazy sequence of the items of the one page list
// returns, for collections TheHive answers whole. Nothing is sent until it
// is ranged; an error is yielded once and ends it.
func onePage[T any](list func() (*incidentkit.Page[*T], error)) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		p, err := list()
		if err != nil {
			yield(nil, err)
			return
		}
		for _, t := range p.Items {
			if !yield(t, nil) {
				return
			}
		}
	}
}

// recordKeys identifies each record by its id for paging, which drops a
// record met twice (offset ranges over a result that changes) and notices
// a server that answers the same range whatever it is asked.
func recordKeys[T any](items []*T) []uint64 {
	keys := make([]uint64, len(items))
	for i, it := range items {
		if r, ok := any(it).(interface{ base() *Record }); ok {
			keys[i] = paging.Key(r.base().ID)
		}
	}
	return keys
}

// count returns how many objects of l match f.
func count(ctx context.Context, c *Client, l listing, f filter.Filter) (int, error) {
	return c.sp.search.count(ctx, c, &l, f)
}

// queryPath is TheHive 5's query API.
const queryPath = "/api/v1/query"

// notFound is the error of a search in l that was to find one object and
// found none: it matches ErrNotFound like a 404 for the object would.
func notFound(l listing, message string) error {
	u := l.path
	if u == "" {
		u = queryPath
	}
	return &incidentkit.Error{Service: "thehive", StatusCode: http.StatusNotFound, Method: http.MethodPost,
		URL: u, Code: "NotFoundError", Message: message}
}
