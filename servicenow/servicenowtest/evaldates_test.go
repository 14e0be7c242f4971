package servicenowtest_test

import (
	"context"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
)

// TestDateAndJoinConditions runs the builder's date-field comparisons,
// weekday parts, relative "on" and JOIN through the fake's evaluator.
func TestDateAndJoinConditions(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC) // a Wednesday
	srv, c := setup(t, servicenowtest.WithClock(func() time.Time { return now }))
	problems := srv.Seed("problem", servicenowtest.Record{"active": "true"}, servicenowtest.Record{"active": "false"})
	at := func(d time.Duration) string { return now.Add(d).Format("2006-01-02 15:04:05") }
	srv.Seed("incident",
		// due three days before the activity, opened on Wednesday, linked to the active problem
		servicenowtest.Record{"short_description": "a", "sla_due": at(-72 * time.Hour), "activity_due": at(0), "opened_at": at(0), "problem_id": problems[0]},
		// due half a day before, opened yesterday (Tuesday)
		servicenowtest.Record{"short_description": "b", "sla_due": at(-12 * time.Hour), "activity_due": at(0), "opened_at": at(-24 * time.Hour), "problem_id": problems[1]},
		// due two days after, opened on Sunday
		servicenowtest.Record{"short_description": "c", "sla_due": at(48 * time.Hour), "activity_due": at(0), "opened_at": at(-72 * time.Hour)},
	)
	tests := []struct {
		name string
		q    encodedquery.Query
		want string
	}{
		{name: "more than a day before", q: F("sla_due").MoreThan("activity_due", 1, true), want: "a"},
		{name: "less than a day before", q: F("sla_due").LessThan("activity_due", 1, true), want: "b"},
		{name: "more than a day after", q: F("sla_due").MoreThan("activity_due", 1, false), want: "c"},
		{name: "on a wednesday", q: F("opened_at").OnWeekday(time.Wednesday, encodedquery.On), want: "a"},
		{name: "before tuesday", q: F("opened_at").OnWeekday(time.Tuesday, encodedquery.Before), want: "c"},
		{name: "on or after tuesday", q: F("opened_at").OnWeekday(time.Tuesday, encodedquery.OnOrAfter), want: "ab"},
		{name: "yesterday", q: F("opened_at").RelativeOn(1, encodedquery.Day), want: "b"},
		{name: "calendar day", q: F("opened_at").OnDay(now.Add(-72 * time.Hour)), want: "c"},
		{name: "calendar date", q: F("opened_at").OnDate(now.Add(-24 * time.Hour)), want: "b"},
		{name: "join", q: encodedquery.Join("incident", "problem_id", "problem", "sys_id", F("active").Eq(true)), want: "a"},
		{name: "join any", q: encodedquery.Join("incident", "problem_id", "problem", "sys_id", encodedquery.Query{}), want: "ab"},
	}
	for _, tt := range tests {
		got := ""
		for in, err := range c.Incidents.All(ctx, &servicenow.ListOptions{Query: tt.q.OrderBy("short_description")}) {
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			got += in.ShortDescription
		}
		if got != tt.want {
			t.Errorf("%s: matched %q, want %q", tt.name, got, tt.want)
		}
	}
}
