package thehive

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// Step is one operation of TheHive 5's query API, such as
// Step{"_name": "listCase"} or Step{"_name": "getCase", "idOrName": "~42"};
// FilterStep, SortStep and PageStep build the common ones.
type Step map[string]any

// Query sends steps to TheHive 5's query API (POST /api/v1/query) and
// decodes the answer into out, a non-nil pointer (nil discards it): a list
// of objects for most queries, a number for one ending in count. It is
// the way to anything TheHive can answer that the services do not name —
// similar cases, shares, procedures of an alert, any extraData. A query
// only reads, so it is retried like any read. V0 has no query API: the
// call fails with an error matching ErrUnsupported.
func (c *Client) Query(ctx context.Context, steps []Step, out any) error {
	if _, ok := c.sp.search.(queryAPI); !ok {
		return c.sp.unsupported("query", "the query API is not available", "")
	}
	if len(steps) == 0 {
		return inputErr("query", "has no steps")
	}
	for i, s := range steps {
		if name, _ := s["_name"].(string); strings.TrimSpace(name) == "" {
			return inputErr("query", "step "+strconv.Itoa(i)+" has no _name")
		}
	}
	_, err := c.do(ctx, &transport.Request{Method: http.MethodPost, Path: queryPath, Replay: transport.ReplaySafe,
		JSON: map[string]any{"query": steps}}, out)
	return err
}

// FilterStep returns the filter step of f for a query; the zero Filter is
// an input error (leave the step out instead).
func FilterStep(f filter.Filter) (Step, error) {
	if f.IsZero() {
		return nil, inputErr("filter step", "filter is the zero Filter")
	}
	m, err := filter.EncodeV1(f)
	if err != nil {
		return nil, filterErr(err)
	}
	step := make(Step, len(m)+1)
	for k, v := range m {
		step[k] = v
	}
	step["_name"] = "filter"
	return step, nil
}

// SortStep returns the sort step of the given keys, first key first.
func SortStep(sorts ...filter.Sort) (Step, error) {
	if len(sorts) == 0 {
		return nil, inputErr("sort step", "has no sort keys")
	}
	fields, err := filter.SortV1(sorts...)
	if err != nil {
		return nil, filterErr(err)
	}
	return Step{"_name": "sort", "_fields": fields}, nil
}

// PageStep returns the page step of the objects from (inclusive) to to
// (exclusive), with the extraData the caller wants beside each object
// ("total", "similarCases", ...). A query without a page step stops at 10
// objects.
func PageStep(from, to int, extraData ...string) (Step, error) {
	if from < 0 || to < from {
		return nil, inputErr("page step", "range "+strconv.Itoa(from)+"-"+strconv.Itoa(to)+" is not valid")
	}
	step := Step{"_name": "page", "from": from, "to": to}
	if len(extraData) > 0 {
		step["extraData"] = extraData
	}
	return step, nil
}
