package servicenow

import (
	"context"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/internal/testkit"
	"github.com/incidentkit/incidentkit/sla"
)

// taskSLAJSON is a task_sla record in stored values: durations as
// date-times from 1970-01-01 00:00:00 UTC, percentages as decimal text.
const taskSLAJSON = `{"sys_id":"ts1","task":{"link":"x","value":"inc1"},"sla":{"link":"y","value":"def1"},
	"schedule":{"link":"z","value":"sch1"},"timezone":"Europe/Paris","stage":"in_progress","active":"true","has_breached":"false",
	"start_time":"2026-11-23 08:00:00","end_time":"","pause_time":"","planned_end_time":"2026-11-23 12:00:00",
	"original_breach_time":"2026-11-23 12:00:00","duration":"1970-01-01 02:00:00","percentage":"50.00",
	"time_left":"1970-01-01 02:00:00","business_duration":"1970-01-01 01:30:00","business_percentage":"37.50",
	"business_time_left":"1970-01-01 02:30:00","pause_duration":"","business_pause_duration":"1970-01-03 00:00:00"}`

// TestTaskSLAs reads an incident's task_sla records (the Table API on
// task_sla, as the SLA documentation queries it) with every timing field.
func TestTaskSLAs(t *testing.T) {
	c, m := newClient(t)
	answerAll(m, testkit.Answer{Body: `{"result":[` + taskSLAJSON + `]}`})
	p, err := c.TaskSLAs.ListForTask(context.Background(), "inc1", nil)
	if err != nil || len(p.Items) != 1 {
		t.Fatalf("ListForTask: %v, %v", p, err)
	}
	r := m.Last(t)
	if r.Path != "/api/now/table/task_sla" || r.Query.Get("sysparm_query") != "task=inc1^ORDERBYsys_id" {
		t.Errorf("request %s?%s", r.Path, r.RawQuery)
	}
	s := p.Items[0]
	if s.Task.Value != "inc1" || s.SLA.Value != "def1" || s.Stage != SLAInProgress || !s.Active || s.HasBreached ||
		s.Duration != 2*time.Hour || s.Percentage != 50 || s.BusinessDuration != 90*time.Minute || s.BusinessPercentage != 37.5 ||
		s.BusinessPauseDuration != 48*time.Hour || s.PauseDuration != 0 || !s.EndTime.IsZero() ||
		!s.PlannedEndTime.Equal(time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("decoded %+v", s)
	}
}

// TestCompareSLA compares the instance's record with a local clock of the
// same SLA: same start, a 4-hour 24×7 target.
func TestCompareSLA(t *testing.T) {
	c, m := newClient(t)
	answerAll(m, testkit.Answer{Body: `{"result":[` + taskSLAJSON + `]}`})
	p, err := c.TaskSLAs.ListForTask(context.Background(), "inc1", nil)
	if err != nil {
		t.Fatal(err)
	}
	rec := p.Items[0]
	rec.Schedule.Value = "" // compare the 24×7 timings
	start := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	clock, err := sla.NewClock(sla.AlwaysOpen{}, 4*time.Hour, start)
	if err != nil {
		t.Fatal(err)
	}
	d, err := CompareSLA(rec, clock, start.Add(2*time.Hour))
	if err != nil || d.Due != 0 || d.Elapsed != 0 || !d.BreachAgrees {
		t.Errorf("in agreement: %+v, %v", d, err)
	}
	late, err := sla.NewClock(sla.AlwaysOpen{}, 5*time.Hour, start)
	if err != nil {
		t.Fatal(err)
	}
	d, err = CompareSLA(rec, late, start.Add(6*time.Hour))
	if err != nil || d.Due != time.Hour || d.Elapsed != 4*time.Hour || d.BreachAgrees {
		t.Errorf("drifted: %+v, %v", d, err)
	}
}
