package thehive

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/internal/testkit"
	"github.com/incidentkit/incidentkit/sla"
)

// TestCaseHistoryFromAudits checks the query History sends and the
// events it makes of TheHive 4's audit output (fields under "base",
// operation for action, createdAt: dto/v1/Audit.scala; actions "create"
// and "update": models/Audit.scala) and of TheHive 5's (OutputAudit), with
// and without a create audit, keeping only the case's own audits.
func TestCaseHistoryFromAudits(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2026, 11, 23, h, 0, 0, 0, time.UTC) }
	tests := []struct {
		name   string
		audits string
		kase   string
		want   sla.History
	}{
		{name: "TheHive 4", audits: `[
			{"base":{"_id":"a1","createdAt":1795428000000,"operation":"create","objectId":"~1","objectType":"Case","details":{"title":"x","status":"New","severity":2}},"summary":{}},
			{"base":{"_id":"a2","createdAt":1795431600000,"operation":"update","objectId":"~7","objectType":"Task","details":{"status":"InProgress"}},"summary":{}},
			{"base":{"_id":"a3","createdAt":1795435200000,"operation":"update","objectId":"~1","objectType":"Case","details":{"status":"Resolved","summary":null}},"summary":{}}]`,
			want: sla.History{
				{At: at(10), ID: "a1", Fields: map[string]string{"title": "x", "status": "New", "severity": "2"}},
				{At: at(12), ID: "a3", Fields: map[string]string{"status": "Resolved", "summary": ""}},
			}},
		{name: "TheHive 5 without a create audit", audits: `[
			{"_id":"a3","_createdAt":1795435200000,"action":"update","objectId":"~1","objectType":"Case","details":{"status":"Resolved"},"mainAction":true,"requestId":"r","rootId":"~1","_createdBy":"a","_type":"Audit"}]`,
			kase: `{"_id":"~1","_type":"Case","_createdAt":1795428000000,"title":"x","status":"Resolved","severity":3,"number":1}`,
			want: sla.History{
				{At: at(10), ID: "~1", Fields: map[string]string{"title": "x", "severity": "3", "number": "1"}},
				{At: at(12), ID: "a3", Fields: map[string]string{"status": "Resolved"}},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newMock(t, V1)
			m.On("POST", "=~/api/v1/query", testkit.Answer{Body: tt.audits})
			if tt.kase != "" {
				m.On("GET", "=~/api/v1/case/~1", testkit.Answer{Body: tt.kase})
			}
			h, err := c.Cases.History(context.Background(), "~1")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(h, tt.want) {
				t.Errorf("history\n%+v\nwant\n%+v", h, tt.want)
			}
			body := m.Requests()[0].Body
			for _, want := range []string{`{"_name":"getCase","idOrName":"~1"}`, `{"_name":"audits"}`, `"_createdAt":"asc"`, `"from":0`, `"to":1000`} {
				if !strings.Contains(body, want) {
					t.Errorf("query %s lacks %s", body, want)
				}
			}
		})
	}
}
