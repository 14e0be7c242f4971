package thehivetest_test

import (
	"context"
	"net/http"
	"slices"
	"testing"

	"github.com/incidentkit/incidentkit/incidentkittest"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// TestCaseEnsureSurvivesLostAnswers creates cases through Ensure while the
// fake loses the creates' answers in every way: acted on and answered 502,
// acted on and cut short, dropped before acting. Each key ends with
// exactly one case carrying its tag, and no call fails.
func TestCaseEnsureSurvivesLostAnswers(t *testing.T) {
	ctx := context.Background()
	for _, d := range []thehive.Dialect{thehive.V1, thehive.V0} {
		srv, c := setup(t, d)
		creates := thehivetest.Path(http.MethodPost, map[thehive.Dialect]string{thehive.V1: "/api/v1/case", thehive.V0: "/api/case"}[d])
		faults := []func(){
			func() {},
			func() {
				srv.Inject(1, incidentkittest.Fault{Status: http.StatusBadGateway, Handled: true, Match: creates})
			},
			func() { srv.Truncate(1, creates) },
			func() { srv.Drop(1, creates) },
			func() { srv.Fail(1, http.StatusGatewayTimeout, 0, creates) },
		}
		for i, fault := range faults {
			key := "cyderes:TSI-" + string(rune('a'+i))
			in := &thehive.CaseInput{Title: "beacon", Description: "x", Tags: []string{"soc"}}
			fault()
			cs, made, err := c.Cases.Ensure(ctx, in, key)
			if err != nil || cs == nil || !made {
				t.Fatalf("%v fault %d: %+v, %v, %v", d, i, cs, made, err)
			}
			if !slices.Contains(cs.Tags, key) || !slices.Contains(cs.Tags, "soc") {
				t.Errorf("%v fault %d: tags %v lack the key or the caller's tag", d, i, cs.Tags)
			}
			if len(in.Tags) != 1 {
				t.Errorf("%v fault %d: Ensure changed the caller's tags: %v", d, i, in.Tags)
			}
			again, made, err := c.Cases.Ensure(ctx, in, key)
			if err != nil || made || again.ID != cs.ID {
				t.Fatalf("%v fault %d, second Ensure: %+v, %v, %v", d, i, again, made, err)
			}
		}
		if n := len(srv.Cases()); n != len(faults) {
			t.Errorf("%v: %d cases stored for %d keys", d, n, len(faults))
		}
	}
}

// TestCaseEnsureReturnsTheOldestOfDuplicates checks the documented
// recovery when someone else made two cases with the key: the oldest is
// returned and nothing is created.
func TestCaseEnsureReturnsTheOldestOfDuplicates(t *testing.T) {
	srv, c := setup(t, thehive.V1)
	first := srv.AddCase(thehivetest.Case{Title: "first", Description: "d", Tags: []string{"cyderes:TSI-1"}})
	srv.AddCase(thehivetest.Case{Title: "second", Description: "d", Tags: []string{"cyderes:TSI-1"}})
	cs, made, err := c.Cases.Ensure(context.Background(), &thehive.CaseInput{Title: "t", Description: "d"}, "cyderes:TSI-1")
	if err != nil || made || cs.ID != first {
		t.Fatalf("Ensure = %+v, %v, %v; want the first case, not made", cs, made, err)
	}
	for _, key := range []string{"", " ", "a\nb"} {
		if _, _, err := c.Cases.Ensure(context.Background(), &thehive.CaseInput{Title: "t", Description: "d"}, key); err == nil {
			t.Errorf("key %q accepted", key)
		}
	}
	if n := len(srv.Cases()); n != 2 {
		t.Errorf("%d cases stored, want 2", n)
	}
}
