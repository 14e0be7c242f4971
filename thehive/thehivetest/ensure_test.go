package thehivetest_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"testing"

	"github.com/incidentkit/incidentkit/incidentkittest"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// lostAnswers returns the ways the fake loses the answer to the next
// create at path: none, acted on and answered 502, acted on and cut
// short, dropped before acting, answered 504 without acting.
func lostAnswers(srv *thehivetest.Server, path string) []func() {
	creates := thehivetest.Path(http.MethodPost, path)
	return []func(){
		func() {},
		func() {
			srv.Inject(1, incidentkittest.Fault{Status: http.StatusBadGateway, Handled: true, Match: creates})
		},
		func() { srv.Truncate(1, creates) },
		func() { srv.Drop(1, creates) },
		func() { srv.Fail(1, http.StatusGatewayTimeout, 0, creates) },
	}
}

// TestAlertEnsureSurvivesLostAnswers creates alerts through Ensure while
// the fake loses the creates' answers in every way: acted on and answered
// 502, acted on and cut short, dropped before acting. Each key ends with
// exactly one alert, and no call fails.
func TestAlertEnsureSurvivesLostAnswers(t *testing.T) {
	inBothDialects(t, func(t *testing.T, ctx context.Context, srv *thehivetest.Server, c *thehive.Client) {
		d := c.Dialect()
		faults := lostAnswers(srv, map[thehive.Dialect]string{thehive.V1: "/api/v1/alert", thehive.V0: "/api/alert"}[d])
		for i, fault := range faults {
			in := &thehive.AlertInput{Type: "siem", Source: "cyderes", SourceRef: "T-" + string(rune('a'+i)), Title: "beacon", Description: "x"}
			fault()
			a, made, err := c.Alerts.Ensure(ctx, in)
			if err != nil || a == nil || !made {
				t.Fatalf("%v fault %d: %+v, %v, %v", d, i, a, made, err)
			}
			again, made, err := c.Alerts.Ensure(ctx, in)
			if err != nil || made || again.ID != a.ID {
				t.Fatalf("%v fault %d, second Ensure: %+v, %v, %v", d, i, again, made, err)
			}
		}
		n := 0
		for _, a := range srv.Alerts() {
			if a["source"] == "cyderes" {
				n++
			}
		}
		if n != len(faults) {
			t.Errorf("%v: %d alerts stored for %d keys", d, n, len(faults))
		}
	})
}

// TestCaseEnsureSurvivesLostAnswers creates cases through Ensure while the
// fake loses the creates' answers in every way. Each key ends with exactly
// one case carrying its tag beside the caller's, and no call fails.
func TestCaseEnsureSurvivesLostAnswers(t *testing.T) {
	inBothDialects(t, func(t *testing.T, ctx context.Context, srv *thehivetest.Server, c *thehive.Client) {
		faults := lostAnswers(srv, map[thehive.Dialect]string{thehive.V1: "/api/v1/case", thehive.V0: "/api/case"}[c.Dialect()])
		for i, fault := range faults {
			key := "cyderes:TSI-" + string(rune('a'+i))
			in := &thehive.CaseInput{Title: "beacon", Description: "x", Tags: []string{"soc"}}
			fault()
			cs, made, err := c.Cases.Ensure(ctx, in, key)
			if err != nil || cs == nil || !made {
				t.Fatalf("fault %d: %+v, %v, %v", i, cs, made, err)
			}
			if !slices.Contains(cs.Tags, key) || !slices.Contains(cs.Tags, "soc") || len(in.Tags) != 1 {
				t.Errorf("fault %d: tags %v (the caller's %v)", i, cs.Tags, in.Tags)
			}
			again, made, err := c.Cases.Ensure(ctx, in, key)
			if err != nil || made || again.ID != cs.ID {
				t.Fatalf("fault %d, second Ensure: %+v, %v, %v", i, again, made, err)
			}
		}
		if n := len(srv.Cases()); n != len(faults) {
			t.Errorf("%d cases stored for %d keys", n, len(faults))
		}
	})
}

