package thehive

import (
	"encoding/json"
	"reflect"
	"strconv"
	"time"
)

// Alert is an alert, read from TheHive 5 or from TheHive 3/4 (whose record
// field names are folded into Record).
type Alert struct {
	Record
	// Type, Source and SourceRef identify the alert in its origin system;
	// TheHive keeps them unique together in an organisation.
	Type      string `json:"type"`
	Source    string `json:"source"`
	SourceRef string `json:"sourceRef"`
	// ExternalLink points to the alert in its origin system.
	ExternalLink string `json:"externalLink,omitempty"`
	// Title and Description say what the alert is about.
	Title       string `json:"title"`
	Description string `json:"description"`
	// Severity is 1 (low) to 4 (critical).
	Severity Severity `json:"severity"`
	// Date is when the alert was raised.
	Date Time `json:"date"`
	// Tags are the alert's tags.
	Tags []string `json:"tags"`
	// Flag marks the alert for attention.
	Flag bool `json:"flag"`
	// TLP is the semantic level, read like Case.TLP; TLPLabel is the
	// label the server sent.
	TLP      TLP    `json:"tlp"`
	TLPLabel string `json:"tlpLabel,omitempty"`
	// PAP is the Permissible Actions Protocol level.
	PAP PAP `json:"pap"`
	// Status is the alert's status (see AlertStatus); Stage is its stage
	// in TheHive 5: New, InProgress, Imported or Closed.
	Status AlertStatus `json:"status"`
	Stage  string      `json:"stage,omitempty"`
	// Follow says whether the alert is followed: a followed alert that is
	// updated after it was imported updates its case too.
	Follow bool `json:"follow"`
	// Read says whether the alert was marked read (TheHive 3/4 only).
	Read bool `json:"read,omitempty"`
	// CaseTemplate names the template a case made from the alert gets.
	CaseTemplate string `json:"caseTemplate,omitempty"`
	// NewDate, InProgressDate, ClosedDate and ImportedDate are when the
	// alert entered each stage (TheHive 5); zero for a stage it never
	// entered.
	NewDate        Time `json:"newDate"`
	InProgressDate Time `json:"inProgressDate"`
	ClosedDate     Time `json:"closedDate"`
	ImportedDate   Time `json:"importedDate"`
	// CaseID is the id of the case the alert was promoted or merged into.
	CaseID string `json:"caseId,omitempty"`
	// Summary summarises the alert.
	Summary string `json:"summary,omitempty"`
	// Assignee is the login of the analyst handling it.
	Assignee string `json:"assignee,omitempty"`
	// CustomFields holds the alert's custom fields.
	CustomFields CustomFields `json:"customFields,omitempty"`
	// ObservableCount is how many observables the alert has.
	ObservableCount int `json:"observableCount,omitempty"`
	// ExtraData holds data a query asked for beside the alert.
	ExtraData json.RawMessage `json:"extraData,omitempty"`
	// Raw is the alert as the server sent it.
	Raw json.RawMessage `json:"-"`
}

// alertWire decodes an alert from either dialect.
type alertWire struct {
	Alert
	v0Record
}

func (w *alertWire) record(sp *dialectSpec, raw json.RawMessage) *Alert {
	return legacy(&w.Alert, &w.v0Record, sp, raw)
}

func (a *Alert) finish(sp *dialectSpec, raw json.RawMessage) {
	a.TLP = sp.readTLP(a.TLP, a.TLPLabel)
	a.Raw = raw
}

// AlertInput is a new alert. Type, Source, SourceRef, Title and
// Description are required; the first three must be unique together, and
// creating a second alert with the same three fails with an error matching
// ErrAlreadyExists.
type AlertInput struct {
	// Type, Source and SourceRef identify the alert in its origin system.
	Type      string
	Source    string
	SourceRef string
	// Title (at most 512 characters) and Description say what it is
	// about.
	Title       string
	Description string
	// ExternalLink points to the alert in its origin system.
	ExternalLink string
	// Severity is 1-4; zero leaves the server's default.
	Severity Severity
	// Date is when the alert was raised; zero means now.
	Date time.Time
	// Tags are the alert's tags.
	Tags []string
	// Flag marks the alert for attention.
	Flag *bool
	// TLP and PAP are the sharing levels; nil leaves the server's default.
	TLP *TLP
	PAP *PAP
	// Summary summarises the alert.
	Summary string
	// Assignee is the login of the analyst to handle it.
	Assignee string
	// CaseTemplate names the template a promoted case gets.
	CaseTemplate string
	// CustomFields are set on the new alert.
	CustomFields []CustomField
	// Observables are created with the alert (file observables excepted).
	Observables []ObservableInput
}

