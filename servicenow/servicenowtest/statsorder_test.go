package servicenowtest_test

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
)

// TestStatsOrder orders aggregate groups as sysparm_order_by says: by a
// group-by field, by COUNT, by an aggregate of a field, either way.
func TestStatsOrder(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t)
	var recs []servicenowtest.Record
	for _, v := range []struct{ impact, urgency, reassign string }{
		{"1", "1", "4"}, {"2", "2", "1"}, {"2", "2", "1"}, {"3", "3", "2"}, {"3", "3", "2"}, {"3", "3", "3"},
	} {
		recs = append(recs, servicenowtest.Record{"short_description": "x", "impact": v.impact, "urgency": v.urgency, "reassignment_count": v.reassign})
	}
	srv.Seed("incident", recs...)
	tests := []struct {
		order []string
		want  string
	}{
		{order: nil, want: "1,3,5"},
		{order: []string{"priority^DESC"}, want: "5,3,1"},
		{order: []string{"COUNT^DESC"}, want: "5,3,1"},
		{order: []string{"COUNT"}, want: "1,3,5"},
		{order: []string{"AVG^reassignment_count^DESC"}, want: "1,5,3"},
	}
	for _, tt := range tests {
		groups, err := c.Stats.Get(ctx, "incident", &servicenow.StatsOptions{Count: true, GroupBy: []string{"priority"},
			AvgFields: []string{"reassignment_count"}, OrderBy: tt.order})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, g := range groups {
			got = append(got, g.Fields[0].Value)
		}
		if strings.Join(got, ",") != tt.want {
			t.Errorf("order %v: priorities %v, want %s", tt.order, got, tt.want)
		}
	}
}
