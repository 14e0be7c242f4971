package thehive

import (
	"context"
	"iter"
	"net/http"
	"strconv"

	"github.com/incidentkit/incidentkit/internal/paging"
	"github.com/incidentkit/incidentkit/internal/transport"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// DefaultPageSize is the page size of a search whose PageSize is zero.
const DefaultPageSize = 100

// SearchOptions select, order and page a search. The zero value lists
// everything, DefaultPageSize items per request, in the server's order.
type SearchOptions struct {
	// Filter selects the objects; the zero Filter selects all.
	Filter filter.Filter
	// Sort orders the results, first key first.
	Sort []filter.Sort
	// PageSize is how many objects one request asks for.
	PageSize int
	// Offset is the index of the first object wanted.
	Offset int
	// MaxItems caps how many objects All yields (0 means no cap).
	MaxItems int
}

func (o *SearchOptions) check() error {
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

func (o *SearchOptions) pageSize() int {
	if o.PageSize == 0 {
		return DefaultPageSize
	}
	return o.PageSize
}

// Page is one page of search results.
type Page[T any] struct {
	// Items are the page's objects in the server's order.
	Items []T
	// Offset is the index of Items[0] in the whole result, Limit the page
	// size asked for.
	Offset int
	Limit  int
	// Total is the number of matching objects when TotalKnown (the server's
	// X-Total header).
	Total      int
	TotalKnown bool
	// NextOffset is where the next page starts, or -1 when the data ends.
	NextOffset int
}

// HasNext reports whether another page may follow.
func (p *Page[T]) HasNext() bool { return p.NextOffset >= 0 }

// search describes one searchable collection in both dialects.
type search struct {
	// v1 holds the query's selection steps, such as listCase.
	v1 []map[string]any
	// v0Path is the _search endpoint; v0Filter is and-ed with the
	// caller's filter (a parent restriction).
	v0Path   string
	v0Filter filter.Filter
}

// queryBody builds the V1 query body of s with f, sorts and a final step.
func (s *search) queryBody(f filter.Filter, sorts []filter.Sort, last map[string]any) (map[string]any, error) {
	steps := make([]map[string]any, 0, len(s.v1)+3)
	steps = append(steps, s.v1...)
	if !f.IsZero() {
		m, err := filter.EncodeV1(f)
		if err != nil {
			return nil, err
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
			return nil, err
		}
		steps = append(steps, map[string]any{"_name": "sort", "_fields": fields})
	}
	if last != nil {
		steps = append(steps, last)
	}
	return map[string]any{"query": steps}, nil
}

// v0Body builds a V0 _search body; the range is always explicit.
func (s *search) v0Body(f filter.Filter, sorts []filter.Sort, from, to int) (map[string]any, error) {
	if !s.v0Filter.IsZero() {
		if f.IsZero() {
			f = s.v0Filter
		} else {
			f = filter.And(s.v0Filter, f)
		}
	}
	q := map[string]any{}
	if !f.IsZero() {
		m, err := filter.EncodeV0(f)
		if err != nil {
			return nil, err
		}
		q = m
	}
	b := map[string]any{"query": q, "range": strconv.Itoa(from) + "-" + strconv.Itoa(to)}
	if len(sorts) > 0 {
		fields, err := filter.SortV0(sorts...)
		if err != nil {
			return nil, err
		}
		b["sort"] = fields
	}
	return b, nil
}

// fetchPage asks for the objects from offset to offset+limit. W is the V0
// wire form of T, converted by conv; fix normalizes a V1 object.
func fetchPage[T, W any](ctx context.Context, c *Client, s *search, o *SearchOptions, offset, limit int,
	conv func(*W) *T, fix func(*T)) (*Page[*T], error) {
	req := &transport.Request{Method: http.MethodPost, Replay: transport.ReplaySafe}
	var (
		items []*T
		resp  *transport.Response
		err   error
	)
	if c.dialect == V1 {
		req.Path = "/api/v1/query"
		req.JSON, err = s.queryBody(o.Filter, o.Sort, map[string]any{
			"_name": "page", "from": offset, "to": offset + limit, "extraData": []string{"total"},
		})
		if err != nil {
			return nil, err
		}
		// One backing array for the page instead of one allocation per
		// object.
		var arr []T
		resp, err = c.do(ctx, req, &arr)
		if err != nil {
			return nil, err
		}
		items = make([]*T, len(arr))
		for i := range arr {
			items[i] = &arr[i]
			fix(items[i])
		}
	} else {
		req.Path = s.v0Path
		req.JSON, err = s.v0Body(o.Filter, o.Sort, offset, offset+limit)
		if err != nil {
			return nil, err
		}
		var wire []W
		resp, err = c.do(ctx, req, &wire)
		if err != nil {
			return nil, err
		}
		items = make([]*T, len(wire))
		for i := range wire {
			items[i] = conv(&wire[i])
		}
	}
	p := &Page[*T]{Items: items, Offset: offset, Limit: limit, NextOffset: -1}
	if n, err := strconv.Atoi(resp.Header.Get("X-Total")); err == nil && n >= 0 {
		p.Total, p.TotalKnown = n, true
	}
	meta := paging.Meta{Offset: offset, Limit: limit, Total: p.Total, TotalKnown: p.TotalKnown}
	if next := paging.NextOffset(meta, len(items)); next != nil {
		p.NextOffset = next.Offset
	}
	return p, nil
}

// searchOne returns one page at o.Offset.
func searchOne[T, W any](ctx context.Context, c *Client, s *search, o *SearchOptions,
	conv func(*W) *T, fix func(*T)) (*Page[*T], error) {
	if o == nil {
		o = &SearchOptions{}
	}
	if err := o.check(); err != nil {
		return nil, err
	}
	return fetchPage(ctx, c, s, o, o.Offset, o.pageSize(), conv, fix)
}

// searchAll returns a lazy sequence over every page from o.Offset.
func searchAll[T, W any](ctx context.Context, c *Client, s *search, o *SearchOptions,
	conv func(*W) *T, fix func(*T)) iter.Seq2[*T, error] {
	var opts SearchOptions
	if o != nil {
		opts = *o
		opts.Sort = append([]filter.Sort(nil), o.Sort...)
	}
	return func(yield func(*T, error) bool) {
		if err := opts.check(); err != nil {
			yield(nil, err)
			return
		}
		size := opts.pageSize()
		fetch := func(ctx context.Context, cur paging.Cursor) (*paging.Page[*T], error) {
			limit := size
			if cur.Want > 0 && cur.Want < limit {
				limit = cur.Want
			}
			offset := opts.Offset + cur.Offset
			p, err := fetchPage(ctx, c, s, &opts, offset, limit, conv, fix)
			if err != nil {
				return nil, err
			}
			out := &paging.Page[*T]{Items: p.Items}
			if p.NextOffset >= 0 {
				out.Next = &paging.Cursor{Offset: p.NextOffset - opts.Offset}
			}
			return out, nil
		}
		for it, err := range paging.Items(ctx, fetch, paging.Options{MaxItems: opts.MaxItems}) {
			if !yield(it, err) {
				return
			}
		}
	}
}

// count returns how many objects of s match f.
func count(ctx context.Context, c *Client, s *search, f filter.Filter) (int, error) {
	req := &transport.Request{Method: http.MethodPost, Replay: transport.ReplaySafe}
	var err error
	if c.dialect == V1 {
		req.Path = "/api/v1/query"
		req.JSON, err = s.queryBody(f, nil, map[string]any{"_name": "count"})
		if err != nil {
			return 0, err
		}
		var n int
		if _, err := c.do(ctx, req, &n); err != nil {
			return 0, err
		}
		return n, nil
	}
	req.Path = s.v0Path
	req.JSON, err = s.v0Body(f, nil, 0, 0)
	if err != nil {
		return 0, err
	}
	resp, err := c.do(ctx, req, nil)
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(resp.Header.Get("X-Total"))
	if err != nil || n < 0 {
		return 0, &BodyError{Service: "thehive", Method: http.MethodPost, URL: s.v0Path, StatusCode: resp.StatusCode,
			Err: errMissingTotal}
	}
	return n, nil
}
