package thehive

import (
	"context"
	"iter"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// Delete deletes a task (TheHive 5). TheHive 3 and 4 cannot delete a
// task; there the call fails with an error matching ErrUnsupported, and a
// task is cancelled instead (Update with Status TaskCancel).
func (s *TaskService) Delete(ctx context.Context, id string) error {
	if s.c.sp.taskDelete == "" {
		return s.c.sp.unsupported("task id", "deleting a task is not available", "set its Status to TaskCancel")
	}
	return s.c.remove(ctx, route{path: s.c.sp.taskDelete, idField: "task id", id: id})
}

// ListLogs returns one page of a task's log entries matching opts. TheHive
// 5 selects them with getTask and logs; TheHive 3/4 search them with a
// _parent restriction, the one log search TheHive 4 routes.
func (s *TaskService) ListLogs(ctx context.Context, taskID string, opts *ListOptions) (*incidentkit.Page[*Log], error) {
	return list[Log, logWire](ctx, s.c, childListing(s.c.sp.logs, "task id", taskID), opts)
}

// AllLogs returns a lazy sequence of a task's log entries matching opts;
// it behaves like CaseService.All.
func (s *TaskService) AllLogs(ctx context.Context, taskID string, opts *ListOptions) iter.Seq2[*Log, error] {
	return all[Log, logWire](ctx, s.c, childListing(s.c.sp.logs, "task id", taskID), opts)
}

// GetLog returns one log entry. TheHive 4 has no route to read one log,
// so the client searches for its id in every version; no such entry is an
// error matching ErrNotFound.
func (s *TaskService) GetLog(ctx context.Context, id string) (*Log, error) {
	if err := required("log id", id); err != nil {
		return nil, err
	}
	p, err := list[Log, logWire](ctx, s.c, s.c.sp.allLogs, &ListOptions{Filter: filter.ID(id), PageSize: 1})
	if err != nil {
		return nil, err
	}
	if len(p.Items) == 0 {
		return nil, notFound(s.c.sp.allLogs, "log "+id+" not found")
	}
	return p.Items[0], nil
}

// UpdateLog changes the fields set in u. A nil u, or one that changes
// nothing, is an input error.
func (s *TaskService) UpdateLog(ctx context.Context, id string, u *LogUpdate) error {
	return patch(ctx, s.c, s.logItem(id), transport.ReplaySafe, "log update", u)
}

// DeleteLog deletes a log entry. TheHive 3 only marks it Deleted.
func (s *TaskService) DeleteLog(ctx context.Context, id string) error {
	return s.c.remove(ctx, s.logItem(id))
}

// logItem is the route to the log id.
func (s *TaskService) logItem(id string) route {
	return route{path: s.c.sp.logItem, idField: "log id", id: id}
}

// LogUpdate changes a log entry; nil pointers leave fields unchanged.
type LogUpdate struct {
	// Message replaces the entry's text; it cannot be emptied.
	Message *string
	// IncludeInTimeline puts the entry on the case's timeline at this
	// time (TheHive 5 only).
	IncludeInTimeline *time.Time
}

// put checks the fields u sets and writes them for the dialect of sp to
// b, which must not be left empty.
func (u *LogUpdate) put(sp *dialectSpec, b map[string]any) error {
	if err := putRequired(b, "message", "log message", u.Message); err != nil {
		return err
	}
	if u.IncludeInTimeline != nil {
		if !sp.logTimeline {
			return sp.unsupported("log update", "IncludeInTimeline is not available", "")
		}
		putDate(b, "includeInTimeline", u.IncludeInTimeline)
	}
	return nothing(b, "log update")
}

// AddLogFile adds an entry with a file to a task's log, in one multipart
// request: the entry's fields in the part "_json", the file in
// "attachments" (TheHive 5) or "attachment" (TheHive 3/4). It is sent
// once; the file streams from its source. A nil in is an input error.
func (s *TaskService) AddLogFile(ctx context.Context, taskID string, in *LogInput, file incidentkit.Upload) (*Log, error) {
	r, err := writeFile(s.c, route{path: s.c.sp.taskLog, idField: "task id", id: taskID}, "log input", in, (*LogInput).put,
		s.c.sp.logFilePart, file)
	if err != nil {
		return nil, err
	}
	return getOne[Log, logWire](ctx, s.c, r)
}
