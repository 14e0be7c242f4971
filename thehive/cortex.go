package thehive

import (
	"encoding/json"
	"slices"
)

// Worker is a Cortex analyzer or responder as TheHive lists it
// (OutputWorker: id, name, version, description, dataTypeList,
// cortexIds).
type Worker struct {
	// ID identifies the worker in the Cortex instances named by
	// CortexIDs; Name and Version describe it.
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Version     string   `json:"version"`
	Description string   `json:"description"`
	DataTypes   []string `json:"dataTypeList"`
	CortexIDs   []string `json:"cortexIds"`
	// MaxTLP and MaxPAP, for a responder of TheHive 4, are the highest
	// levels of the objects it may act on; nil when not given.
	MaxTLP *int `json:"maxTlp,omitempty"`
	MaxPAP *int `json:"maxPap,omitempty"`
	// Raw is the worker as the server sent it.
	Raw json.RawMessage `json:"-"`
}

// Takes reports whether the worker accepts observables of dataType.
func (w *Worker) Takes(dataType string) bool { return slices.Contains(w.DataTypes, dataType) }

// JobStatus is the state of a Cortex job.
type JobStatus string

// Job statuses (Cortex's own set: models/Job.scala).
const (
	JobWaiting    JobStatus = "Waiting"
	JobInProgress JobStatus = "InProgress"
	JobSuccess    JobStatus = "Success"
	JobFailure    JobStatus = "Failure"
	JobDeleted    JobStatus = "Deleted"
)

// Done reports whether the job has ended, well or not.
func (s JobStatus) Done() bool { return s == JobSuccess || s == JobFailure || s == JobDeleted }

// Job is an analyzer run on an observable (OutputJob in TheHive 5, the job
// of TheHive 3/4's Cortex connector).
type Job struct {
	// ID is the job's id in TheHive: _id, or id where TheHive 4 sends only
	// that.
	ID string `json:"_id"`
	// AnalyzerID, AnalyzerName and AnalyzerDefinition name the analyzer.
	AnalyzerID         string `json:"analyzerId"`
	AnalyzerName       string `json:"analyzerName"`
	AnalyzerDefinition string `json:"analyzerDefinition"`
	// Status is the job's state; StartDate and EndDate when it ran.
	Status    JobStatus `json:"status"`
	StartDate Time      `json:"startDate"`
	EndDate   Time      `json:"endDate"`
	// Report is the analyzer's report once the job ended: on success
	// {"success": true, "full": …, "artifacts": […]} (TheHive 3 adds
	// "summary" with the taxonomies), on failure {"success": false,
	// "errorMessage": …}. See Taxonomies.
	Report json.RawMessage `json:"report,omitempty"`
	// CortexID and CortexJobID identify the job in Cortex.
	CortexID    string `json:"cortexId"`
	CortexJobID string `json:"cortexJobId"`
	// Raw is the job as the server sent it.
	Raw json.RawMessage `json:"-"`
}

// Taxonomy is one short verdict of an analyzer report (cortexutils'
// build_taxonomy): a level (info, safe, suspicious, malicious), a
// namespace and a predicate naming what was checked, and the value found.
type Taxonomy struct {
	Level     string `json:"level"`
	Namespace string `json:"namespace"`
	Predicate string `json:"predicate"`
	Value     any    `json:"value"`
}

// Taxonomies returns the taxonomies of the job's report summary; none
// when the report has no summary (TheHive 4 leaves it out) or the job has
// not succeeded.
func (j *Job) Taxonomies() []Taxonomy {
	var r struct {
		Summary struct {
			Taxonomies []Taxonomy `json:"taxonomies"`
		} `json:"summary"`
	}
	if json.Unmarshal(j.Report, &r) != nil {
		return nil
	}
	return r.Summary.Taxonomies
}

// ReportError returns the analyzer's error message of a failed job, or
// "".
func (j *Job) ReportError() string {
	var r struct {
		ErrorMessage string `json:"errorMessage"`
	}
	_ = json.Unmarshal(j.Report, &r)
	return r.ErrorMessage
}

// jobWire decodes a job from TheHive 3/4: its id is _id (TheHive 3), or
// id where TheHive 4 sends only that.
type jobWire struct {
	Job
	v0ID
}

func (w *jobWire) record(sp *dialectSpec, raw json.RawMessage) *Job {
	w.fold(&w.ID)
	w.finish(sp, raw)
	return &w.Job
}

func (j *Job) finish(_ *dialectSpec, raw json.RawMessage) { j.Raw = raw }

// Action is a responder run on an object (OutputAction in TheHive 5).
type Action struct {
	// ID is the action's id in TheHive; TheHive 4 sends none.
	ID string `json:"_id"`
	// ResponderID, ResponderName and ResponderDefinition name the
	// responder.
	ResponderID         string `json:"responderId"`
	ResponderName       string `json:"responderName"`
	ResponderDefinition string `json:"responderDefinition"`
	// ObjectType and ObjectID are what it acted on.
	ObjectType EntityType `json:"objectType"`
	ObjectID   string     `json:"objectId"`
	// Status is the run's state; StartDate and EndDate when it ran.
	Status    JobStatus `json:"status"`
	StartDate Time      `json:"startDate"`
	EndDate   Time      `json:"endDate"`
	// CortexID and CortexJobID identify the run in Cortex.
	CortexID    string `json:"cortexId"`
	CortexJobID string `json:"cortexJobId"`
	// Raw is the action as the server sent it; its report and operations
	// are JSON strings there.
	Raw json.RawMessage `json:"-"`
}

// actionWire decodes an action from TheHive 3/4, whose id may be _id, id
// or missing.
type actionWire struct {
	Action
	v0ID
}

func (w *actionWire) record(sp *dialectSpec, raw json.RawMessage) *Action {
	w.fold(&w.ID)
	w.finish(sp, raw)
	return &w.Action
}

func (a *Action) finish(_ *dialectSpec, raw json.RawMessage) { a.Raw = raw }

// EntityType names the kind of object a responder acts on, as TheHive's
// Cortex connector spells it.
type EntityType string

// Entity types a responder can act on (TheHive 4's toObjectType; any
// other name makes TheHive 4 fail with 500).
const (
	EntityCase       EntityType = "case"
	EntityTask       EntityType = "case_task"
	EntityLog        EntityType = "case_task_log"
	EntityObservable EntityType = "case_artifact"
	EntityAlert      EntityType = "alert"
)

// valid reports whether t is one of the constants.
func (t EntityType) valid() bool {
	switch t {
	case EntityCase, EntityTask, EntityLog, EntityObservable, EntityAlert:
		return true
	}
	return false
}
