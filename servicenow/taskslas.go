package servicenow

import (
	"context"
	"iter"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
	"github.com/incidentkit/incidentkit/sla"
)

// TaskSLAService reads the SLAs ServiceNow's own engine attached to tasks
// (the task_sla table): the instance's account of each SLA, to show, audit
// or compare with a local sla.Clock (CompareSLA). Get it from
// Client.TaskSLAs.
type TaskSLAService struct{ t *Table[TaskSLA] }

// ListForTask returns one page of the SLAs attached to the task taskSysID
// (an incident's sys_id), and matching opts.Query too when set.
func (s *TaskSLAService) ListForTask(ctx context.Context, taskSysID string, opts *ListOptions) (*incidentkit.Page[*TaskSLA], error) {
	o, err := forTask(taskSysID, opts)
	if err != nil {
		return nil, err
	}
	return s.t.List(ctx, o)
}

// AllForTask returns a lazy sequence of the SLAs attached to the task
// taskSysID; see Table.All.
func (s *TaskSLAService) AllForTask(ctx context.Context, taskSysID string, opts *ListOptions) iter.Seq2[*TaskSLA, error] {
	o, err := forTask(taskSysID, opts)
	if err != nil {
		return func(yield func(*TaskSLA, error) bool) { yield(nil, err) }
	}
	return s.t.All(ctx, o)
}

// forTask returns opts narrowed to the task taskSysID.
func forTask(taskSysID string, opts *ListOptions) (*ListOptions, error) {
	if err := checkID(taskSysID); err != nil {
		return nil, err
	}
	o := ListOptions{}
	if opts != nil {
		o = *opts
	}
	o.Query = encodedquery.And(encodedquery.Field("task").Eq(taskSysID), o.Query)
	return &o, nil
}

// SLADrift is how a local sla.Clock and the instance's task_sla record
// of the same SLA disagree at one instant.
type SLADrift struct {
	// Due is the local due time minus the instance's planned end time:
	// positive when the local clock breaches later.
	Due time.Duration
	// Elapsed is the local elapsed time minus the instance's: its
	// business duration when the record counts in a schedule, its 24×7
	// duration otherwise.
	Elapsed time.Duration
	// BreachAgrees says both say the SLA breached, or both say it did not.
	BreachAgrees bool
}

// CompareSLA compares rec, a task_sla record, with clock, the same SLA
// computed locally, at the instant at (for a record the instance refreshes
// on a schedule, the record's own update time is the fair instant).
func CompareSLA(rec *TaskSLA, clock *sla.Clock, at time.Time) (SLADrift, error) {
	if rec == nil || clock == nil {
		return SLADrift{}, inputErr("SLA comparison", "needs a task_sla record and a clock")
	}
	st, err := clock.Status(at)
	if err != nil {
		return SLADrift{}, err
	}
	instance := rec.Duration
	if rec.Schedule.Value != "" {
		instance = rec.BusinessDuration
	}
	d := SLADrift{Elapsed: st.Elapsed - instance, BreachAgrees: rec.HasBreached == (st.Stage == sla.Breached)}
	if !rec.PlannedEndTime.IsZero() {
		d.Due = st.Due.Sub(rec.PlannedEndTime.Time)
	}
	return d, nil
}
