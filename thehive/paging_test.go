package thehive

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/paging"
	"github.com/incidentkit/incidentkit/internal/testkit"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// pagedClient returns a client of dialect d whose server answers V1
// queries and V0 searches from total numbered cases, honouring the page
// step or range; ranges records each (from, to) asked for.
func pagedClient(t *testing.T, d Dialect, total int) (c *Client, ranges *[][2]int) {
	c, m := newMock(t, d)
	ranges = new([][2]int)
	m.RegisterNoResponder(m.Record(func(r *http.Request) testkit.Answer {
		b := []byte(m.Last(t).Body)
		var from, to int
		if strings.HasSuffix(r.URL.Path, "/_search") {
			var body struct{ Range string }
			if err := json.Unmarshal(b, &body); err != nil {
				t.Error(err)
			}
			parts := strings.SplitN(body.Range, "-", 2)
			from, _ = strconv.Atoi(parts[0])
			to, _ = strconv.Atoi(parts[1])
		} else {
			var body struct{ Query []map[string]any }
			if err := json.Unmarshal(b, &body); err != nil {
				t.Error(err)
			}
			last := body.Query[len(body.Query)-1]
			from, to = int(last["from"].(float64)), int(last["to"].(float64))
		}
		*ranges = append(*ranges, [2]int{from, to})
		var items []string
		for i := from; i < to && i < total; i++ {
			items = append(items, fmt.Sprintf(`{"_id":"~%d","id":"~%d","number":%d}`, i, i, i))
		}
		return testkit.Answer{Body: "[" + strings.Join(items, ",") + "]", Header: testkit.Headers("X-Total", strconv.Itoa(total))}
	}))
	return c, ranges
}

func TestAllPages(t *testing.T) {
	for _, d := range []Dialect{V1, V0} {
		t.Run(d.String(), func(t *testing.T) {
			c, ranges := pagedClient(t, d, 25)
			seq := c.Cases.All(context.Background(), &ListOptions{PageSize: 10})
			if len(*ranges) != 0 {
				t.Fatal("a request was sent before ranging")
			}
			n := 0
			for cs, err := range seq {
				if err != nil {
					t.Fatal(err)
				}
				if cs.ID != "~"+strconv.Itoa(n) {
					t.Fatalf("item %d is %s", n, cs.ID)
				}
				n++
			}
			if n != 25 || fmt.Sprint(*ranges) != "[[0 10] [10 20] [20 30]]" {
				t.Errorf("got %d items from %v", n, *ranges)
			}
			// Ranging again starts over; break stops.
			*ranges = nil
			for range seq {
				break
			}
			if fmt.Sprint(*ranges) != "[[0 10]]" {
				t.Errorf("second range fetched %v", *ranges)
			}
		})
	}
}

func TestAllMaxItemsAndOffset(t *testing.T) {
	c, ranges := pagedClient(t, V1, 100)
	var ids []string
	for cs, err := range c.Cases.All(context.Background(), &ListOptions{PageSize: 10, Offset: 5, MaxItems: 12}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, cs.ID)
	}
	if len(ids) != 12 || ids[0] != "~5" || ids[11] != "~16" {
		t.Errorf("ids = %v", ids)
	}
	if fmt.Sprint(*ranges) != "[[5 15] [15 17]]" {
		t.Errorf("ranges = %v", *ranges)
	}
}

func TestSearchPageMeta(t *testing.T) {
	c, _ := pagedClient(t, V0, 15)
	p, err := c.Cases.List(context.Background(), &ListOptions{PageSize: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 10 || p.Total != 15 || !p.TotalKnown || !p.HasNext() || p.NextOffset != 10 {
		t.Errorf("page = %+v", p)
	}
	p, err = c.Cases.List(context.Background(), &ListOptions{PageSize: 10, Offset: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 5 || p.HasNext() {
		t.Errorf("last page = %+v", p)
	}
}

func TestAllErrorOnce(t *testing.T) {
	c, mock := newMock(t, V1, WithoutRetries())
	answerAll(mock, testkit.Answer{Status: 500, Body: `{"type":"InternalError","message":"x"}`})
	errs := 0
	for _, err := range c.Cases.All(context.Background(), nil) {
		if err == nil {
			t.Fatal("item without error")
		}
		errs++
	}
	if errs != 1 {
		t.Errorf("%d errors", errs)
	}
}

func TestCountV0FromHeader(t *testing.T) {
	c, mock := newMock(t, V0)
	answerAll(mock, testkit.Answer{Status: 200, Body: `[]`, Header: testkit.Headers("X-Total", "37")})
	n, err := c.Cases.Count(context.Background(), statusOpen())
	if err != nil || n != 37 {
		t.Fatalf("count = %d, %v", n, err)
	}
	testkit.JSONEqual(t, mock.Last(t).Body, `{"query":{"_field":"status","_value":"Open"},"range":"0-0"}`)

	c, mock = newMock(t, V0)
	answerAll(mock, testkit.Answer{Status: 200, Body: `[]`})
	if _, err := c.Cases.Count(context.Background(), statusOpen()); err == nil {
		t.Error("no error without X-Total")
	}
}

func statusOpen() filter.Filter { return filter.Eq("status", "Open") }

func TestAllEndsWhenTheServerIgnoresTheRange(t *testing.T) {
	for _, d := range []Dialect{V1, V0} {
		t.Run(d.String(), func(t *testing.T) {
			c, m := newMock(t, d)
			// The first two cases whatever range is asked, and a total
			// that promises far more.
			answer := testkit.Answer{Body: `[{"_id":"~1","id":"~1"},{"_id":"~2","id":"~2"}]`, Header: testkit.Headers("X-Total", "1000000")}
			m.RegisterNoResponder(m.Record(func(*http.Request) testkit.Answer { return answer }))
			ids, err := testkit.Drain(c.Cases.All(context.Background(), &ListOptions{PageSize: 2}), func(c *Case) string { return c.ID })
			var pe *incidentkit.PagingError
			if !errors.As(err, &pe) || !errors.Is(err, ErrServer) || pe.Service != "thehive" {
				t.Fatalf("err = %v, want a *incidentkit.PagingError matching ErrServer", err)
			}
			if ids != "~1,~2" || len(m.Requests()) != 1+paging.MaxStalls {
				t.Fatalf("cases %s after %d requests", ids, len(m.Requests()))
			}
		})
	}
}
