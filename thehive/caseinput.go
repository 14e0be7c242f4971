package thehive

import (
	"strings"
	"time"

	"github.com/incidentkit/incidentkit"
)

// CaseInput is a new case. Title and Description are required; a nil
// pointer or zero value leaves a field to the server's default, while a
// non-nil pointer is always sent, so TLP 0 (CLEAR) and Flag false reach the
// server: TLP: incidentkit.Ptr(thehive.TLPClear).
type CaseInput struct {
	// Title (at most 512 characters) and Description are required.
	Title       string
	Description string
	// Severity is 1-4; zero leaves the server's default (Medium).
	Severity Severity
	// StartDate is when the case started; zero means now. EndDate is
	// rarely set on a new case.
	StartDate time.Time
	EndDate   time.Time
	// Tags are the case's tags.
	Tags []string
	// Flag marks the case for attention.
	Flag *bool
	// TLP and PAP are the sharing levels; nil leaves the server's default
	// (AMBER).
	TLP *TLP
	PAP *PAP
	// Status is the initial status (V1; zero means New).
	Status CaseStatus
	// Summary is a summary of the case.
	Summary string
	// Assignee is the owner's login, sent as owner to TheHive 3 and as
	// user to TheHive 4's V0 API, which takes no other name in a create.
	Assignee string
	// CustomFields are set on the new case.
	CustomFields []CustomField
	// Template names the case template to apply.
	Template string
	// Tasks are created with the case.
	Tasks []TaskInput
}

// maxTitle is TheHive 5's limit on a case or alert title, in characters.
const maxTitle = 512

// checkTitle rejects an empty or overlong title.
func checkTitle(field, title string) error {
	if err := required(field, title); err != nil {
		return err
	}
	if len([]rune(title)) > maxTitle {
		return inputErr(field, "is longer than 512 characters")
	}
	return nil
}

// checkSeverity rejects a severity outside 1-4.
func checkSeverity(s Severity, field string) error {
	if !s.Valid() {
		return inputErr(field, s.String()+" is outside 1-4")
	}
	return nil
}

// put checks in and writes its create body for the dialect of sp to b.
// The fields a create shares with an update are written as a CaseUpdate
// setting them would write them.
func (in *CaseInput) put(sp *dialectSpec, b map[string]any) error {
	u := in.update()
	if err := u.put(sp, b); err != nil {
		return err
	}
	if sp.createOwnerField != sp.ownerField {
		if v, ok := b[sp.ownerField]; ok {
			delete(b, sp.ownerField)
			b[sp.createOwnerField] = v
		}
	}
	putText(b, sp.templateField, in.Template)
	return putTasks(sp, b, in.Tasks)
}

// update is the CaseUpdate that sets what in sets, all custom fields
// included.
func (in *CaseInput) update() CaseUpdate {
	return CaseUpdate{Title: &in.Title, Description: &in.Description, Severity: orNil(in.Severity),
		StartDate: timeOrNil(in.StartDate), EndDate: timeOrNil(in.EndDate), Tags: in.Tags, Flag: in.Flag,
		TLP: in.TLP, PAP: in.PAP, Status: orNil(in.Status), Summary: setOrKeep(in.Summary),
		Assignee: setOrKeep(in.Assignee), CustomFields: in.CustomFields, ReplaceCustomFields: true}
}

// putTasks writes the tasks of a new case, when there are any.
func putTasks(sp *dialectSpec, b map[string]any, tasks []TaskInput) error {
	if len(tasks) == 0 {
		return nil
	}
	list, err := bodies(sp, tasks)
	if err != nil {
		return err
	}
	b["tasks"] = list
	return nil
}

// CaseUpdate changes some fields of a case; nil pointers and zero
// Nullables leave fields unchanged. Summary, Assignee and ImpactStatus can
// be emptied with incidentkit.Clear, which sends JSON null.
type CaseUpdate struct {
	// Title, Description and Severity replace the case's; they cannot be
	// emptied.
	Title       *string
	Description *string
	Severity    *Severity
	// StartDate and EndDate move the case's dates.
	StartDate *time.Time
	EndDate   *time.Time
	// Tags, when non-nil, replaces all tags (an empty slice removes them).
	Tags []string
	// AddTags and RemoveTags change single tags (V1 only).
	AddTags    []string
	RemoveTags []string
	// Flag sets or removes the flag.
	Flag *bool
	// TLP and PAP change the sharing levels.
	TLP *TLP
	PAP *PAP
	// Status changes the status; to close a case use Close.
	Status *CaseStatus
	// Summary, Assignee and ImpactStatus are set with incidentkit.Set and
	// emptied with incidentkit.Clear.
	Summary      incidentkit.Nullable[string]
	Assignee     incidentkit.Nullable[string]
	ImpactStatus incidentkit.Nullable[ImpactStatus]
	// CustomFields sets the given fields and keeps the others; with
	// ReplaceCustomFields they replace all custom fields (V1; TheHive 3/4
	// always merges).
	CustomFields        []CustomField
	ReplaceCustomFields bool
}

// put checks the fields u sets and writes them for the dialect of sp to
// b, which must not be left empty.
func (u *CaseUpdate) put(sp *dialectSpec, b map[string]any) error {
	if err := putTitle(b, "case title", u.Title); err != nil {
		return err
	}
	if err := putRequired(b, "description", "case description", u.Description); err != nil {
		return err
	}
	if err := putSeverity(b, "case severity", u.Severity); err != nil {
		return err
	}
	putDate(b, "startDate", u.StartDate)
	putDate(b, "endDate", u.EndDate)
	if err := sp.putTagDeltas(b, "case update", u.AddTags, u.RemoveTags); err != nil {
		return err
	}
	if err := sp.putMarks(b, "case", u.Tags, u.Flag, u.TLP, u.PAP); err != nil {
		return err
	}
	if u.Status != nil {
		if *u.Status == "" {
			return inputErr("case status", "is empty")
		}
		b["status"] = string(*u.Status)
	}
	putNullable(b, "summary", u.Summary)
	putNullable(b, sp.ownerField, u.Assignee)
	putNullable(b, "impactStatus", u.ImpactStatus)
	if err := sp.putCustomFields(b, u.CustomFields, u.ReplaceCustomFields); err != nil {
		return err
	}
	return nothing(b, "case update")
}

// CaseClose closes a case.
type CaseClose struct {
	// Status is how the case ends: StatusTruePositive, StatusFalsePositive,
	// StatusIndeterminate, StatusOther or StatusDuplicated. V1 sends it as
	// the status; V0 sets status Resolved and sends it as resolutionStatus.
	Status CaseStatus
	// ImpactStatus says whether the incident had an impact (optional).
	ImpactStatus ImpactStatus
	// Summary is the closing summary (required by TheHive 3/4).
	Summary string
}

// put checks cl and writes the closing update for the dialect of sp to b.
func (cl *CaseClose) put(sp *dialectSpec, b map[string]any) error {
	if !cl.Status.closing() {
		return inputErr("closing status", "must be TruePositive, FalsePositive, Indeterminate, Other or Duplicated, got "+
			"\""+string(cl.Status)+"\"")
	}
	if sp.closeNeedsSummary && strings.TrimSpace(cl.Summary) == "" {
		return inputErr("closing summary", "is empty ("+sp.label+" requires one)")
	}
	b["status"] = string(cl.Status)
	if sp.resolvedStatus != "" {
		b["status"] = string(sp.resolvedStatus)
		b["resolutionStatus"] = string(cl.Status)
	}
	putText(b, "impactStatus", cl.ImpactStatus)
	putText(b, "summary", cl.Summary)
	return nil
}
