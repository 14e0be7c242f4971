package servicenow

import (
	"context"
	"encoding/json"

	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

// JournalField names a journal field of a record.
type JournalField string

// Journal fields of an incident.
const (
	// JournalWorkNotes holds work notes, seen by staff only.
	JournalWorkNotes JournalField = "work_notes"
	// JournalComments holds customer-visible comments.
	JournalComments JournalField = "comments"
)

// String returns the field name.
func (f JournalField) String() string { return string(f) }

// JournalEntry is one work note or comment (a sys_journal_field record).
type JournalEntry struct {
	// SysID identifies the entry.
	SysID string `json:"sys_id"`
	// Field says whether the entry is a work note or a comment.
	Field JournalField `json:"element"`
	// RecordID and Table name the record the entry belongs to.
	RecordID string `json:"element_id"`
	Table    string `json:"name"`
	// Value is the entry's text.
	Value string `json:"value"`
	// CreatedOn and CreatedBy say when and by whom it was written.
	CreatedOn Time   `json:"sys_created_on"`
	CreatedBy string `json:"sys_created_by"`
	// Raw is the record as the server sent it.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes the entry and keeps the whole record in Raw.
func (e *JournalEntry) UnmarshalJSON(b []byte) error {
	type plain JournalEntry
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	p.Raw = append(json.RawMessage(nil), b...)
	*e = JournalEntry(p)
	return nil
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
		out = append(out, *e)
	}
	return out, nil
}
