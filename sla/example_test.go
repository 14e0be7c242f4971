package sla_test

import (
	"fmt"
	"time"

	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
	"github.com/incidentkit/incidentkit/sla"
	"github.com/rickar/cal/v2/us"
)

func ExampleMatrix_Priority() {
	p, err := sla.DefaultMatrix().Priority(2, 1)
	fmt.Println(p, err)
	// Output: P2 <nil>
}

func ExampleParsePriority() {
	for _, s := range []string{"P1", "2 - High", " moderate ", "low"} {
		p, _ := sla.ParsePriority(s)
		fmt.Println(p)
	}
	// Output:
	// P1
	// P2
	// P3
	// P4
}

func ExampleBusinessCalendar_Add() {
	loc, _ := time.LoadLocation("America/New_York")
	c, _ := sla.NewBusinessCalendar(loc, sla.OfficeWeek(9*time.Hour, 17*time.Hour),
		sla.WithHolidays(us.ThanksgivingDay))
	// Wednesday before Thanksgiving, 16:00: two business hours run into Friday.
	due, _ := c.Add(time.Date(2026, 11, 25, 16, 0, 0, 0, loc), 2*time.Hour)
	fmt.Println(due.Format(time.RFC1123))
	// Output: Fri, 27 Nov 2026 10:00:00 EST
}

func ExampleClock_Status() {
	target, _ := sla.DefaultPolicy().Target(sla.P1)
	start := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	c, _ := sla.NewClock(target.Calendar, target.Response, start)
	_ = c.Stop(start.Add(20 * time.Minute))
	s, _ := c.Status(start.Add(time.Hour))
	fmt.Printf("%v %.1f%% due %s\n", s.Stage, s.Percent, s.Due.Format("15:04"))
	// Output: breached 133.3% due 10:15
}

// ExampleReplay replays a P1 resolution SLA over an incident's history:
// it went on hold for two hours and was resolved after five.
func ExampleReplay() {
	t0 := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	history := sla.History{
		{At: t0, Fields: map[string]string{"priority": "1", "state": "1"}},
		{At: t0.Add(time.Hour), Fields: map[string]string{"state": "3"}},
		{At: t0.Add(3 * time.Hour), Fields: map[string]string{"state": "2"}},
		{At: t0.Add(5 * time.Hour), Fields: map[string]string{"state": "6"}},
	}
	field := func(name string) encodedquery.Field { return encodedquery.Field(name) }
	def := sla.Definition{Name: "P1 resolution", Target: 4 * time.Hour,
		Start: field("priority").Eq(1), Stop: field("state").In(6, 7), Pause: field("state").Eq(3),
		Thresholds: []float64{50, 100}}
	instances, err := sla.Replay([]sla.Definition{def}, history, time.Time{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, in := range instances {
		fmt.Println(in.Definition, in.Stage.TaskSLA(), "paused", in.PauseDuration, "elapsed", in.BusinessElapsed,
			"due", in.PlannedEnd.Format("15:04"), "was", in.OriginalBreachTime.Format("15:04"))
		for _, c := range in.Crossings {
			fmt.Println(c.Percent, "% at", c.At.Format("15:04"))
		}
	}
	// Output:
	// P1 resolution achieved paused 2h0m0s elapsed 3h0m0s due 16:00 was 14:00
	// 50 % at 14:00
}
