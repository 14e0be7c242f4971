package servicenow

import (
	"context"
	"encoding/json"
	"errors"
	"iter"
	"net/http"
	"strconv"
	"strings"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/callctx"
	"github.com/incidentkit/incidentkit/internal/paging"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// Table gives typed access to one table through the Table API. T is the
// caller's record struct (json tags naming the fields); Record is the
// untyped form.
type Table[T any] struct {
	c    *Client
	name string
	// listPath, when set, replaces api/now/table/{name} for lists (the
	// Attachment API lists sys_attachment records at its own path).
	listPath string
}

// Record is an untyped record: field name to raw JSON value.
type Record map[string]json.RawMessage

// recordKey identifies the record by its sys_id when listing.
func (r *Record) recordKey() uint64 { return paging.Key((*r)["sys_id"]) }

// NewTable returns typed access to the named table.
func NewTable[T any](c *Client, table string) *Table[T] {
	return &Table[T]{c: c, name: table}
}

// Records returns untyped access to the named table.
func (c *Client) Records(table string) *Table[Record] { return NewTable[Record](c, table) }

// Name returns the table's name.
func (t *Table[T]) Name() string { return t.name }

// envelope is ServiceNow's answer wrapper.
type envelope[R any] struct {
	// Result is nil when the answer has no result member (or a null one).
	Result *R        `json:"result"`
	Error  *apiError `json:"error"`
	Status string    `json:"status"`
}

func (t *Table[T]) check() error {
	if t == nil || t.c == nil {
		return inputErr("table", "has no client")
	}
	if t.name == "" || strings.ContainsAny(t.name, "/?#") {
		return inputErr("table", strconv.Quote(t.name)+" is not a table name")
	}
	return nil
}

func checkID(id string) error {
	if strings.TrimSpace(id) == "" {
		return inputErr("sys_id", "is empty")
	}
	return nil
}

// do sends r and decodes the envelope's result into out; an error envelope
// is an error even with HTTP 200.
func do[R any](ctx context.Context, c *Client, r *transport.Request, out *R) (*transport.Response, error) {
	if r.Method != "" && r.Method != http.MethodGet && noResponseBody(ctx) {
		// The caller asked the write for no body: out stays zero.
		return c.core.Do(ctx, r, nil)
	}
	var env envelope[R]
	resp, err := c.core.Do(ctx, r, &env)
	if err != nil {
		return resp, err
	}
	if err := envelopeError(c, r, resp, env.Error, env.Status); err != nil {
		return resp, err
	}
	if env.Result == nil {
		return resp, noResult(c, r, resp)
	}
	if out != nil {
		*out = *env.Result
	}
	return resp, nil
}

// noResult is the *BodyError for a 2xx answer without ServiceNow's result
// member: a proxy's or a scripted endpoint's JSON, never a record. Acting
// on it as an empty record would act on an empty sys_id.
func noResult(c *Client, r *transport.Request, resp *transport.Response) error {
	return &incidentkit.BodyError{Service: "servicenow", Method: sentMethod(r), URL: c.core.Redact(r.Path),
		StatusCode: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"),
		Summary: "JSON answer without a result member", Err: errNoResult}
}

// errNoResult is the cause of noResult's error.
var errNoResult = errors.New(`answer has no "result" member`)

// envelopeError turns ServiceNow's error envelope, which can arrive with
// HTTP 200, into an *Error; it returns nil when there is none.
func envelopeError(c *Client, r *transport.Request, resp *transport.Response, apiErr *apiError, status string) error {
	if apiErr == nil || (status != "failure" && apiErr.Message == "") {
		return nil
	}
	return &incidentkit.Error{Service: "servicenow", StatusCode: resp.StatusCode, Method: sentMethod(r),
		URL: c.core.Redact(r.Path), Message: apiErr.Message, Detail: apiErr.Detail, Header: resp.Header}
}

// sentMethod is the method r went out with: GET when it names none.
func sentMethod(r *transport.Request) string {
	if r.Method == "" {
		return http.MethodGet
	}
	return r.Method
}

// Get returns the record with the given sys_id; opts may be nil.
func (t *Table[T]) Get(ctx context.Context, sysID string, opts *GetOptions) (*T, error) {
	if err := t.check(); err != nil {
		return nil, err
	}
	if err := checkID(sysID); err != nil {
		return nil, err
	}
	q, err := opts.values()
	if err != nil {
		return nil, err
	}
	var out T
	_, err = do(ctx, t.c, &transport.Request{Path: "api/now/table/{}/{}", Args: []string{t.name, sysID}, Query: q}, &out)
	if err != nil {
		return nil, err
	}
	if opts != nil && opts.DisplayValue == DisplayValueTrue {
		displayMode(&out)
	}
	return &out, nil
}

// Create inserts a record built from in and returns the stored record.
// in is any value that encodes as a JSON object: a struct with json tags
// naming the fields, or a map; nil is refused. A create is never sent
// twice.
func (t *Table[T]) Create(ctx context.Context, in any) (*T, error) {
	if err := t.check(); err != nil {
		return nil, err
	}
	body, err := recordBody("record", in)
	if err != nil {
		return nil, err
	}
	var out T
	_, err = do(ctx, t.c, &transport.Request{Method: http.MethodPost, Path: "api/now/table/{}", Args: []string{t.name},
		JSON: body, Replay: transport.ReplayUnsafe}, &out)
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// Update writes the fields of in to a record (PATCH) and returns the
// stored record; fields in does not name are left alone. in is any value
// that encodes as a JSON object, as for Create; a field sent as "" is
// emptied. Setting fields is idempotent and may be retried; writing a
// journal field (work_notes, comments) appends an entry, so such an update
// is never sent twice.
//
// A custom journal field (a u_… field of type Journal) cannot be told from
// a plain one by its name: pass a context made with [incidentkit.SendOnce]
// so that the update is sent again only where the instance provably did
// not act on it.
//
//	_, err := tbl.Update(incidentkit.SendOnce(ctx), sysID, map[string]string{"u_analyst_log": entry})
func (t *Table[T]) Update(ctx context.Context, sysID string, in any) (*T, error) {
	return t.update(ctx, sysID, in, transport.ReplayByMethod)
}

func (t *Table[T]) update(ctx context.Context, sysID string, in any, replay transport.Replay) (*T, error) {
	if err := t.check(); err != nil {
		return nil, err
	}
	if err := checkID(sysID); err != nil {
		return nil, err
	}
	body, err := recordBody("update", in)
	if err != nil {
		return nil, err
	}
	if replay == transport.ReplayByMethod {
		// Setting fields is idempotent; appending to a journal is not.
		replay = transport.ReplaySafe
		if touchesJournal(body) {
			replay = transport.ReplayUnsafe
		}
	}
	var out T
	_, err = do(ctx, t.c, &transport.Request{Method: http.MethodPatch, Path: "api/now/table/{}/{}", Args: []string{t.name, sysID},
		JSON: body, Replay: replay}, &out)
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// touchesJournal reports whether an encoded update writes a journal field.
func touchesJournal(body json.RawMessage) bool {
	var m map[string]json.RawMessage
	if json.Unmarshal(body, &m) != nil {
		return true
	}
	_, w := m["work_notes"]
	_, c := m["comments"]
	return w || c
}

// Delete removes a record. A delete is repeated after a dropped connection
// or a 502/503/504; when the repeat finds the record gone (404) after an
// attempt the instance may have carried out, the delete succeeded and Delete
// returns nil. A 404 to the first attempt is an error matching ErrNotFound.
func (t *Table[T]) Delete(ctx context.Context, sysID string) error {
	if err := t.check(); err != nil {
		return err
	}
	if err := checkID(sysID); err != nil {
		return err
	}
	_, err := t.c.core.Do(ctx, &transport.Request{Method: http.MethodDelete, Path: "api/now/table/{}/{}", Args: []string{t.name, sysID}}, nil)
	return err
}

// List returns one page of records selected by opts (nil lists all), with
// X-Total-Count as Total when the instance sends it and where the next
// page starts: NextURL is the instance's Link rel="next", NextOffset the
// offset to pass back as ListOptions.Offset, -1 when the data ends. The
// page's FirstURL, PrevURL and LastURL are the Link header's other links.
func (t *Table[T]) List(ctx context.Context, opts *ListOptions) (*incidentkit.Page[*T], error) {
	fetch, start, _, err := t.fetcher(opts)
	if err != nil {
		return nil, err
	}
	p, err := fetch(ctx, start)
	if err != nil {
		return nil, err
	}
	out := &incidentkit.Page[*T]{Items: pointers(p.Items), Offset: p.Meta.Offset, Limit: p.Meta.Limit,
		Total: p.Meta.Total, TotalKnown: p.Meta.TotalKnown, NextOffset: -1}
	if p.Next != nil {
		out.NextOffset, out.NextURL = p.Next.Offset, p.Next.URL
	}
	out.FirstURL, _ = p.Meta.Links.First()
	out.PrevURL, _ = p.Meta.Links.Prev()
	out.LastURL, _ = p.Meta.Links.Last()
	return out, nil
}

// pointers returns pointers to the elements of items, in order.
func pointers[T any](items []T) []*T {
	if len(items) == 0 {
		return nil
	}
	out := make([]*T, len(items))
	for i := range items {
		out[i] = &items[i]
	}
	return out
}

// All yields every record selected by opts (nil lists all), fetching
// pages as the loop advances. Nothing is sent until the loop starts;
// breaking out of it stops fetching; an error is yielded once and ends the
// sequence; ranging the sequence again starts over. Paging follows
// Link rel="next", else offsets with X-Total-Count, and ends where the
// instance says the data ends: a short or empty page alone does not end it,
// since the instance filters rows by ACL after applying the limit.
// opts.MaxItems caps the records yielded.
//
// The listing always ends. A record met again (by sys_id, among the last
// 10,000) is yielded once, as records shift between offset pages when the
// table changes. Three pages in a row that add nothing new (a next link or
// offset already fetched, only records already yielded, or no record while
// the instance says more follow) end it with an *incidentkit.PagingError
// matching ErrServer, and so does a next link to another origin, which is
// never requested. Should ACLs hide every row of three pages in a row, the
// error says so instead of ending early; a larger PageSize avoids it.
func (t *Table[T]) All(ctx context.Context, opts *ListOptions) iter.Seq2[*T, error] {
	fetch, start, max, err := t.fetcher(opts)
	if err != nil {
		return func(yield func(*T, error) bool) { yield(nil, err) }
	}
	wrapped := func(ctx context.Context, c paging.Cursor) (*paging.Page[T], error) {
		if c.URL == "" && c.Offset == 0 {
			c.Offset = start.Offset
		}
		return fetch(ctx, c)
	}
	return func(yield func(*T, error) bool) {
		opts := paging.Options{MaxItems: max, Service: serviceName, Redact: t.c.core.Redact, SameOrigin: t.c.core.SameOrigin}
		for p, err := range paging.Pages(ctx, wrapped, opts) {
			if err != nil {
				yield(nil, err)
				return
			}
			for i := range p.Items {
				if !yield(&p.Items[i], nil) {
					return
				}
			}
		}
	}
}

// fetcher validates opts and returns the page fetch function and start.
func (t *Table[T]) fetcher(opts *ListOptions) (paging.Fetch[T], paging.Cursor, int, error) {
	if err := t.check(); err != nil {
		return nil, paging.Cursor{}, 0, err
	}
	var o ListOptions
	if opts != nil {
		o = *opts
	}
	size, query, err := o.check()
	if err != nil {
		return nil, paging.Cursor{}, 0, err
	}
	fetch := func(ctx context.Context, cur paging.Cursor) (*paging.Page[T], error) {
		r := &transport.Request{Path: "api/now/table/{}", Args: []string{t.name}}
		if t.listPath != "" {
			r = &transport.Request{Path: t.listPath}
		}
		limit := size
		if cur.URL != "" {
			r.URL = cur.URL
		} else {
			if cur.Want > 0 && cur.Want < limit {
				limit = cur.Want
			}
			r.Query = wireQuery{ListOptions: o, Query: query, Limit: limit, Offset: cur.Offset}
		}
		items, keys, resp, err := doList[T](ctx, t.c, r, limit)
		if err != nil {
			if isEmptyList(err) {
				return &paging.Page[T]{Meta: paging.Meta{Offset: cur.Offset, Limit: limit}}, nil
			}
			return nil, err
		}
		if o.DisplayValue == DisplayValueTrue {
			for i := range items {
				displayMode(&items[i])
			}
		}
		p := pageOf(items, resp, cur, limit)
		p.Keys = keys
		return p, nil
	}
	return fetch, paging.Cursor{Offset: o.Offset}, o.MaxItems, nil
}

// pageOf builds a page from an answer's items and headers and works out
// where the next page starts. The data ends where the instance says so: a
// total the next offset reaches, Link headers without rel="next", or an
// empty page when neither a total nor a link says more. A short or empty
// page alone does not end it: the instance filters rows by ACL after
// applying the limit.
func pageOf[T any](items []T, resp *transport.Response, cur paging.Cursor, limit int) *paging.Page[T] {
	m := paging.Meta{Offset: cur.Offset, Limit: limit, Links: paging.ParseLinkHeader(resp.Header.Values("Link")...)}
	if cur.URL != "" {
		m.Offset, m.Limit = urlWindow(cur.URL, cur.Offset, limit)
	}
	if v := resp.Header.Get("X-Total-Count"); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n >= 0 {
			m.Total, m.TotalKnown = n, true
		}
	}
	p := &paging.Page[T]{Items: items, Meta: m}
	next := m.Offset + max(m.Limit, len(items))
	switch link, ok := m.Links.Next(); {
	case m.TotalKnown && next >= m.Total:
		// The total says nothing is left.
	case ok && link != "":
		off, _ := urlWindow(link, next, m.Limit)
		p.Next = &paging.Cursor{URL: link, Offset: off}
	case len(m.Links) > 0:
		// The instance pages with links and gave no next: the data ends.
	case len(items) == 0 && !m.TotalKnown:
		// Nothing says more follows an empty page.
	default:
		p.Next = &paging.Cursor{Offset: next}
	}
	return p
}

// noResponseBody reports whether ctx asks for answers without a body: the
// header X-no-response-body: true, given with incidentkit.WithHeader,
// makes the Table API answer a write with its status alone.
func noResponseBody(ctx context.Context) bool {
	x, _ := callctx.Value[callctx.ExtraHeader](ctx)
	for k, vs := range x.Header {
		if strings.EqualFold(k, "X-No-Response-Body") && len(vs) > 0 && strings.EqualFold(vs[0], "true") {
			return true
		}
	}
	return false
}
