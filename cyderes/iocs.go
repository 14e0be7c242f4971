package cyderes

import (
	"context"
	"iter"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// mispTimeLayout is the MISP endpoint's time format, in UTC.
const mispTimeLayout = "2006-01-02 15:04:05"

// IOCListOptions select MISP indicators by the time they were created. nil
// means the zero IOCListOptions: the API's default window, the last seven
// days. The API has no paging: one answer holds every indicator of the
// window.
type IOCListOptions struct {
	// CreatedFrom and CreatedTo bound the window, to the second in UTC
	// (finer parts are dropped). A zero time leaves that bound to the API.
	CreatedFrom time.Time
	CreatedTo   time.Time
	// MaxItems caps how many indicators All yields (0 means no cap). It is
	// not sent; List ignores it.
	MaxItems int
}

// IOCService reads MISP indicators of compromise. Use it as Client.IOCs.
type IOCService struct{ c *Client }

// List returns the MISP attributes created in the window opts selects.
// The API sends them all in one answer, unpaged, so the page holds every
// attribute, its Total is known and its NextOffset is -1. Null entries are
// skipped. A window that ends before it starts is refused before anything
// is sent.
func (s *IOCService) List(ctx context.Context, opts *IOCListOptions) (*incidentkit.Page[*MISPAttribute], error) {
	items, err := s.list(ctx, opts)
	if err != nil {
		return nil, err
	}
	return wholePage(items), nil
}

// All yields the MISP attributes List returns, up to opts.MaxItems. The
// request is sent when the sequence is ranged, again on every ranging; an
// error is yielded once and ends the sequence.
func (s *IOCService) All(ctx context.Context, opts *IOCListOptions) iter.Seq2[*MISPAttribute, error] {
	var q IOCListOptions
	if opts != nil {
		q = *opts
	}
	if q.MaxItems < 0 {
		return fail[*MISPAttribute](inputErr("maximum items", strconv.Itoa(q.MaxItems)+" is negative"))
	}
	return each(func() ([]*MISPAttribute, error) { return s.list(ctx, &q) }, q.MaxItems)
}

// list fetches the attributes of a window.
func (s *IOCService) list(ctx context.Context, opts *IOCListOptions) ([]*MISPAttribute, error) {
	var q IOCListOptions
	if opts != nil {
		q = *opts
	}
	from, to := q.CreatedFrom, q.CreatedTo
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return nil, inputErr("time window", "from "+from.UTC().Format(time.RFC3339)+" is after to "+to.UTC().Format(time.RFC3339))
	}
	u := s.c.core.BaseURL().JoinPath("misp")
	u.RawQuery = mispQuery(from, to)
	var out []*MISPAttribute
	if _, err := s.c.do(ctx, &transport.Request{URL: u.String()}, &out); err != nil {
		return nil, err
	}
	return slices.DeleteFunc(out, func(a *MISPAttribute) bool { return a == nil }), nil
}

// mispQuery encodes the window as the API's examples do: the space as %20
// and the colons as %3A.
func mispQuery(from, to time.Time) string {
	var parts []string
	add := func(key string, t time.Time) {
		if t.IsZero() {
			return
		}
		v := url.QueryEscape(t.UTC().Format(mispTimeLayout))
		parts = append(parts, key+"="+strings.ReplaceAll(v, "+", "%20"))
	}
	add("created_from", from)
	add("created_to", to)
	return strings.Join(parts, "&")
}
