package thehive

// AlertStatus is an alert's status. TheHive 5 lets an organisation define
// its own alert statuses, each tied to one of four fixed stages (New,
// InProgress, Imported, Closed), so any string the server sends is kept.
// TheHive 3/4 derive the status from the alert itself: New (unread, no
// case), Updated (unread, with a case), Ignored (read, no case) and
// Imported (read, with a case) — see AlertSrv and the v0 PublicAlert of
// TheHive 4 — and refuse to have it written.
type AlertStatus string

// Alert statuses. New, InProgress, Imported, Ignored, FalsePositive,
// Duplicated and Other are TheHive 5's predefined statuses (Ignored,
// FalsePositive, Duplicated and Other close an alert; Imported is set when
// an alert is promoted or merged); New, Updated, Ignored and Imported are
// TheHive 3/4's.
const (
	AlertNew           AlertStatus = "New"
	AlertInProgress    AlertStatus = "InProgress"
	AlertImported      AlertStatus = "Imported"
	AlertIgnored       AlertStatus = "Ignored"
	AlertFalsePositive AlertStatus = "FalsePositive"
	AlertDuplicated    AlertStatus = "Duplicated"
	AlertOther         AlertStatus = "Other"
	AlertUpdated       AlertStatus = "Updated"
)

// String returns the status as TheHive spells it.
func (s AlertStatus) String() string { return string(s) }