// TestCaseEnsureReturnsTheOldestOfDuplicates checks the documented
// recovery when someone else made two cases with the key: the oldest is
// returned and nothing is created; a blank or multi-line key is refused.
func TestCaseEnsureReturnsTheOldestOfDuplicates(t *testing.T) {
	inBothDialects(t, func(t *testing.T, ctx context.Context, srv *thehivetest.Server, c *thehive.Client) {
		first := srv.AddCase(thehivetest.Case{Title: "first", Description: "d", Tags: []string{"cyderes:TSI-1"}})
		srv.AddCase(thehivetest.Case{Title: "second", Description: "d", Tags: []string{"cyderes:TSI-1"}})
		in := &thehive.CaseInput{Title: "t", Description: "d"}
		cs, made, err := c.Cases.Ensure(ctx, in, "cyderes:TSI-1")
		if err != nil || made || cs.ID != first {
			t.Fatalf("Ensure = %+v, %v, %v; want the first case, not made", cs, made, err)
		}
		for _, key := range []string{"", " ", "a\nb"} {
			if _, _, err := c.Cases.Ensure(ctx, in, key); !errors.Is(err, thehive.ErrInvalidInput) {
				t.Errorf("key %q: %v, want an input error", key, err)
			}
		}
		if n := len(srv.Cases()); n != 2 {
			t.Errorf("%d cases stored, want 2", n)
		}
	})
}

// TestEnsurePromotedSurvivesLostAnswers promotes alerts through
// EnsurePromoted while the fake loses the promotes' answers in every way,
// and once more after another process promoted the alert: each alert ends
// in exactly one case, and no call fails.
func TestEnsurePromotedSurvivesLostAnswers(t *testing.T) {
	inBothDialects(t, func(t *testing.T, ctx context.Context, srv *thehivetest.Server, c *thehive.Client) {
		for i := range 5 {
			id := srv.AddAlert(thehivetest.Alert{Type: "siem", Source: "cyderes", SourceRef: "P-" + string(rune('a'+i)), Title: "t", Description: "d"})
			promote := map[thehive.Dialect]string{thehive.V1: "/api/v1/alert/" + id + "/case", thehive.V0: "/api/alert/" + id + "/createCase"}[c.Dialect()]
			lostAnswers(srv, promote)[i]()
			cs, made, err := c.Alerts.EnsurePromoted(ctx, id, nil)
			if err != nil || cs == nil || !made {
				t.Fatalf("fault %d: %+v, %v, %v", i, cs, made, err)
			}
			again, made, err := c.Alerts.EnsurePromoted(ctx, id, nil)
			if err != nil || made || again.ID != cs.ID {
				t.Fatalf("fault %d, second call: %+v, %v, %v", i, again, made, err)
			}
		}
		// Another process promotes between our read and our promote: the
		// refusal (TheHive 5) or the answer with its case (TheHive 3/4)
		// gives its case, and nothing more is made.
		id := srv.AddAlert(thehivetest.Alert{Type: "siem", Source: "cyderes", SourceRef: "P-race", Title: "t", Description: "d"})
		var theirs *thehive.Case
		racing, err := thehive.NewClient(srv.URL(), thehive.WithAPIKey(thehivetest.APIKey), thehive.WithOrganisation("soc"),
			thehive.WithDialect(c.Dialect()), thehive.WithTransportWrapper(func(next http.RoundTripper) http.RoundTripper {
				return roundTripFunc(func(r *http.Request) (*http.Response, error) {
					if r.Method == http.MethodPost && theirs == nil {
						var err error
						if theirs, err = c.Alerts.Promote(r.Context(), id, nil); err != nil {
							t.Error(err)
						}
					}
					return next.RoundTrip(r)
				})
			}))
		if err != nil {
			t.Fatal(err)
		}
		cs, made, err := racing.Alerts.EnsurePromoted(ctx, id, nil)
		// TheHive 3/4 answer as if the promote were made.
		if err != nil || (made && c.Dialect() == thehive.V1) || theirs == nil || cs.ID != theirs.ID {
			t.Errorf("after another promote: %+v, %v, %v", cs, made, err)
		}
		if n := len(srv.Cases()); n != 6 {
			t.Errorf("%d cases for 6 alerts", n)
		}
	})
}

// roundTripFunc is a function that is an http.RoundTripper.
type roundTripFunc func(*http.Request) (*http.Response, error)

// RoundTrip implements http.RoundTripper.
func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
