package thehivetest_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// TestAlertTriageBothDialects runs an alert through its triage in both
// dialects: found by its natural key, updated, followed, ignored, marked
// unread, deleted.
func TestAlertTriageBothDialects(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		dialect     thehive.Dialect
		wantIgnored thehive.AlertStatus
		wantUnread  thehive.AlertStatus
	}{
		{dialect: thehive.V1, wantIgnored: thehive.AlertIgnored},
		{dialect: thehive.V0, wantIgnored: thehive.AlertIgnored, wantUnread: thehive.AlertNew},
	} {
		t.Run(tt.dialect.String(), func(t *testing.T) {
			srv, c := setup(t, tt.dialect)
			created, err := c.Alerts.Create(ctx, &thehive.AlertInput{Type: "edr", Source: "mdr", SourceRef: "R-1", Title: "Beacon",
				Description: "beaconing host", Observables: []thehive.ObservableInput{{DataType: "ip", Data: []string{"10.0.0.9"}, Message: "c2"}}})
			if err != nil {
				t.Fatal(err)
			}
			found, err := c.Alerts.FindByKey(ctx, "edr", "mdr", "R-1")
			if err != nil || found.ID != created.ID || found.Status != thehive.AlertNew {
				t.Fatalf("FindByKey = %+v, %v; want %s, New", found, err, created.ID)
			}
			if _, err := c.Alerts.FindByKey(ctx, "edr", "mdr", "R-2"); !errors.Is(err, thehive.ErrNotFound) {
				t.Errorf("missing key: %v, want ErrNotFound", err)
			}
			if err := c.Alerts.Update(ctx, created.ID, &thehive.AlertUpdate{Severity: incidentkit.Ptr(thehive.SeverityCritical),
				Tags: []string{"triage"}}); err != nil {
				t.Fatal(err)
			}
			if err := c.Alerts.Unfollow(ctx, created.ID); err != nil {
				t.Fatal(err)
			}
			if err := c.Alerts.Ignore(ctx, created.ID); err != nil {
				t.Fatal(err)
			}
			got, err := c.Alerts.Get(ctx, created.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Severity != thehive.SeverityCritical || !slices.Equal(got.Tags, []string{"triage"}) || got.Follow || got.Status != tt.wantIgnored {
				t.Errorf("after triage: severity %v, tags %v, follow %v, status %q", got.Severity, got.Tags, got.Follow, got.Status)
			}
			if tt.wantUnread != "" {
				if err := c.Alerts.MarkUnread(ctx, created.ID); err != nil {
					t.Fatal(err)
				}
				if got, _ := c.Alerts.Get(ctx, created.ID); got.Status != tt.wantUnread {
					t.Errorf("after MarkUnread: status %q, want %q", got.Status, tt.wantUnread)
				}
			}
			if err := c.Alerts.Delete(ctx, created.ID); err != nil {
				t.Fatal(err)
			}
			if n := len(srv.Alerts()); n != 0 {
				t.Errorf("%d alerts left after Delete", n)
			}
		})
	}
}

