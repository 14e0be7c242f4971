package servicenow

import (
	"encoding/json"
	"strconv"

	"github.com/incidentkit/incidentkit/internal/paging"
)

// AuditEntry is one row of sys_audit: the change of one field in one
// update of a record. Values are stored values: references as sys_ids,
// date-times in UTC.
type AuditEntry struct {
	// SysID is the audit row's own sys_id.
	SysID string
	// Table and DocumentKey name the record (tablename, documentkey);
	// Field is the field that changed (fieldname).
	Table       string
	DocumentKey string
	Field       string
	// OldValue and NewValue are the field's values before and after.
	OldValue string
	NewValue string
	// User is the user name (not a reference) that made the change.
	User string
	// CreatedOn is when the change was made.
	CreatedOn Time
	// RecordCheckpoint counts the record's updates (the rows of one update
	// share it); InternalCheckpoint is a timestamp-based key that orders
	// changes within a second.
	RecordCheckpoint   int
	InternalCheckpoint string
	// Reason is the reason given for the change, if any.
	Reason string
}

// auditWire is an audit row as the Table API sends it.
type auditWire struct {
	SysID              Field `json:"sys_id"`
	Table              Field `json:"tablename"`
	DocumentKey        Field `json:"documentkey"`
	FieldName          Field `json:"fieldname"`
	OldValue           Field `json:"oldvalue"`
	NewValue           Field `json:"newvalue"`
	User               Field `json:"user"`
	CreatedOn          Time  `json:"sys_created_on"`
	RecordCheckpoint   Field `json:"record_checkpoint"`
	InternalCheckpoint Field `json:"internal_checkpoint"`
	Reason             Field `json:"reason"`
}

// UnmarshalJSON implements json.Unmarshaler, in any display-value mode.
func (a *AuditEntry) UnmarshalJSON(b []byte) error {
	var w auditWire
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	n, _ := strconv.Atoi(w.RecordCheckpoint.Value)
	*a = AuditEntry{SysID: w.SysID.Value, Table: w.Table.Value, DocumentKey: w.DocumentKey.Value, Field: w.FieldName.Value,
		OldValue: w.OldValue.Value, NewValue: w.NewValue.Value, User: w.User.Value, CreatedOn: w.CreatedOn,
		RecordCheckpoint: n, InternalCheckpoint: w.InternalCheckpoint.Value, Reason: w.Reason.Value}
	return nil
}

// recordKey identifies the row by its sys_id when listing.
func (a *AuditEntry) recordKey() uint64 { return paging.Key(a.SysID) }
