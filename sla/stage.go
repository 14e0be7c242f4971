package sla

import "strconv"

// Stage is the state of an SLA clock at an instant.
type Stage int

// Stages.
const (
	Running   Stage = iota + 1 // counting, due time not passed
	Paused                     // an open pause covers the instant, due time not passed
	Met                        // stopped at or before the due time
	Breached                   // past the due time, or stopped after it
	Cancelled                  // an SLA instance ended without an outcome
)

// stageNames are the stages' names; the zero Stage has none.
var stageNames = [...]string{Running: "running", Paused: "paused", Met: "met", Breached: "breached", Cancelled: "cancelled"}

// String returns the stage name.
func (s Stage) String() string {
	if s > 0 && int(s) < len(stageNames) {
		return stageNames[s]
	}
	return "Stage(" + strconv.Itoa(int(s)) + ")"
}

// TaskSLA returns the stage as ServiceNow's task_sla spells it (with
// its default breach compatibility): in_progress, paused, achieved,
// breached, cancelled.
func (s Stage) TaskSLA() string {
	switch s {
	case Running:
		return "in_progress"
	case Met:
		return "achieved"
	}
	return s.String()
}
