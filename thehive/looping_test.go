package thehive

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/paging"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

func TestAllEndsWhenTheServerIgnoresTheRange(t *testing.T) {
	for _, d := range []Dialect{V1, V0} {
		t.Run(d.String(), func(t *testing.T) {
			c, m := newMock(t, d)
			// The first two cases whatever range is asked, and a total
			// that promises far more.
			answer := testkit.Answer{Body: `[{"_id":"~1","id":"~1"},{"_id":"~2","id":"~2"}]`, Header: testkit.Headers("X-Total", "1000000")}
			m.RegisterNoResponder(m.Record(func(*http.Request) testkit.Answer { return answer }))
			var got int
			var last error
			for cs, err := range c.Cases.All(context.Background(), &ListOptions{PageSize: 2}) {
				if err != nil {
					last = err
					break
				}
				if cs != nil {
					got++
				}
			}
			var pe *incidentkit.PagingError
			if !errors.As(last, &pe) || !errors.Is(last, ErrServer) || pe.Service != "thehive" {
				t.Fatalf("err = %v, want a *incidentkit.PagingError matching ErrServer", last)
			}
			if got != 2 || len(m.Requests()) != 1+paging.MaxStalls {
				t.Fatalf("%d cases after %d requests", got, len(m.Requests()))
			}
		})
	}
}
