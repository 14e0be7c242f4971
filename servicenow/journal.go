package servicenow

import (
	"context"

	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

// JournalField names a journal field of a record.
type JournalField string

// Journal fields of an incident.
const (
	JournalWorkNotes JournalField = "work_notes"
	JournalComments  JournalField = "comments"
)

// String returns the field name.
func (f JournalField) String() string { return string(f) }

// JournalEntry is one work note or comment (a sys_journal_field record).
type JournalEntry struct {
	SysID     string       `json:"sys_id"`
	Field     JournalField `json:"element"`
	RecordID  string       `json:"element_id"`
	Table     string       `json:"name"`
	Value     string       `json:"value"`
	CreatedOn Time         `json:"sys_created_on"`
	CreatedBy string       `json:"sys_created_by"`
}

// Journal returns an incident's work notes and comments, oldest first.
// With no fields given both kinds are returned.
func (s *IncidentService) Journal(ctx context.Context, sysID string, fields ...JournalField) ([]JournalEntry, error) {
	if err := checkID(sysID); err != nil {
		return nil, err
	}
	if len(fields) == 0 {
		fields = []JournalField{JournalWorkNotes, JournalComments}
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		if f != JournalWorkNotes && f != JournalComments {
			return nil, inputErr("journal field", string(f)+" is not work_notes or comments")
		}
		names[i] = string(f)
	}
	q := encodedquery.And(
		encodedquery.Field("element_id").Eq(sysID),
		encodedquery.Field("element").In(names),
	).OrderBy("sys_created_on", "sys_id")
	t := NewTable[JournalEntry](s.t.c, "sys_journal_field")
	var out []JournalEntry
	for e, err := range t.All(ctx, &ListOptions{Query: q}) {
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}
