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
	// Assignee is the owner's login (sent as owner in V0).
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
	if strings.TrimSpace(title) == "" {
		return inputErr(field, "is empty")
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

// putTLP checks and writes an optional TLP level for the dialect.
func (sp *dialectSpec) putTLP(body map[string]any, t *TLP, field string) error {
	if t == nil {
		return nil
	}
	n, err := sp.encodeTLP(*t, field)
	if err != nil {
		return err
	}
	body["tlp"] = n
	return nil
}

// putPAP checks and writes an optional PAP level.
func putPAP(body map[string]any, p *PAP, field string) error {
	if p == nil {
		return nil
	}
	if err := checkPAP(*p, field); err != nil {
		return err
	}
	body["pap"] = int(*p)
	return nil
}

// putTime writes a non-zero time as epoch milliseconds.
func putTime(body map[string]any, key string, t time.Time) {
	if !t.IsZero() {
		body[key] = millis(t)
	}
}

// body checks in and builds the create body for the dialect of sp.
func (in *CaseInput) body(sp *dialectSpec) (map[string]any, error) {
	if err := checkTitle("case title", in.Title); err != nil {
		return nil, err
	}
	if strings.TrimSpace(in.Description) == "" {
		return nil, inputErr("case description", "is empty")
	}
	b := map[string]any{"title": in.Title, "description": in.Description}
	if in.Severity != 0 {
		if err := checkSeverity(in.Severity, "case severity"); err != nil {
			return nil, err
		}
		b["severity"] = int(in.Severity)
	}
	putTime(b, "startDate", in.StartDate)
	putTime(b, "endDate", in.EndDate)
	if in.Tags != nil {
		b["tags"] = in.Tags
	}
	if in.Flag != nil {
		b["flag"] = *in.Flag
	}
	if err := sp.putTLP(b, in.TLP, "case TLP"); err != nil {
		return nil, err
	}
	if err := putPAP(b, in.PAP, "case PAP"); err != nil {
		return nil, err
	}
	if in.Status != "" {
		b["status"] = string(in.Status)
	}
	if in.Summary != "" {
		b["summary"] = in.Summary
	}
	if in.Assignee != "" {
		b[sp.ownerField] = in.Assignee
	}
	if len(in.CustomFields) > 0 {
		cf, err := sp.customFields(in.CustomFields, true)
		if err != nil {
			return nil, err
		}
		b["customFields"] = cf
	}
	if in.Template != "" {
		b[sp.templateField] = in.Template
	}
	if len(in.Tasks) > 0 {
		tasks := make([]map[string]any, 0, len(in.Tasks))
		for i := range in.Tasks {
			t, err := in.Tasks[i].body(sp)
			if err != nil {
				return nil, err
			}
			tasks = append(tasks, t)
		}
		b["tasks"] = tasks
	}
	return b, nil
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

// body checks u and builds the update body for the dialect of sp.
func (u *CaseUpdate) body(sp *dialectSpec) (map[string]any, error) {
	b := map[string]any{}
	if u.Title != nil {
		if err := checkTitle("case title", *u.Title); err != nil {
			return nil, err
		}
		b["title"] = *u.Title
	}
	if u.Description != nil {
		if strings.TrimSpace(*u.Description) == "" {
			return nil, inputErr("case description", "is empty")
		}
		b["description"] = *u.Description
	}
	if u.Severity != nil {
		if err := checkSeverity(*u.Severity, "case severity"); err != nil {
			return nil, err
		}
		b["severity"] = int(*u.Severity)
	}
	if u.StartDate != nil {
		b["startDate"] = millis(*u.StartDate)
	}
	if u.EndDate != nil {
		b["endDate"] = millis(*u.EndDate)
	}
	if u.Tags != nil {
		b["tags"] = u.Tags
	}
	if len(u.AddTags) > 0 || len(u.RemoveTags) > 0 {
		if !sp.tagDeltas {
			return nil, sp.unsupported("case update", "AddTags and RemoveTags are not available", "set Tags instead")
		}
		if u.AddTags != nil {
			b["addTags"] = u.AddTags
		}
		if u.RemoveTags != nil {
			b["removeTags"] = u.RemoveTags
		}
	}
	if u.Flag != nil {
		b["flag"] = *u.Flag
	}
	if err := sp.putTLP(b, u.TLP, "case TLP"); err != nil {
		return nil, err
	}
	if err := putPAP(b, u.PAP, "case PAP"); err != nil {
		return nil, err
	}
	if u.Status != nil {
		if *u.Status == "" {
			return nil, inputErr("case status", "is empty")
		}
		b["status"] = string(*u.Status)
	}
	putNullable(b, "summary", u.Summary)
	putNullable(b, sp.ownerField, u.Assignee)
	putNullable(b, "impactStatus", u.ImpactStatus)
	if len(u.CustomFields) > 0 {
		cf, err := sp.customFields(u.CustomFields, u.ReplaceCustomFields)
		if err != nil {
			return nil, err
		}
		b["customFields"] = cf
	}
	if len(b) == 0 {
		return nil, inputErr("case update", "changes nothing")
	}
	return b, nil
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

// body checks cl and builds the closing update for the dialect of sp.
func (cl *CaseClose) body(sp *dialectSpec) (map[string]any, error) {
	if !cl.Status.closing() {
		return nil, inputErr("closing status", "must be TruePositive, FalsePositive, Indeterminate, Other or Duplicated, got "+
			"\""+string(cl.Status)+"\"")
	}
	if sp.closeNeedsSummary && strings.TrimSpace(cl.Summary) == "" {
		return nil, inputErr("closing summary", "is empty ("+sp.label+" requires one)")
	}
	b := map[string]any{"status": string(cl.Status)}
	if sp.resolvedStatus != "" {
		b["status"] = string(sp.resolvedStatus)
		b["resolutionStatus"] = string(cl.Status)
	}
	if cl.ImpactStatus != "" {
		b["impactStatus"] = string(cl.ImpactStatus)
	}
	if cl.Summary != "" {
		b["summary"] = cl.Summary
	}
	return b, nil
}
