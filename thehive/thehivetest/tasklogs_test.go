package thehivetest_test

import (
	"context"
	"errors"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// TestTaskLogsBothDialects keeps a task's log in both dialects: list,
// read one, edit and delete entries, and delete the task where TheHive
// can.
func TestTaskLogsBothDialects(t *testing.T) {
	inBothDialects(t, func(t *testing.T, ctx context.Context, srv *thehivetest.Server, c *thehive.Client) {
		caseID := srv.AddCase(thehivetest.Case{Title: "Beacon", Description: "d"})
		task, err := c.Tasks.Create(ctx, caseID, &thehive.TaskInput{Title: "Contain"})
		if err != nil {
			t.Fatal(err)
		}
		other, err := c.Tasks.Create(ctx, caseID, &thehive.TaskInput{Title: "Report"})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, m := range []string{"isolated host", "blocked domain", "reset password"} {
			l, err := c.Tasks.AddLog(ctx, task.ID, &thehive.LogInput{Message: m})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, l.ID)
		}
		if _, err := c.Tasks.AddLog(ctx, other.ID, &thehive.LogInput{Message: "elsewhere"}); err != nil {
			t.Fatal(err)
		}
		if p, err := c.Tasks.ListLogs(ctx, task.ID, &thehive.ListOptions{PageSize: 2}); err != nil || p.Total != 3 || len(p.Items) != 2 {
			t.Fatalf("ListLogs: %v, %v; want 2 of 3", p, err)
		}
		if err := c.Tasks.UpdateLog(ctx, ids[1], &thehive.LogUpdate{Message: incidentkit.Ptr("blocked evil.test")}); err != nil {
			t.Fatal(err)
		}
		if l, err := c.Tasks.GetLog(ctx, ids[1]); err != nil || l.Message != "blocked evil.test" {
			t.Fatalf("GetLog: %+v, %v", l, err)
		}
		if err := c.Tasks.DeleteLog(ctx, ids[0]); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, err := range c.Tasks.AllLogs(ctx, task.ID, nil) {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		if n != 2 {
			t.Errorf("%d logs after a delete, want 2", n)
		}
		if _, err := c.Tasks.GetLog(ctx, ids[0]); !errors.Is(err, thehive.ErrNotFound) {
			t.Errorf("deleted log: %v, want ErrNotFound", err)
		}
		err = c.Tasks.Delete(ctx, other.ID)
		switch c.Dialect() {
		case thehive.V1:
			if err != nil || len(srv.Tasks(caseID)) != 1 {
				t.Errorf("Delete: %v, %d tasks left", err, len(srv.Tasks(caseID)))
			}
		default:
			if !errors.Is(err, thehive.ErrUnsupported) {
				t.Errorf("Delete on V0: %v, want ErrUnsupported", err)
			}
		}
	})
}