// put checks in and writes its create body for the dialect of sp to b.
func (in *AlertInput) put(sp *dialectSpec, b map[string]any) error {
	for _, f := range []struct{ name, v string }{
		{name: "alert type", v: in.Type}, {name: "alert source", v: in.Source},
		{name: "alert sourceRef", v: in.SourceRef}, {name: "alert description", v: in.Description},
	} {
		if err := required(f.name, f.v); err != nil {
			return err
		}
	}
	if err := checkTitle("alert title", in.Title); err != nil {
		return err
	}
	for key, v := range map[string]string{"type": in.Type, "source": in.Source, "sourceRef": in.SourceRef,
		"title": in.Title, "description": in.Description, "externalLink": in.ExternalLink, "caseTemplate": in.CaseTemplate} {
		putText(b, key, v)
	}
	if sp.alertFieldsLimited {
		if in.PAP != nil || in.ExternalLink != "" || in.Flag != nil {
			return unsupportedIn3("alert input", "PAP, ExternalLink and Flag")
		}
		for i, o := range in.Observables {
			if o.Message == "" && len(o.Tags) == 0 {
				return inputErr("alert observable "+strconv.Itoa(i), "needs a message or tags in TheHive 3")
			}
		}
	}
	if in.Summary != "" || in.Assignee != "" {
		if !sp.alertStatusSet {
			return sp.unsupported("alert input", "alerts have no summary or assignee", "")
		}
		putText(b, "summary", in.Summary)
		putText(b, "assignee", in.Assignee)
	}
	if err := putSeverity(b, "alert severity", orNil(in.Severity)); err != nil {
		return err
	}
	putTime(b, "date", in.Date)
	if err := sp.putMarks(b, "alert", in.Tags, in.Flag, in.TLP, in.PAP); err != nil {
		return err
	}
	if err := sp.putCustomFields(b, in.CustomFields, true); err != nil {
		return err
	}
	if len(in.Observables) > 0 {
		obs, err := bodies(sp, in.Observables)
		if err != nil {
			return err
		}
		for _, o := range obs {
			if s, ok := o["data"].(string); ok && sp.alertObservableData == "array" {
				// TheHive 5 takes an observable's data as an array here.
				o["data"] = []string{s}
			}
		}
		b[sp.alertObservablesKey] = obs
	}
	return nil
}

// promoteInput is the body of a promote: the fields of a CaseInput that
// replace the alert's in the new case.
type promoteInput CaseInput

// put checks in and writes the promote body for the dialect of sp to b:
// TheHive 5's InputPromoteAlert (OpenAPI description) takes every field
// of a case; TheHive 3/4's createCase takes only {"caseTemplate": name}
// (AlertCtrl.createCase), so any other field fails there.
func (in *promoteInput) put(sp *dialectSpec, b map[string]any) error {
	putText(b, "caseTemplate", in.Template)
	rest := CaseInput(*in)
	rest.Template = ""
	if reflect.ValueOf(rest).IsZero() {
		return nil
	}
	if !sp.promoteOverrides {
		return sp.unsupported("promote input", "a promoted case takes only a template", "Update the case after")
	}
	tasks := rest.Tasks
	rest.Tasks = nil
	if !reflect.ValueOf(rest).IsZero() {
		u := rest.update()
		if rest.Title == "" {
			u.Title = nil
		}
		if rest.Description == "" {
			u.Description = nil
		}
		if err := u.put(sp, b); err != nil {
			return err
		}
	}
	return putTasks(sp, b, tasks)
}
