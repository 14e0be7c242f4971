package thehive

import (
	"context"
	"iter"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// TaskService manages the tasks of cases and their logs. Get it from
// Client.Tasks.
type TaskService struct{ c *Client }

// Create adds a task to a case. It is sent once. A nil in is an input
// error.
func (s *TaskService) Create(ctx context.Context, caseID string, in *TaskInput) (*Task, error) {
	return create[Task, taskWire](ctx, s.c, route{path: s.c.sp.taskCreate, idField: "case id", id: caseID}, "task input", in)
}

// Get returns a task.
func (s *TaskService) Get(ctx context.Context, id string) (*Task, error) {
	return read[Task, taskWire](ctx, s.c, s.item(id))
}

// item is the route to the task id.
func (s *TaskService) item(id string) route {
	return route{path: s.c.sp.taskItem, idField: "task id", id: id}
}

// Update changes the fields set in in. A nil in is an input error.
func (s *TaskService) Update(ctx context.Context, id string, in *TaskUpdate) error {
	return patch(ctx, s.c, s.item(id), transport.ReplaySafe, "task update", in)
}

// List returns one page of a case's tasks matching opts.
func (s *TaskService) List(ctx context.Context, caseID string, opts *ListOptions) (*incidentkit.Page[*Task], error) {
	return list[Task, taskWire](ctx, s.c, caseListing(s.c.sp.tasks, caseID), opts)
}

// All returns a lazy sequence of a case's tasks matching opts; it behaves
// like CaseService.All.
func (s *TaskService) All(ctx context.Context, caseID string, opts *ListOptions) iter.Seq2[*Task, error] {
	return all[Task, taskWire](ctx, s.c, caseListing(s.c.sp.tasks, caseID), opts)
}

// AddLog adds an entry to a task's log. It is sent once, so an entry is
// never written twice. A nil in is an input error.
func (s *TaskService) AddLog(ctx context.Context, taskID string, in *LogInput) (*Log, error) {
	return create[Log, logWire](ctx, s.c, route{path: s.c.sp.taskLog, idField: "task id", id: taskID}, "log input", in)
}
