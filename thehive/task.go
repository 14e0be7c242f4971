package thehive

import (
	"encoding/json"
	"time"

	"github.com/incidentkit/incidentkit"
)

// Task is a task of a case.
type Task struct {
	Record
	// Title names the task; Group groups tasks in the case.
	Title string `json:"title"`
	Group string `json:"group,omitempty"`
	// Description says what to do.
	Description string `json:"description,omitempty"`
	// Status is Waiting, InProgress, Completed or Cancel.
	Status TaskStatus `json:"status"`
	// Flag marks the task for attention.
	Flag bool `json:"flag"`
	// StartDate, EndDate and DueDate are when work started, ended and is
	// due (zero when unset).
	StartDate Time `json:"startDate"`
	EndDate   Time `json:"endDate"`
	DueDate   Time `json:"dueDate"`
	// Order is the task's position in the case.
	Order int `json:"order"`
	// Assignee is the task owner's login (owner in V0).
	Assignee string `json:"assignee,omitempty"`
	// Mandatory marks a task that must be done before closing (V1).
	Mandatory bool `json:"mandatory,omitempty"`
	// Raw is the task as the server sent it.
	Raw json.RawMessage `json:"-"`
}

// taskWire decodes a task from either dialect.
type taskWire struct {
	Task
	v0Record
	Owner string `json:"owner"`
}

func (w *taskWire) record(sp *dialectSpec, raw json.RawMessage) *Task {
	if w.Assignee == "" {
		w.Assignee = w.Owner
	}
	return legacy(&w.Task, &w.v0Record, sp, raw)
}

func (t *Task) finish(_ *dialectSpec, raw json.RawMessage) { t.Raw = raw }

// TaskInput is a new task. Title is required; a nil pointer or zero value
// leaves a field to the server's default.
type TaskInput struct {
	// Title names the task; Group groups tasks in the case.
	Title string
	Group string
	// Description says what to do.
	Description string
	// Status is the initial status (zero means Waiting).
	Status TaskStatus
	// Flag marks the task for attention.
	Flag *bool
	// StartDate, EndDate and DueDate are sent when non-zero.
	StartDate time.Time
	EndDate   time.Time
	DueDate   time.Time
	// Order is the task's position in the case.
	Order *int
	// Assignee is the owner's login (sent as owner in V0).
	Assignee string
	// Mandatory marks a task that must be done before closing (V1).
	Mandatory *bool
}

// put checks in and writes its create body for the dialect of sp to b.
// The fields a create shares with an update are written as a TaskUpdate
// setting them would write them.
func (in *TaskInput) put(sp *dialectSpec, b map[string]any) error {
	u := TaskUpdate{Title: &in.Title, Group: orNil(in.Group), Description: orNil(in.Description),
		Status: orNil(in.Status), Flag: in.Flag, StartDate: timeOrNil(in.StartDate), EndDate: timeOrNil(in.EndDate),
		DueDate: timeOrNil(in.DueDate), Order: in.Order, Assignee: setOrKeep(in.Assignee)}
	if err := u.put(sp, b); err != nil {
		return err
	}
	if in.Mandatory != nil {
		if !sp.taskMandatory {
			return sp.unsupported("task input", "Mandatory is not available", "")
		}
		b["mandatory"] = *in.Mandatory
	}
	return nil
}

// TaskUpdate changes some fields of a task; nil pointers and a zero
// Assignee leave fields unchanged. Assignee can be emptied with
// incidentkit.Clear.
type TaskUpdate struct {
	// Title, Group and Description replace the task's.
	Title       *string
	Group       *string
	Description *string
	// Status moves the task along (Waiting, InProgress, Completed,
	// Cancel).
	Status *TaskStatus
	// Flag sets or removes the flag.
	Flag *bool
	// StartDate, EndDate and DueDate move the task's dates.
	StartDate *time.Time
	EndDate   *time.Time
	DueDate   *time.Time
	// Order moves the task in the case.
	Order *int
	// Assignee is set with incidentkit.Set and emptied with
	// incidentkit.Clear.
	Assignee incidentkit.Nullable[string]
	// Mandatory makes the task required before its case can close (V1
	// only).
	Mandatory *bool
}

// put checks the fields u sets and writes them for the dialect of sp to
// b, which must not be left empty.
func (u *TaskUpdate) put(sp *dialectSpec, b map[string]any) error {
	if err := putRequired(b, "title", "task title", u.Title); err != nil {
		return err
	}
	putPtr(b, "group", u.Group)
	putPtr(b, "description", u.Description)
	putPtr(b, "status", u.Status)
	putPtr(b, "flag", u.Flag)
	putDate(b, "startDate", u.StartDate)
	putDate(b, "endDate", u.EndDate)
	putDate(b, "dueDate", u.DueDate)
	putPtr(b, "order", u.Order)
	putNullable(b, sp.ownerField, u.Assignee)
	if u.Mandatory != nil {
		if !sp.taskMandatory {
			return sp.unsupported("task update", "Mandatory is not available", "")
		}
		b["mandatory"] = *u.Mandatory
	}
	return nothing(b, "task update")
}

// Log is an entry of a task's log.
type Log struct {
	Record
	// Message is the entry's text (Markdown).
	Message string `json:"message"`
	// Date is when the entry was written; StartDate when the work
	// happened.
	Date      Time `json:"date"`
	StartDate Time `json:"startDate"`
	// Owner is the login of the entry's author.
	Owner string `json:"owner,omitempty"`
	// Raw is the entry as the server sent it.
	Raw json.RawMessage `json:"-"`
}

// logWire decodes a log entry from either dialect.
type logWire struct {
	Log
	v0Record
}

func (w *logWire) record(sp *dialectSpec, raw json.RawMessage) *Log {
	return legacy(&w.Log, &w.v0Record, sp, raw)
}

func (l *Log) finish(_ *dialectSpec, raw json.RawMessage) { l.Raw = raw }

// LogInput is a new task log entry. Message is required.
type LogInput struct {
	// Message is the entry's text (Markdown).
	Message string
	// StartDate is when the work happened; zero means now.
	StartDate time.Time
}

// put checks in and writes its create body to b.
func (in *LogInput) put(_ *dialectSpec, b map[string]any) error {
	if err := required("log message", in.Message); err != nil {
		return err
	}
	b["message"] = in.Message
	putTime(b, "startDate", in.StartDate)
	return nil
}
