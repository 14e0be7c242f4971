package thehive

import (
	"strings"
	"time"
)

// CaseInput is a new case. Title and Description are required; a nil
// pointer or zero value leaves a field to the server's default, while a
// non-nil pointer is always sent, so TLP 0 (CLEAR) and Flag false reach the
// server.
type CaseInput struct {
	Title       string
	Description string
	// Severity is 1-4; zero leaves the server's default (Medium).
	Severity  Severity
	StartDate time.Time
	EndDate   time.Time
	Tags      []string
	Flag      *bool
	TLP       *TLP
	PAP       *PAP
	// Status is the initial status (V1; zero means New).
	Status  CaseStatus
	Summary string
	// Assignee is the owner's login (sent as owner in V0).
	Assignee     string
	CustomFields []CustomField
	// Template names the case template to apply.
	Template string
	// Tasks are created with the case.
	Tasks []TaskInput
}

// maxTitle is TheHive 5's limit on a case or alert title, in characters.
const maxTitle = 512

func checkTitle(field, title string) error {
	if strings.TrimSpace(title) == "" {
		return inputErr(field, "is empty")
	}
	if len([]rune(title)) > maxTitle {
		return inputErr(field, "is longer than 512 characters")
	}
	return nil
}

func checkSeverity(s Severity, field string) error {
	if !s.Valid() {
		return inputErr(field, s.String()+" is outside 1-4")
	}
	return nil
}

// putTLP and putPAP check and write optional levels.
func putTLP(body map[string]any, t *TLP, d Dialect, field string) error {
	if t == nil {
		return nil
	}
	n, err := encodeTLP(*t, d, field)
	if err != nil {
		return err
	}
	body["tlp"] = n
	return nil
}

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

func putTime(body map[string]any, key string, t time.Time) {
	if !t.IsZero() {
		body[key] = millis(t)
	}
}

func (in *CaseInput) body(d Dialect) (map[string]any, error) {
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
	if err := putTLP(b, in.TLP, d, "case TLP"); err != nil {
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
		b[ownerKey(d)] = in.Assignee
	}
	if len(in.CustomFields) > 0 {
		cf, err := encodeCustomFields(in.CustomFields, d, true)
		if err != nil {
			return nil, err
		}
		b["customFields"] = cf
	}
	if in.Template != "" {
		if d == V0 {
			b["template"] = in.Template
		} else {
			b["caseTemplate"] = in.Template
		}
	}
	if len(in.Tasks) > 0 {
		tasks := make([]map[string]any, 0, len(in.Tasks))
		for i := range in.Tasks {
			t, err := in.Tasks[i].body(d)
			if err != nil {
				return nil, err
			}
			tasks = append(tasks, t)
		}
		b["tasks"] = tasks
	}
	return b, nil
}

func ownerKey(d Dialect) string {
	if d == V0 {
		return "owner"
	}
	return "assignee"
}

// CaseUpdate changes some fields of a case; nil pointers and unset
// Nullables leave fields unchanged. Summary, Assignee and ImpactStatus can
// be cleared with Clear.
type CaseUpdate struct {
	Title       *string
	Description *string
	Severity    *Severity
	StartDate   *time.Time
	EndDate     *time.Time
	// Tags, when non-nil, replaces all tags (an empty slice removes them).
	Tags []string
	// AddTags and RemoveTags change single tags (V1 only).
	AddTags      []string
	RemoveTags   []string
	Flag         *bool
	TLP          *TLP
	PAP          *PAP
	Status       *CaseStatus
	Summary      Nullable[string]
	Assignee     Nullable[string]
	ImpactStatus Nullable[ImpactStatus]
	// CustomFields sets the given fields and keeps the others; with
	// ReplaceCustomFields they replace all custom fields (V1).
	CustomFields        []CustomField
	ReplaceCustomFields bool
}

func (u *CaseUpdate) body(d Dialect) (map[string]any, error) {
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
		if d == V0 {
			return nil, inputErr("case update", "AddTags and RemoveTags need V1; set Tags instead")
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
	if err := putTLP(b, u.TLP, d, "case TLP"); err != nil {
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
	u.Summary.put(b, "summary")
	u.Assignee.put(b, ownerKey(d))
	u.ImpactStatus.put(b, "impactStatus")
	if len(u.CustomFields) > 0 {
		cf, err := encodeCustomFields(u.CustomFields, d, u.ReplaceCustomFields)
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

func (cl *CaseClose) body(d Dialect) (map[string]any, error) {
	if !cl.Status.closing() {
		return nil, inputErr("closing status", "must be TruePositive, FalsePositive, Indeterminate, Other or Duplicated, got "+
			"\""+string(cl.Status)+"\"")
	}
	b := map[string]any{}
	if d == V0 {
		b["status"] = string(StatusResolved)
		b["resolutionStatus"] = string(cl.Status)
		if strings.TrimSpace(cl.Summary) == "" {
			return nil, inputErr("closing summary", "is empty (TheHive 3/4 requires one)")
		}
	} else {
		b["status"] = string(cl.Status)
	}
	if cl.ImpactStatus != "" {
		b["impactStatus"] = string(cl.ImpactStatus)
	}
	if cl.Summary != "" {
		b["summary"] = cl.Summary
	}
	return b, nil
}
