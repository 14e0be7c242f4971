package thehive

import (
	"encoding/json"
	"strings"
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
	t := &w.Task
	w.fold(&t.Record)
	if t.Assignee == "" {
		t.Assignee = w.Owner
	}
	t.finish(sp, raw)
	return t
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

// body checks in and builds the create body for the dialect of sp.
func (in *TaskInput) body(sp *dialectSpec) (map[string]any, error) {
	if strings.TrimSpace(in.Title) == "" {
		return nil, inputErr("task title", "is empty")
	}
	b := map[string]any{"title": in.Title}
	if in.Group != "" {
		b["group"] = in.Group
	}
	if in.Description != "" {
		b["description"] = in.Description
	}
	if in.Status != "" {
		b["status"] = string(in.Status)
	}
	if in.Flag != nil {
		b["flag"] = *in.Flag
	}
	putTime(b, "startDate", in.StartDate)
	putTime(b, "endDate", in.EndDate)
	putTime(b, "dueDate", in.DueDate)
	if in.Order != nil {
		b["order"] = *in.Order
	}
	if in.Assignee != "" {
		b[sp.ownerField] = in.Assignee
	}
	if in.Mandatory != nil {
		if !sp.taskMandatory {
			return nil, sp.unsupported("task input", "Mandatory is not available", "")
		}
		b["mandatory"] = *in.Mandatory
	}
	return b, nil
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
}

// body checks u and builds the update body for the dialect of sp.
func (u *TaskUpdate) body(sp *dialectSpec) (map[string]any, error) {
	b := map[string]any{}
	if u.Title != nil {
		if strings.TrimSpace(*u.Title) == "" {
			return nil, inputErr("task title", "is empty")
		}
		b["title"] = *u.Title
	}
	if u.Group != nil {
		b["group"] = *u.Group
	}
	if u.Description != nil {
		b["description"] = *u.Description
	}
	if u.Status != nil {
		b["status"] = string(*u.Status)
	}
	if u.Flag != nil {
		b["flag"] = *u.Flag
	}
	for key, t := range map[string]*time.Time{"startDate": u.StartDate, "endDate": u.EndDate, "dueDate": u.DueDate} {
		if t != nil {
			b[key] = millis(*t)
		}
	}
	if u.Order != nil {
		b["order"] = *u.Order
	}
	putNullable(b, sp.ownerField, u.Assignee)
	if len(b) == 0 {
		return nil, inputErr("task update", "changes nothing")
	}
	return b, nil
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
	l := &w.Log
	w.fold(&l.Record)
	l.finish(sp, raw)
	return l
}

func (l *Log) finish(_ *dialectSpec, raw json.RawMessage) { l.Raw = raw }

// LogInput is a new task log entry. Message is required.
type LogInput struct {
	// Message is the entry's text (Markdown).
	Message string
	// StartDate is when the work happened; zero means now.
	StartDate time.Time
}

// body checks in and builds the create body.
func (in *LogInput) body() (map[string]any, error) {
	if strings.TrimSpace(in.Message) == "" {
		return nil, inputErr("log message", "is empty")
	}
	b := map[string]any{"message": in.Message}
	putTime(b, "startDate", in.StartDate)
	return b, nil
}
