package thehive

import (
	"strings"
	"time"
)

// Task is a task of a case.
type Task struct {
	Record
	Title       string     `json:"title"`
	Group       string     `json:"group,omitempty"`
	Description string     `json:"description,omitempty"`
	Status      TaskStatus `json:"status"`
	Flag        bool       `json:"flag"`
	StartDate   Time       `json:"startDate"`
	EndDate     Time       `json:"endDate"`
	DueDate     Time       `json:"dueDate"`
	Order       int        `json:"order"`
	// Assignee is the task owner's login (owner in V0).
	Assignee  string `json:"assignee,omitempty"`
	Mandatory bool   `json:"mandatory,omitempty"`
}

type v0Task struct {
	Task
	v0Record
	Owner string `json:"owner"`
}

func (w *v0Task) result() *Task {
	t := &w.Task
	w.fold(&t.Record)
	if t.Assignee == "" {
		t.Assignee = w.Owner
	}
	return t
}

func fixTask(*Task) {}

// TaskInput is a new task. Title is required.
type TaskInput struct {
	Title       string
	Group       string
	Description string
	// Status is the initial status (zero means Waiting).
	Status    TaskStatus
	Flag      *bool
	StartDate time.Time
	EndDate   time.Time
	DueDate   time.Time
	Order     *int
	// Assignee is the owner's login (sent as owner in V0).
	Assignee string
	// Mandatory marks a task that must be done before closing (V1).
	Mandatory *bool
}

func (in *TaskInput) body(d Dialect) (map[string]any, error) {
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
		b[ownerKey(d)] = in.Assignee
	}
	if in.Mandatory != nil {
		if d == V0 {
			return nil, inputErr("task mandatory", "needs V1")
		}
		b["mandatory"] = *in.Mandatory
	}
	return b, nil
}

// TaskUpdate changes some fields of a task; nil pointers leave fields
// unchanged and Assignee can be cleared.
type TaskUpdate struct {
	Title       *string
	Group       *string
	Description *string
	Status      *TaskStatus
	Flag        *bool
	StartDate   *time.Time
	EndDate     *time.Time
	DueDate     *time.Time
	Order       *int
	Assignee    Nullable[string]
}

func (u *TaskUpdate) body(d Dialect) (map[string]any, error) {
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
	u.Assignee.put(b, ownerKey(d))
	if len(b) == 0 {
		return nil, inputErr("task update", "changes nothing")
	}
	return b, nil
}

// Log is an entry of a task's log.
type Log struct {
	Record
	Message   string `json:"message"`
	Date      Time   `json:"date"`
	StartDate Time   `json:"startDate"`
	Owner     string `json:"owner,omitempty"`
}

type v0Log struct {
	Log
	v0Record
}

func (w *v0Log) result() *Log {
	l := &w.Log
	w.fold(&l.Record)
	return l
}

// LogInput is a new task log entry. Message is required.
type LogInput struct {
	Message string
	// StartDate is when the work happened; zero means now.
	StartDate time.Time
}

func (in *LogInput) body() (map[string]any, error) {
	if strings.TrimSpace(in.Message) == "" {
		return nil, inputErr("log message", "is empty")
	}
	b := map[string]any{"message": in.Message}
	putTime(b, "startDate", in.StartDate)
	return b, nil
}
