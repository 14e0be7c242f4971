package thehive

import (
	"time"

	"github.com/incidentkit/incidentkit"
)

// AlertUpdate changes some fields of one or many alerts; nil pointers and
// zero Nullables leave fields unchanged. The fields are TheHive 5's
// InputUpdateAlert (OpenAPI description); TheHive 3/4 take the same
// names but have no Status (it follows from MarkRead and from the alert's
// case), no Assignee and no AddTags or RemoveTags, and setting those fails
// with an error matching ErrUnsupported there.
type AlertUpdate struct {
	// Title, Description and Severity replace the alert's; they cannot be
	// emptied.
	Title       *string
	Description *string
	Severity    *Severity
	// Date moves when the alert was raised.
	Date *time.Time
	// ExternalLink points to the alert in its origin system.
	ExternalLink *string
	// Tags, when non-nil, replaces all tags (an empty slice removes them).
	Tags []string
	// AddTags and RemoveTags change single tags (V1 only).
	AddTags    []string
	RemoveTags []string
	// TLP and PAP change the sharing levels.
	TLP *TLP
	PAP *PAP
	// Follow starts or stops following the alert.
	Follow *bool
	// Status sets the alert's status (V1 only), which also sets its stage:
	// a status of the Closed stage closes the alert.
	Status *AlertStatus
	// Summary and Assignee (V1 only) are set with incidentkit.Set and
	// emptied with incidentkit.Clear.
	Summary  incidentkit.Nullable[string]
	Assignee incidentkit.Nullable[string]
	// CustomFields sets the given fields and keeps the others; with
	// ReplaceCustomFields they replace all custom fields (V1).
	CustomFields        []CustomField
	ReplaceCustomFields bool
}

// put checks the fields u sets and writes them for the dialect of sp to
// b, which must not be left empty.
func (u *AlertUpdate) put(sp *dialectSpec, b map[string]any) error {
	if err := putTitle(b, "alert title", u.Title); err != nil {
		return err
	}
	if err := putRequired(b, "description", "alert description", u.Description); err != nil {
		return err
	}
	if err := putRequired(b, "externalLink", "alert external link", u.ExternalLink); err != nil {
		return err
	}
	if err := putSeverity(b, "alert severity", u.Severity); err != nil {
		return err
	}
	putDate(b, "date", u.Date)
	if err := u.putV1Only(sp, b); err != nil {
		return err
	}
	if err := sp.putMarks(b, "alert", u.Tags, nil, u.TLP, u.PAP); err != nil {
		return err
	}
	putPtr(b, "follow", u.Follow)
	putNullable(b, "summary", u.Summary)
	if err := sp.putCustomFields(b, u.CustomFields, u.ReplaceCustomFields); err != nil {
		return err
	}
	return nothing(b, "alert update")
}

// putV1Only writes the fields only TheHive 5 takes, or refuses them for
// TheHive 3/4.
func (u *AlertUpdate) putV1Only(sp *dialectSpec, b map[string]any) error {
	if u.Status != nil {
		if !sp.alertStatusSet {
			return sp.unsupported("alert status", "an alert's status cannot be set",
				"it follows from MarkRead, MarkUnread and the alert's case")
		}
		if *u.Status == "" {
			return inputErr("alert status", "is empty")
		}
		b["status"] = string(*u.Status)
	}
	if !u.Assignee.IsZero() {
		if !sp.alertStatusSet {
			return sp.unsupported("alert assignee", "alerts have no assignee", "")
		}
		putNullable(b, "assignee", u.Assignee)
	}
	return sp.putTagDeltas(b, "alert update", u.AddTags, u.RemoveTags)
}