// TestAlertMergeBothDialects merges two alerts into a case, one by one
// and in bulk: observables the case has already are not repeated, tags
// join, descriptions are appended, the alerts are linked and Imported, and
// a second merge is refused.
func TestAlertMergeBothDialects(t *testing.T) {
	inBothDialects(t, func(t *testing.T, ctx context.Context, srv *thehivetest.Server, c *thehive.Client) {
		caseID := srv.AddCase(thehivetest.Case{Title: "Phishing wave", Description: "reported", Tags: []string{"phishing"}})
		srv.AddObservable(caseID, thehivetest.Observable{DataType: "domain", Data: "evil.test"})
		a1 := srv.AddAlert(thehivetest.Alert{Type: "mail", Source: "gw", SourceRef: "M-1", Title: "Lure 1", Description: "first",
			Tags: []string{"mail"}, Observables: []thehivetest.Observable{{DataType: "domain", Data: "evil.test"}, {DataType: "ip", Data: "10.1.1.1"}}})
		a2 := srv.AddAlert(thehivetest.Alert{Type: "mail", Source: "gw", SourceRef: "M-2", Title: "Lure 2", Description: "second",
			Observables: []thehivetest.Observable{{DataType: "ip", Data: "10.1.1.1"}, {DataType: "mail", Data: "x@evil.test"}}})
		a3 := srv.AddAlert(thehivetest.Alert{Type: "mail", Source: "gw", SourceRef: "M-3", Title: "Lure 3", Description: "third"})

		merged, err := c.Alerts.Merge(ctx, a1, caseID)
		if err != nil {
			t.Fatal(err)
		}
		if merged.ID != caseID || !slices.Contains(merged.Tags, "mail") || !strings.Contains(merged.Description, "Merged with alert #M-1 Lure 1") {
			t.Errorf("merged case: id %s, tags %v, description %q", merged.ID, merged.Tags, merged.Description)
		}
		if _, err := c.Alerts.MergeMany(ctx, caseID, []string{a2, a3}); err != nil {
			t.Fatal(err)
		}
		var values []string
		for o, err := range c.Observables.All(ctx, caseID, nil) {
			if err != nil {
				t.Fatal(err)
			}
			values = append(values, o.Data)
		}
		slices.Sort(values)
		if want := []string{"10.1.1.1", "evil.test", "x@evil.test"}; !slices.Equal(values, want) {
			t.Errorf("case observables %v, want %v (each once)", values, want)
		}
		for _, id := range []string{a1, a2, a3} {
			a, err := c.Alerts.Get(ctx, id)
			if err != nil || a.CaseID != caseID || a.Status != thehive.AlertImported {
				t.Errorf("alert %s: case %q, status %q, %v", id, a.CaseID, a.Status, err)
			}
		}
		if _, err := c.Alerts.Merge(ctx, a1, caseID); !errors.Is(err, thehive.ErrAlreadyExists) {
			t.Errorf("second merge: %v, want ErrAlreadyExists", err)
		}
		if _, err := c.Alerts.Merge(ctx, a1, "~999999"); !errors.Is(err, thehive.ErrNotFound) {
			t.Errorf("merge into a missing case: %v, want ErrNotFound", err)
		}
	})
}

// TestAlertBulkBothDialects updates and deletes alerts in bulk; a bulk
// call naming a missing alert changes nothing in TheHive 5, and in
// TheHive 3/4 (one request per alert) reports that alert alone.
func TestAlertBulkBothDialects(t *testing.T) {
	inBothDialects(t, func(t *testing.T, ctx context.Context, srv *thehivetest.Server, c *thehive.Client) {
		ids := []string{
			srv.AddAlert(thehivetest.Alert{Type: "edr", Source: "s", SourceRef: "1", Title: "a", Description: "d"}),
			srv.AddAlert(thehivetest.Alert{Type: "edr", Source: "s", SourceRef: "2", Title: "b", Description: "d"}),
		}
		if err := c.Alerts.UpdateMany(ctx, ids, &thehive.AlertUpdate{Tags: []string{"bulk"}}); err != nil {
			t.Fatal(err)
		}
		for a, err := range c.Alerts.All(ctx, nil) {
			if err != nil || !slices.Equal(a.Tags, []string{"bulk"}) {
				t.Errorf("alert %s: tags %v, %v", a.ID, a.Tags, err)
			}
		}
		err := c.Alerts.UpdateMany(ctx, []string{ids[0], "~404"}, &thehive.AlertUpdate{Tags: []string{"again"}})
		if !errors.Is(err, thehive.ErrNotFound) {
			t.Errorf("update with a missing id: %v, want ErrNotFound", err)
		}
		var be *thehive.BulkError
		if isBulk := errors.As(err, &be); isBulk != (c.Dialect() == thehive.V0) {
			t.Errorf("*BulkError = %v in dialect %v", isBulk, c.Dialect())
		}
		if err := c.Alerts.DeleteMany(ctx, ids); err != nil {
			t.Fatal(err)
		}
		if n := len(srv.Alerts()); n != 0 {
			t.Errorf("%d alerts left after DeleteMany", n)
		}
	})
}
