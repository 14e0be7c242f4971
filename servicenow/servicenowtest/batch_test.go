package servicenowtest_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
)

// TestBulkThroughTheBatchAPI creates, updates and deletes incidents in
// bulk against the fake: one request per batch, every record's outcome in
// order, a failed item reported alone.
func TestBulkThroughTheBatchAPI(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t)
	ins := make([]any, 25)
	for i := range ins {
		ins[i] = &servicenow.IncidentInput{ShortDescription: incidentkit.Ptr(fmt.Sprintf("Alert %d", i))}
	}
	tbl := servicenow.NewTable[servicenow.Incident](c, "incident")
	created, err := tbl.CreateMany(ctx, ins, &servicenow.BatchOptions{Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	if n := srv.CountRequests("POST", "/api/now/v1/batch"); n != 3 {
		t.Errorf("%d batch requests for 25 creates in tens, want 3", n)
	}
	if n := len(srv.Records("incident")); n != 25 {
		t.Fatalf("%d incidents stored, want 25", n)
	}
	for i, o := range created {
		if o.Err != nil || o.Record == nil || o.SysID == "" || o.Record.ShortDescription != fmt.Sprintf("Alert %d", i) {
			t.Fatalf("outcome %d: %+v", i, o)
		}
	}
	changes := []servicenow.RecordUpdate{
		{SysID: created[0].SysID, Fields: map[string]string{"urgency": "1"}},
		{SysID: "0000000000000000000000000000dead", Fields: map[string]string{"urgency": "1"}},
		{SysID: created[1].SysID, Fields: map[string]string{"urgency": "1"}},
	}
	updated, err := tbl.UpdateMany(ctx, changes, nil)
	if err != nil {
		t.Fatal(err)
	}
	if updated[0].Err != nil || updated[0].Record.Urgency != servicenow.UrgencyHigh || updated[2].Err != nil ||
		!errors.Is(updated[1].Err, servicenow.ErrNotFound) {
		t.Errorf("updates: %+v", updated)
	}
	ids := make([]string, 0, len(created))
	for _, o := range created {
		ids = append(ids, o.SysID)
	}
	deleted, err := tbl.DeleteMany(ctx, ids, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range deleted {
		if o.Err != nil {
			t.Fatalf("delete %s: %v", o.SysID, o.Err)
		}
	}
	if n := len(srv.Records("incident")); n != 0 {
		t.Errorf("%d incidents left", n)
	}
}

// TestBatchUnservicedItems runs the fake with a limit of three items per
// batch: the client sends the rest again twice, and what is still left is
// reported as not serviced, with nothing done.
func TestBatchUnservicedItems(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t, servicenowtest.WithBatchLimit(3))
	ins := make([]any, 10)
	for i := range ins {
		ins[i] = map[string]string{"short_description": fmt.Sprint("A", i)}
	}
	out, err := c.Records("incident").CreateMany(ctx, ins, nil)
	if err != nil {
		t.Fatal(err)
	}
	done := 0
	for _, o := range out {
		switch {
		case o.Err == nil:
			done++
		case !errors.Is(o.Err, servicenow.ErrNotServiced):
			t.Errorf("unexpected error %v", o.Err)
		}
	}
	if done != 9 || len(srv.Records("incident")) != 9 || srv.CountRequests("POST", "/api/now/v1/batch") != 3 {
		t.Errorf("%d done, %d stored, %d batches; want 9, 9 and 3", done, len(srv.Records("incident")), srv.CountRequests("POST", "/api/now/v1/batch"))
	}
}
