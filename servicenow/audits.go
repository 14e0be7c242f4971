package servicenow

import (
	"cmp"
	"context"
	"iter"
	"slices"
	"time"

	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
	"github.com/incidentkit/incidentkit/sla"
)

// AuditService reads record histories from sys_audit, the platform's
// durable record of field changes (incident, problem and change are
// audited by default). Reading sys_audit usually needs the admin role.
// Get it from Client.Audit.
type AuditService struct{ c *Client }

// All returns a lazy sequence of the changes of the record sysID of table
// (the record's sys_class_name, such as incident), oldest first, limited
// to fields when any are named. Rows of the same second come in the order
// of their internal_checkpoint, which is chronological; the query is keyed
// on documentkey, as sys_audit is usually the largest table.
func (s *AuditService) All(ctx context.Context, table, sysID string, fields ...string) iter.Seq2[*AuditEntry, error] {
	return func(yield func(*AuditEntry, error) bool) {
		if err := checkID(sysID); err != nil {
			yield(nil, err)
			return
		}
		if err := checkNames("table", []string{table}); err != nil {
			yield(nil, err)
			return
		}
		if err := checkNames("fields", fields); err != nil {
			yield(nil, err)
			return
		}
		q := encodedquery.And(encodedquery.Field("tablename").Eq(table), encodedquery.Field("documentkey").Eq(sysID))
		if len(fields) > 0 {
			q = q.And(encodedquery.Field("fieldname").In(fields))
		}
		opts := &ListOptions{Query: q.OrderBy("sys_created_on"), NoCount: true}
		// Hold back the rows of one second until the next second begins, to
		// put them in internal_checkpoint order.
		var second []*AuditEntry
		flush := func() bool {
			slices.SortStableFunc(second, func(a, b *AuditEntry) int { return cmp.Compare(a.InternalCheckpoint, b.InternalCheckpoint) })
			for _, a := range second {
				if !yield(a, nil) {
					return false
				}
			}
			second = second[:0]
			return true
		}
		for a, err := range NewTable[AuditEntry](s.c, "sys_audit").All(ctx, opts) {
			if err != nil {
				if flush() {
					yield(nil, err)
				}
				return
			}
			if len(second) > 0 && !a.CreatedOn.Equal(second[0].CreatedOn.Time) {
				if !flush() {
					return
				}
			}
			second = append(second, a)
		}
		flush()
	}
}

// History returns the history of the record sysID of table for package
// sla to replay: first the record as created (its fields now, with every
// audited change undone, at its sys_created_on), then one event per update
// (the rows of one second and one record checkpoint), each setting the
// fields it changed. Inserts are not audited by default, which is why the
// first event is rebuilt from the record; fields the platform does not
// audit (most sys_ fields) keep their present values throughout.
func (s *AuditService) History(ctx context.Context, table, sysID string) (sla.History, error) {
	if err := checkID(sysID); err != nil {
		return nil, err
	}
	if err := checkNames("table", []string{table}); err != nil {
		return nil, err
	}
	rec, err := s.c.Records(table).Get(ctx, sysID, nil)
	if err != nil {
		return nil, err
	}
	initial := make(map[string]string, len(*rec))
	for name, raw := range *rec {
		var f Field
		if err := f.UnmarshalJSON(raw); err == nil {
			initial[name] = f.Value
		}
	}
	var rows []*AuditEntry
	for a, err := range s.All(ctx, table, sysID) {
		if err != nil {
			return nil, err
		}
		rows = append(rows, a)
	}
	for i := len(rows) - 1; i >= 0; i-- { // undo, newest first
		initial[rows[i].Field] = rows[i].OldValue
	}
	created, err := time.Parse(TimeLayout, initial["sys_created_on"])
	if err != nil {
		if len(rows) == 0 {
			return nil, inputErr("record", "has no sys_created_on to start its history at")
		}
		created = rows[0].CreatedOn.Time
	}
	h := sla.History{{At: created, Fields: initial, ID: sysID}}
	for i := 0; i < len(rows); {
		a := rows[i]
		e := sla.Event{At: a.CreatedOn.Time, Fields: map[string]string{}, ID: a.SysID}
		for ; i < len(rows) && rows[i].CreatedOn.Equal(a.CreatedOn.Time) && rows[i].RecordCheckpoint == a.RecordCheckpoint; i++ {
			e.Fields[rows[i].Field] = rows[i].NewValue
		}
		if e.At.Before(created) { // an update stamped before the record's creation: keep the order
			e.At = created
		}
		h = append(h, e)
	}
	return h, nil
}
