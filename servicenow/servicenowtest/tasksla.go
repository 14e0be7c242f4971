package servicenowtest

import (
	"fmt"
	"time"
)

// SLADefinition is an SLA the fake attaches to every new incident, given
// with WithSLADefinitions: a contract_sla record whose task_sla records
// follow the incident's state.
type SLADefinition struct {
	// Name names the definition; Target is its duration, counted 24×7.
	Name   string
	Target time.Duration
}

// WithSLADefinitions makes the fake attach a task_sla record per
// definition to every incident it creates, and advance it as ServiceNow's
// engine does when the incident changes state: paused while On Hold (its
// planned end pushed back by the pause), completed when Resolved or
// Closed, cancelled when Canceled, breached once its duration reaches the
// target. Timings are written when the incident changes, as the
// instance's scheduled job would refresh them.
func WithSLADefinitions(defs ...SLADefinition) Option {
	return func(s *Server) {
		for _, d := range defs {
			s.insert("contract_sla", Record{"name": d.Name, "collection": "incident", "type": "SLA",
				"duration": glide(d.Target), "active": "true"}, "system")
		}
	}
}

// glide writes a duration as ServiceNow stores one: a date-time from
// 1970-01-01 00:00:00 UTC.
func glide(d time.Duration) string {
	return time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).Add(d).Format(timeLayout)
}

// unglide reads a duration written by glide; "" is 0.
func unglide(s string) time.Duration {
	t, err := time.ParseInLocation(timeLayout, s, time.UTC)
	if err != nil {
		return 0
	}
	return t.Sub(time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC))
}

// parseStored reads a stored date-time; "" is the zero time.
func parseStored(s string) time.Time {
	t, _ := time.ParseInLocation(timeLayout, s, time.UTC)
	return t
}

// attachSLAs attaches the definitions' task_sla records to a new
// incident. Callers hold s.mu.
func (s *Server) attachSLAs(inc Record) {
	defs := s.tables["contract_sla"]
	if defs == nil {
		return
	}
	start := parseStored(inc["opened_at"])
	for _, d := range defs.rows {
		due := start.Add(unglide(d["duration"])).Format(timeLayout)
		s.insert("task_sla", Record{"task": inc["sys_id"], "sla": d["sys_id"], "stage": "in_progress", "active": "true",
			"has_breached": "false", "start_time": inc["opened_at"], "planned_end_time": due, "original_breach_time": due,
			"pause_duration": glide(0), "duration": glide(0), "percentage": "0.00", "time_left": d["duration"],
			"end_time": "", "pause_time": ""}, "system")
	}
}

// advanceSLAs moves the active task_sla records of an incident after its
// state changed. Callers hold s.mu.
func (s *Server) advanceSLAs(inc Record) {
	t := s.tables["task_sla"]
	if t == nil {
		return
	}
	now := s.clock().UTC().Truncate(time.Second)
	for _, rec := range t.rows {
		if rec["task"] != inc["sys_id"] || rec["active"] != "true" {
			continue
		}
		_, def := s.table("contract_sla").find(rec["sla"])
		target := unglide(def["duration"])
		paused := rec["stage"] == "paused"
		switch state := inc["state"]; {
		case state == "3" && !paused:
			rec["stage"], rec["pause_time"] = "paused", now.Format(timeLayout)
		case state != "3" && paused:
			pause := now.Sub(parseStored(rec["pause_time"]))
			rec["pause_duration"] = glide(unglide(rec["pause_duration"]) + pause)
			rec["planned_end_time"] = parseStored(rec["planned_end_time"]).Add(pause).Format(timeLayout)
			rec["stage"], rec["pause_time"] = "in_progress", ""
		}
		elapsed := now.Sub(parseStored(rec["start_time"])) - unglide(rec["pause_duration"])
		if rec["stage"] == "paused" {
			elapsed -= now.Sub(parseStored(rec["pause_time"]))
		}
		rec["duration"] = glide(elapsed)
		rec["time_left"] = glide(max(target-elapsed, 0))
		if target > 0 {
			rec["percentage"] = fmt.Sprintf("%.2f", float64(elapsed)/float64(target)*100)
		}
		if elapsed >= target {
			rec["has_breached"] = "true"
		}
		switch inc["state"] {
		case "6", "7":
			rec["stage"], rec["active"], rec["end_time"] = "completed", "false", now.Format(timeLayout)
		case "8":
			rec["stage"], rec["active"], rec["end_time"] = "cancelled", "false", now.Format(timeLayout)
		}
	}
}
