package thehivetest_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/incidentkit/incidentkit/incidentkittest"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// TestAlertEnsureSurvivesLostAnswers creates alerts through Ensure while
// the fake loses the creates' answers in every way: acted on and answered
// 502, acted on and cut short, dropped before acting. Each key ends with
// exactly one alert, and no call fails.
func TestAlertEnsureSurvivesLostAnswers(t *testing.T) {
	inBothDialects(t, func(t *testing.T, ctx context.Context, srv *thehivetest.Server, c *thehive.Client) {
		d := c.Dialect()
		creates := thehivetest.Path(http.MethodPost, map[thehive.Dialect]string{thehive.V1: "/api/v1/alert", thehive.V0: "/api/alert"}[d])
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
