package servicenow

import (
	"encoding/json"
	"time"

	"github.com/incidentkit/incidentkit/internal/paging"
)

// SLAStage is the stage of a task SLA. ServiceNow's engine uses
// in_progress, paused, cancelled and completed; with the compatibility
// property com.snc.sla.compatibility.breach it shows breached for a
// breached SLA and achieved for a completed one. Read a breach from
// TaskSLA.HasBreached, not from the stage.
type SLAStage string

// SLA stages (TaskSLA.js).
const (
	SLAInProgress SLAStage = "in_progress"
	SLAPaused     SLAStage = "paused"
	SLACancelled  SLAStage = "cancelled"
	SLACompleted  SLAStage = "completed"
	SLAAchieved   SLAStage = "achieved"
	SLABreached   SLAStage = "breached"
)

// TaskSLA is one SLA attached to a task: a task_sla record, as
// ServiceNow's SLA engine keeps it. Its timings are snapshots the
// instance refreshes on a schedule.
type TaskSLA struct {
	// SysID identifies the record; Task the task (the incident), SLA the
	// definition (a contract_sla record; its DisplayValue names it when
	// display values were asked for), Schedule the schedule it counts in.
	SysID    string    `json:"sys_id"`
	Task     Reference `json:"task"`
	SLA      Reference `json:"sla"`
	Schedule Reference `json:"schedule"`
	// TimeZone is the zone the schedule is read in.
	TimeZone string `json:"timezone"`
	// Stage is where the SLA stands; Active is false once it completed or
	// was cancelled; HasBreached says whether it breached.
	Stage       SLAStage `json:"stage"`
	Active      bool     `json:"active"`
	HasBreached bool     `json:"has_breached"`
	// StartTime and EndTime bound it; PauseTime is when the current pause
	// began (zero while running).
	StartTime Time `json:"start_time"`
	EndTime   Time `json:"end_time"`
	PauseTime Time `json:"pause_time"`
	// PlannedEndTime is the breach time, pushed back by pauses;
	// OriginalBreachTime the breach time when the SLA was attached.
	PlannedEndTime     Time `json:"planned_end_time"`
	OriginalBreachTime Time `json:"original_breach_time"`
	// Duration, Percentage and TimeLeft are the 24×7 timings: elapsed
	// time without pauses, its share of the target, and what is left.
	Duration   time.Duration `json:"duration"`
	Percentage float64       `json:"percentage"`
	TimeLeft   time.Duration `json:"time_left"`
	// BusinessDuration, BusinessPercentage and BusinessTimeLeft are the
	// same in the schedule's working time (filled when there is one).
	BusinessDuration   time.Duration `json:"business_duration"`
	BusinessPercentage float64       `json:"business_percentage"`
	BusinessTimeLeft   time.Duration `json:"business_time_left"`
	// PauseDuration and BusinessPauseDuration are the time spent paused.
	PauseDuration         time.Duration `json:"pause_duration"`
	BusinessPauseDuration time.Duration `json:"business_pause_duration"`
	// Raw is the record as the server sent it.
	Raw json.RawMessage `json:"-"`
}

// recordKey identifies the record by its sys_id when listing.
func (s *TaskSLA) recordKey() uint64 { return paging.Key(s.SysID) }

// UnmarshalJSON decodes the record in any display-value shape and keeps
// it in Raw.
func (s *TaskSLA) UnmarshalJSON(b []byte) error { return decodeRecord(s, b, "task_sla") }

// raw returns where the record as sent is kept.
func (s *TaskSLA) raw() *json.RawMessage { return &s.Raw }

// field returns where the member name decodes, or nil.
func (s *TaskSLA) field(name []byte) any {
	switch string(name) {
	case "sys_id":
		return &s.SysID
	case "task":
		return &s.Task
	case "sla":
		return &s.SLA
	case "schedule":
		return &s.Schedule
	case "timezone":
		return &s.TimeZone
	case "stage":
		return (*string)(&s.Stage)
	case "active":
		return (*boolText)(&s.Active)
	case "has_breached":
		return (*boolText)(&s.HasBreached)
	case "start_time":
		return &s.StartTime
	case "end_time":
		return &s.EndTime
	case "pause_time":
		return &s.PauseTime
	case "planned_end_time":
		return &s.PlannedEndTime
	case "original_breach_time":
		return &s.OriginalBreachTime
	case "duration":
		return (*glideDuration)(&s.Duration)
	case "percentage":
		return (*percentText)(&s.Percentage)
	case "time_left":
		return (*glideDuration)(&s.TimeLeft)
	case "business_duration":
		return (*glideDuration)(&s.BusinessDuration)
	case "business_percentage":
		return (*percentText)(&s.BusinessPercentage)
	case "business_time_left":
		return (*glideDuration)(&s.BusinessTimeLeft)
	case "pause_duration":
		return (*glideDuration)(&s.PauseDuration)
	case "business_pause_duration":
		return (*glideDuration)(&s.BusinessPauseDuration)
	}
	return nil
}
