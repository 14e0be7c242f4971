package thehive

import (
	"context"
	"iter"
	"net/http"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// TaskService manages the tasks of cases and their logs. Get it from
// Client.Tasks.
type TaskService struct{ c *Client }

// Create adds a task to a case. It is sent once. A nil in is an input
// error.
func (s *TaskService) Create(ctx context.Context, caseID string, in *TaskInput) (*Task, error) {
	if err := checkID("case id", caseID); err != nil {
		return nil, err
	}
	if err := needInput("task input", in); err != nil {
		return nil, err
	}
	body, err := in.body(s.c.sp)
	if err != nil {
		return nil, err
	}
	return getOne[Task, taskWire](ctx, s.c, &transport.Request{Method: http.MethodPost, Path: s.c.sp.taskCreate,
		Args: []string{caseID}, JSON: body, Replay: transport.ReplayUnsafe})
}

// Get returns a task.
func (s *TaskService) Get(ctx context.Context, id string) (*Task, error) {
	if err := checkID("task id", id); err != nil {
		return nil, err
	}
	return getOne[Task, taskWire](ctx, s.c, &transport.Request{Path: s.c.sp.taskItem, Args: []string{id}})
}

// Update changes the fields set in in. A nil in is an input error.
func (s *TaskService) Update(ctx context.Context, id string, in *TaskUpdate) error {
	if err := checkID("task id", id); err != nil {
		return err
	}
	if err := needInput("task update", in); err != nil {
		return err
	}
	body, err := in.body(s.c.sp)
	if err != nil {
		return err
	}
	_, err = s.c.do(ctx, &transport.Request{Method: http.MethodPatch, Path: s.c.sp.taskItem,
		Args: []string{id}, JSON: body, Replay: transport.ReplaySafe}, nil)
	return err
}

// List returns one page of a case's tasks matching opts.
func (s *TaskService) List(ctx context.Context, caseID string, opts *ListOptions) (*incidentkit.Page[*Task], error) {
	if err := checkID("case id", caseID); err != nil {
		return nil, err
	}
	return list[Task, taskWire](ctx, s.c, s.c.sp.tasks(caseID), opts)
}

// All returns a lazy sequence of a case's tasks matching opts; it behaves
// like CaseService.All.
func (s *TaskService) All(ctx context.Context, caseID string, opts *ListOptions) iter.Seq2[*Task, error] {
	if err := checkID("case id", caseID); err != nil {
		return failed[Task](err)
	}
	return all[Task, taskWire](ctx, s.c, s.c.sp.tasks(caseID), opts)
}

// AddLog adds an entry to a task's log. It is sent once, so an entry is
// never written twice. A nil in is an input error.
func (s *TaskService) AddLog(ctx context.Context, taskID string, in *LogInput) (*Log, error) {
	if err := checkID("task id", taskID); err != nil {
		return nil, err
	}
	if err := needInput("log input", in); err != nil {
		return nil, err
	}
	body, err := in.body()
	if err != nil {
		return nil, err
	}
	return getOne[Log, logWire](ctx, s.c, &transport.Request{Method: http.MethodPost, Path: s.c.sp.taskLog,
		Args: []string{taskID}, JSON: body, Replay: transport.ReplayUnsafe})
}
