package cyderes

import (
	"context"
	"net/url"
	"strings"
	"time"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// mispTimeLayout is the MISP endpoint's time format, in UTC.
const mispTimeLayout = "2006-01-02 15:04:05"

// IOCs returns the MISP indicators created in [from, to], to the second
// in UTC. A zero from or to leaves that bound open; with both zero the API
// returns the last 7 days.
func (c *Client) IOCs(ctx context.Context, from, to time.Time) ([]*MISPAttribute, error) {
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return nil, inputErr("time range", "from "+from.UTC().Format(time.RFC3339)+" is after to "+to.UTC().Format(time.RFC3339))
	}
	u := c.core.BaseURL().JoinPath("misp")
	u.RawQuery = mispQuery(from, to)
	var out []*MISPAttribute
	if _, err := c.do(ctx, &transport.Request{URL: u.String()}, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// mispQuery encodes the range as the API's examples do: the space as %20
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
