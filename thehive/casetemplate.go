package thehive

import (
	"encoding/json"
)

// CaseTemplate is a case template: the title prefix, fields, tasks and
// custom fields a case made from it starts with.
type CaseTemplate struct {
	Record
	// Name identifies the template (unique in an organisation); cases and
	// alerts name it in their template field. DisplayName is its label.
	Name        string `json:"name"`
	DisplayName string `json:"displayName,omitempty"`
	// TitlePrefix starts the title of every case made from the template.
	TitlePrefix string `json:"titlePrefix,omitempty"`
	// Description, Severity, Tags, Flag, TLP, PAP and Summary are the
	// new case's; TLP is read like Case.TLP.
	Description string   `json:"description,omitempty"`
	Severity    Severity `json:"severity,omitempty"`
	Tags        []string `json:"tags"`
	Flag        bool     `json:"flag"`
	TLP         TLP      `json:"tlp"`
	TLPLabel    string   `json:"tlpLabel,omitempty"`
	PAP         PAP      `json:"pap"`
	Summary     string   `json:"summary,omitempty"`
	// CustomFields are the new case's custom fields.
	CustomFields CustomFields `json:"customFields,omitempty"`
	// Tasks are the tasks the new case gets.
	Tasks []Task `json:"tasks,omitempty"`
	// Raw is the template as the server sent it.
	Raw json.RawMessage `json:"-"`
}

// caseTemplateWire decodes a case template from either dialect.
type caseTemplateWire struct {
	CaseTemplate
	v0Record
}

func (w *caseTemplateWire) record(sp *dialectSpec, raw json.RawMessage) *CaseTemplate {
	return legacy(&w.CaseTemplate, &w.v0Record, sp, raw)
}

func (t *CaseTemplate) finish(sp *dialectSpec, raw json.RawMessage) {
	t.TLP = sp.readTLP(t.TLP, t.TLPLabel)
	t.Raw = raw
}

// CaseTemplateInput is a new case template; Name is required.
type CaseTemplateInput struct {
	// Name identifies the template; DisplayName is its label.
	Name        string
	DisplayName string
	// TitlePrefix starts the title of every case made from it.
	TitlePrefix string
	// Description, Severity (zero for none), Tags, Flag, TLP, PAP and
	// Summary are the new case's.
	Description string
	Severity    Severity
	Tags        []string
	Flag        *bool
	TLP         *TLP
	PAP         *PAP
	Summary     string
	// CustomFields are the new case's custom fields.
	CustomFields []CustomField
	// Tasks are the tasks the new case gets.
	Tasks []TaskInput
}

// put checks in and writes its create body for the dialect of sp to b.
func (in *CaseTemplateInput) put(sp *dialectSpec, b map[string]any) error {
	if err := required("template name", in.Name); err != nil {
		return err
	}
	u := CaseTemplateUpdate{DisplayName: orNil(in.DisplayName), TitlePrefix: orNil(in.TitlePrefix),
		Description: orNil(in.Description), Severity: orNil(in.Severity), Tags: in.Tags, Flag: in.Flag, TLP: in.TLP,
		PAP: in.PAP, Summary: orNil(in.Summary), CustomFields: in.CustomFields, Tasks: in.Tasks}
	b["name"] = in.Name
	return u.put(sp, b)
}

// CaseTemplateUpdate changes some fields of a case template; nil pointers
// and nil slices leave fields unchanged.
type CaseTemplateUpdate struct {
	// Name renames the template.
	Name *string
	// DisplayName, TitlePrefix, Description and Summary replace the
	// template's.
	DisplayName *string
	TitlePrefix *string
	Description *string
	Summary     *string
	// Severity, Flag, TLP and PAP replace the template's.
	Severity *Severity
	Flag     *bool
	TLP      *TLP
	PAP      *PAP
	// Tags, when non-nil, replaces all tags.
	Tags []string
	// CustomFields, when non-nil, replaces all custom fields.
	CustomFields []CustomField
	// Tasks, when non-nil, replaces all tasks.
	Tasks []TaskInput
}

// put checks the fields u sets and writes them for the dialect of sp to b.
func (u *CaseTemplateUpdate) put(sp *dialectSpec, b map[string]any) error {
	if err := putRequired(b, "name", "template name", u.Name); err != nil {
		return err
	}
	for key, v := range map[string]*string{"displayName": u.DisplayName, "titlePrefix": u.TitlePrefix,
		"description": u.Description, "summary": u.Summary} {
		putPtr(b, key, v)
	}
	if err := putSeverity(b, "template severity", u.Severity); err != nil {
		return err
	}
	if err := sp.putMarks(b, "template", u.Tags, u.Flag, u.TLP, u.PAP); err != nil {
		return err
	}
	if err := sp.putCustomFields(b, u.CustomFields, true); err != nil {
		return err
	}
	if u.Tasks != nil {
		tasks, err := bodies(sp, u.Tasks)
		if err != nil {
			return err
		}
		b["tasks"] = tasks
	}
	return nothing(b, "template update")
}
