package sla

import "strconv"

// Stage is the state of an SLA clock at an instant.
type Stage int

// Stages.
const (
	Running  Stage = iota + 1 // counting, due time not passed
	Paused                    // an open pause covers the instant, due time not passed
	Met                       // stopped at or before the due time
	Breached                  // past the due time, or stopped after it
)

// String returns the stage name.
func (s Stage) String() string {
	switch s {
	case Running:
		return "running"
	case Paused:
		return "paused"
	case Met:
		return "met"
	case Breached:
		return "breached"
	}
	return "Stage(" + strconv.Itoa(int(s)) + ")"
}
