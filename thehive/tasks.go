package thehive

import (
	"context"
	"iter"
	"net/http"

	"github.com/incidentkit/incidentkit/internal/transport"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// TaskService manages the tasks of cases. Get it from Client.Tasks.
type TaskService struct{ c *Client }

func (s *TaskService) path(v1, v0 string) string {
	if s.c.dialect == V0 {
		return v0
	}
	return v1
}

func (s *TaskService) decodeTask(ctx context.Context, r *transport.Request) (*Task, error) {
	if s.c.dialect == V0 {
		var w v0Task
		if _, err := s.c.do(ctx, r, &w); err != nil {
			return nil, err
		}
		return w.result(), nil
	}
	var t Task
	if _, err := s.c.do(ctx, r, &t); err != nil {
		return nil, err
	}
	return &t, nil
}

// Create adds a task to a case. It is sent once.
func (s *TaskService) Create(ctx context.Context, caseID string, in TaskInput) (*Task, error) {
	if err := checkID("case id", caseID); err != nil {
		return nil, err
	}
	body, err := in.body(s.c.dialect)
	if err != nil {
		return nil, err
	}
	return s.decodeTask(ctx, &transport.Request{Method: http.MethodPost,
		Path: s.path("/api/v1/case/{}/task", "/api/case/{}/task"), Args: []string{caseID},
		JSON: body, Replay: transport.ReplayUnsafe})
}

// Get returns a task.
func (s *TaskService) Get(ctx context.Context, id string) (*Task, error) {
	if err := checkID("task id", id); err != nil {
		return nil, err
	}
	return s.decodeTask(ctx, &transport.Request{Path: s.path("/api/v1/task/{}", "/api/case/task/{}"), Args: []string{id}})
}

// Update changes the fields set in u.
func (s *TaskService) Update(ctx context.Context, id string, u TaskUpdate) error {
	if err := checkID("task id", id); err != nil {
		return err
	}
	body, err := u.body(s.c.dialect)
	if err != nil {
		return err
	}
	_, err = s.c.do(ctx, &transport.Request{Method: http.MethodPatch, Path: s.path("/api/v1/task/{}", "/api/case/task/{}"),
		Args: []string{id}, JSON: body, Replay: transport.ReplaySafe}, nil)
	return err
}

func (s *TaskService) search(caseID string) *search {
	return &search{
		v1:       []map[string]any{{"_name": "getCase", "idOrName": caseID}, {"_name": "tasks"}},
		v0Path:   "/api/case/task/_search",
		v0Filter: filter.ParentID("case", caseID),
	}
}

// List returns one page of a case's tasks matching opts.
func (s *TaskService) List(ctx context.Context, caseID string, opts *SearchOptions) (*Page[*Task], error) {
	if err := checkID("case id", caseID); err != nil {
		return nil, err
	}
	return searchOne(ctx, s.c, s.search(caseID), opts, (*v0Task).result, fixTask)
}

// All returns a lazy sequence of a case's tasks matching opts.
func (s *TaskService) All(ctx context.Context, caseID string, opts *SearchOptions) iter.Seq2[*Task, error] {
	if err := checkID("case id", caseID); err != nil {
		return func(yield func(*Task, error) bool) { yield(nil, err) }
	}
	return searchAll(ctx, s.c, s.search(caseID), opts, (*v0Task).result, fixTask)
}

// AddLog adds an entry to a task's log. It is sent once.
func (s *TaskService) AddLog(ctx context.Context, taskID string, in LogInput) (*Log, error) {
	if err := checkID("task id", taskID); err != nil {
		return nil, err
	}
	body, err := in.body()
	if err != nil {
		return nil, err
	}
	r := &transport.Request{Method: http.MethodPost, Path: s.path("/api/v1/task/{}/log", "/api/case/task/{}/log"),
		Args: []string{taskID}, JSON: body, Replay: transport.ReplayUnsafe}
	if s.c.dialect == V0 {
		var w v0Log
		if _, err := s.c.do(ctx, r, &w); err != nil {
			return nil, err
		}
		return w.result(), nil
	}
	var l Log
	if _, err := s.c.do(ctx, r, &l); err != nil {
		return nil, err
	}
	return &l, nil
}
