package thehivetest_test

import (
	"context"
	"testing"

	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// TestLinksAndAlertObservablesBothDialects lists the cases sharing
// observables with a case, and an alert's observables, in both dialects.
func TestLinksAndAlertObservablesBothDialects(t *testing.T) {
	inBothDialects(t, func(t *testing.T, ctx context.Context, srv *thehivetest.Server, c *thehive.Client) {
		a := srv.AddCase(thehivetest.Case{Title: "A", Description: "d"})
		b := srv.AddCase(thehivetest.Case{Title: "B", Description: "d"})
		srv.AddCase(thehivetest.Case{Title: "C", Description: "d"})
		srv.AddObservable(a, thehivetest.Observable{DataType: "ip", Data: "10.0.0.7"})
		srv.AddObservable(b, thehivetest.Observable{DataType: "ip", Data: "10.0.0.7"})
		srv.AddObservable(b, thehivetest.Observable{DataType: "ip", Data: "10.0.0.8"})
		links, err := c.Cases.Links(ctx, a)
		if err != nil || links.Total != 1 || links.Items[0].ID != b || links.Items[0].LinksCount != 1 ||
			len(links.Items[0].LinkedWith) != 1 || links.Items[0].LinkedWith[0].Data != "10.0.0.7" {
			t.Fatalf("links: %+v, %v", links, err)
		}
		alertID := srv.AddAlert(thehivetest.Alert{Type: "edr", Source: "s", SourceRef: "1", Title: "t", Description: "d",
			Observables: []thehivetest.Observable{{DataType: "domain", Data: "evil.test"}, {DataType: "ip", Data: "10.0.0.7"}}})
		n := 0
		for o, err := range c.Alerts.AllObservables(ctx, alertID, nil) {
			if err != nil || o.Data == "" {
				t.Fatalf("alert observable %+v, %v", o, err)
			}
			n++
		}
		if n != 2 {
			t.Errorf("%d alert observables, want 2", n)
		}
	})
}
