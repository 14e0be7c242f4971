package main

import "github.com/incidentkit/incidentkit/sla"

// slaState is the state of one SLA clock in the report's vocabulary. Every
// format writes these words and no others, so a state reads the same in
// the table, the JSON, the CSV and the HTML.
type slaState string

// The states, from settled to running. A clock that is at risk is running
// or paused; "at risk" wins over both because it is the one to act on.
const (
	stateMet      slaState = "met"       // stopped at or before its due time
	stateBreached slaState = "breached"  // past its due time, or stopped after it
	stateAtRisk   slaState = "at risk"   // running or paused with sla.DefaultAtRisk of the target used
	statePaused   slaState = "paused"    // paused (the incident is on hold), due time not passed
	stateRunning  slaState = "running"   // counting, due time not passed
	stateNoTarget slaState = "no target" // the priority has no target (P5)
)

// stateOf names the state of a clock's status; hasTarget false means the
// incident's priority has no target and s is meaningless.
func stateOf(s sla.Status, hasTarget bool) slaState {
	switch {
	case !hasTarget:
		return stateNoTarget
	case s.Stage == sla.Met:
		return stateMet
	case s.Stage == sla.Breached:
		return stateBreached
	case s.AtRisk:
		return stateAtRisk
	case s.Stage == sla.Paused:
		return statePaused
	}
	return stateRunning
}

// class is the state as a CSS class name ("at-risk").
func (s slaState) class() string {
	switch s {
	case stateAtRisk:
		return "at-risk"
	case stateNoTarget:
		return "no-target"
	}
	return string(s)
}
