package servicenow

import (
	"context"
	"errors"
	"net/url"
	"testing"

	"github.com/incidentkit/incidentkit/internal/testkit"

	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

func TestStatsGrouped(t *testing.T) {
	c, m := newClient(t)
	answerAll(m, testkit.Answer{Body: `{"result":[
{"stats":{"count":"12","avg":{"reassignment_count":"1.5000"},"max":{"opened_at":"2026-11-23 08:00:00"}},"groupby_fields":[{"field":"priority","value":"1","display_value":"1 - Critical"}]},
{"stats":{"count":"30","avg":{"reassignment_count":""},"max":{"opened_at":"2026-11-22 10:00:00"}},"groupby_fields":[{"field":"priority","value":"3","display_value":"3 - Moderate"}]}]}`})
	groups, err := c.Stats.Get(context.Background(), "incident", &StatsOptions{
		Query:   encodedquery.Field("active").Eq(true),
		Count:   true,
		GroupBy: []string{"priority"}, AvgFields: []string{"reassignment_count"}, MaxFields: []string{"opened_at"},
		Having:  &Having{Aggregate: "count", Field: "*", Operator: ">", Value: "5"},
		OrderBy: []string{"COUNT^DESC"}, DisplayValue: DisplayValueAll,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := url.Values{"sysparm_query": {"active=true"}, "sysparm_count": {"true"}, "sysparm_group_by": {"priority"},
		"sysparm_avg_fields": {"reassignment_count"}, "sysparm_max_fields": {"opened_at"}, "sysparm_having": {"count^*^>^5"},
		"sysparm_order_by": {"COUNT^DESC"}, "sysparm_display_value": {"all"}}
	g := m.Last(t)
	if g.Path != "/api/now/stats/incident" || g.Query.Encode() != want.Encode() {
		t.Fatalf("sent %s ?%s, want ?%s", g.Path, g.Query.Encode(), want.Encode())
	}
	p1, _ := groups[0].Value("priority")
	if len(groups) != 2 || groups[0].Count != 12 || groups[0].Avg["reassignment_count"] != 1.5 || p1.DisplayValue != "1 - Critical" ||
		groups[1].Count != 30 || groups[1].Max["opened_at"] != "2026-11-22 10:00:00" {
		t.Fatalf("groups %+v", groups)
	}
}

func TestStatsSingleAndBad(t *testing.T) {
	ctx := context.Background()
	c, m := newClient(t)
	answerAll(m, testkit.Answer{Body: `{"result":{"stats":{"count":"42","sum":{"business_duration":"3600"}}}}`})
	groups, err := c.Stats.Get(ctx, "incident", &StatsOptions{Count: true, SumFields: []string{"business_duration"}})
	if err != nil || len(groups) != 1 || groups[0].Count != 42 || groups[0].Sum["business_duration"] != 3600 {
		t.Fatalf("%+v, %v", groups, err)
	}
	answerAll(m, testkit.Answer{Body: `{"result":{"stats":{"count":"many"}}}`})
	if _, err := c.Stats.Get(ctx, "incident", &StatsOptions{Count: true}); err == nil {
		t.Fatal("a non-numeric count was accepted")
	}
	n := len(m.Requests())
	tests := []struct {
		name string
		opts *StatsOptions
	}{
		{name: "nothing asked", opts: &StatsOptions{GroupBy: []string{"state"}}},
		{name: "bad group", opts: &StatsOptions{Count: true, GroupBy: []string{"state,priority"}}},
		{name: "bad having", opts: &StatsOptions{Count: true, Having: &Having{Aggregate: "median", Field: "*", Operator: ">", Value: "1"}}},
		{name: "bad value", opts: &StatsOptions{Count: true, Having: &Having{Aggregate: "count", Field: "*", Operator: ">", Value: "x"}}},
		{name: "bad query", opts: &StatsOptions{Count: true, Query: encodedquery.Field("Bad").Eq(1)}},
		{name: "nil", opts: nil},
	}
	for _, tt := range tests {
		if _, err := c.Stats.Get(ctx, "incident", tt.opts); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
	if _, err := c.Stats.Get(ctx, "", &StatsOptions{Count: true}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("empty table: %v", err)
	}
	if len(m.Requests()) != n {
		t.Fatal("bad input was sent")
	}
}
