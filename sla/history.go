package sla

import "time"

// Event is one change of a record: the fields it set, as the record
// stores them (ServiceNow's stored values: sys_ids, choice values, UTC
// date-times "2006-01-02 15:04:05"), at an instant. The first event of a
// history is the record as created.
type Event struct {
	// At is when the change was made.
	At time.Time
	// Fields are the fields the change set, by name; "" empties a field.
	Fields map[string]string
	// ID names the event in errors (an audit row's sys_id, for example);
	// optional.
	ID string
}

// History is a record's changes in time order, oldest first. The history
// loaders of the clients build one: ServiceNow's sys_audit rows, TheHive's
// case changes, a Cyderes ticket's opening and closing.
type History []Event
