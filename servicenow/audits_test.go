package servicenow

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/internal/testkit"
	"github.com/incidentkit/incidentkit/sla"
)

// TestAuditHistory checks the sys_audit query (keyed on documentkey,
// oldest first, no count), the order within a second (internal_checkpoint,
// which the reference names as chronological) and the history built from
// the rows: the record as created, with the audited changes undone, then
// one event per update.
func TestAuditHistory(t *testing.T) {
	c, m := newClient(t)
	const id = "46d44a5ddb0f0010d6ab1d8b0b9619f5"
	m.On("GET", "=~/api/now/table/incident/"+id, testkit.Answer{Body: `{"result":{"sys_id":"` + id + `","state":"6","priority":"1",
		"assigned_to":{"link":"x","value":"u2"},"sys_created_on":"2026-11-23 10:00:00","sys_updated_on":"2026-11-23 15:00:00"}}`})
	m.On("GET", "=~/api/now/table/sys_audit", testkit.Answer{Body: `{"result":[
		{"sys_id":"a1","tablename":"incident","documentkey":"` + id + `","fieldname":"state","oldvalue":"1","newvalue":"2","sys_created_on":"2026-11-23 11:00:00","record_checkpoint":"1","internal_checkpoint":"18a0000000001"},
		{"sys_id":"a3","tablename":"incident","documentkey":"` + id + `","fieldname":"assigned_to","oldvalue":"u1","newvalue":"u2","sys_created_on":"2026-11-23 12:00:00","record_checkpoint":"3","internal_checkpoint":"18a0000000005"},
		{"sys_id":"a2","tablename":"incident","documentkey":"` + id + `","fieldname":"state","oldvalue":"2","newvalue":"3","sys_created_on":"2026-11-23 12:00:00","record_checkpoint":"2","internal_checkpoint":"18a0000000003"},
		{"sys_id":"a4","tablename":"incident","documentkey":"` + id + `","fieldname":"state","oldvalue":"3","newvalue":"6","sys_created_on":"2026-11-23 15:00:00","record_checkpoint":"4","internal_checkpoint":"18a0000000007"},
		{"sys_id":"a5","tablename":"incident","documentkey":"` + id + `","fieldname":"close_code","oldvalue":"","newvalue":"Solution provided","sys_created_on":"2026-11-23 15:00:00","record_checkpoint":"4","internal_checkpoint":"18a0000000008"}]}`},
		testkit.Answer{Body: `{"result":[]}`})
	h, err := c.Audit.History(context.Background(), "incident", id)
	if err != nil {
		t.Fatal(err)
	}
	var audit testkit.Request
	for _, r := range m.Requests() {
		if r.Path == "/api/now/table/sys_audit" {
			audit = r
		}
	}
	if q := audit.Query.Get("sysparm_query"); q != "tablename=incident^documentkey="+id+"^ORDERBYsys_created_on^ORDERBYsys_id" || audit.Query.Get("sysparm_no_count") != "true" {
		t.Errorf("sys_audit query %v", audit.Query)
	}
	at := func(h int) time.Time { return time.Date(2026, 11, 23, h, 0, 0, 0, time.UTC) }
	want := sla.History{
		{At: at(10), ID: id, Fields: map[string]string{"sys_id": id, "state": "1", "priority": "1", "assigned_to": "u1", "close_code": "",
			"sys_created_on": "2026-11-23 10:00:00", "sys_updated_on": "2026-11-23 15:00:00"}},
		{At: at(11), ID: "a1", Fields: map[string]string{"state": "2"}},
		{At: at(12), ID: "a2", Fields: map[string]string{"state": "3"}},
		{At: at(12), ID: "a3", Fields: map[string]string{"assigned_to": "u2"}},
		{At: at(15), ID: "a4", Fields: map[string]string{"state": "6", "close_code": "Solution provided"}},
	}
	if !reflect.DeepEqual(h, want) {
		t.Errorf("history\n%+v\nwant\n%+v", h, want)
	}
	if _, err := c.Audit.History(context.Background(), "incident", " "); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("an empty sys_id: %v", err)
	}
}
