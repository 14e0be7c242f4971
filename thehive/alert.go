package thehive

import (
	"encoding/json"
	"strings"
	"time"
)

// Alert is a TheHive 5 alert.
type Alert struct {
	Record
	// Type, Source and SourceRef identify the alert in its origin system.
	Type         string   `json:"type"`
	Source       string   `json:"source"`
	SourceRef    string   `json:"sourceRef"`
	ExternalLink string   `json:"externalLink,omitempty"`
	Title        string   `json:"title"`
	Description  string   `json:"description"`
	Severity     Severity `json:"severity"`
	Date         Time     `json:"date"`
	Tags         []string `json:"tags"`
	Flag         bool     `json:"flag"`
	// TLP is the semantic level, read like Case.TLP.
	TLP      TLP    `json:"tlp"`
	TLPLabel string `json:"tlpLabel,omitempty"`
	PAP      PAP    `json:"pap"`
	// Status is the alert's status ("New", "Updated", "Ignored",
	// "Imported" or a custom one); Stage its stage.
	Status string `json:"status"`
	Stage  string `json:"stage,omitempty"`
	// CaseID is the id of the case the alert was promoted or merged into.
	CaseID          string          `json:"caseId,omitempty"`
	Summary         string          `json:"summary,omitempty"`
	Assignee        string          `json:"assignee,omitempty"`
	CustomFields    CustomFields    `json:"customFields,omitempty"`
	ObservableCount int             `json:"observableCount,omitempty"`
	ExtraData       json.RawMessage `json:"extraData,omitempty"`
}

func (a *Alert) normalize(d Dialect) { a.TLP = decodeTLP(a.TLP, a.TLPLabel, d) }

func fixAlert(a *Alert) { a.normalize(V1) }

// AlertInput is a new alert. Type, Source, SourceRef, Title and
// Description are required; the first three must be unique together.
type AlertInput struct {
	Type         string
	Source       string
	SourceRef    string
	Title        string
	Description  string
	ExternalLink string
	// Severity is 1-4; zero leaves the server's default.
	Severity Severity
	// Date is when the alert was raised; zero means now.
	Date     time.Time
	Tags     []string
	Flag     *bool
	TLP      *TLP
	PAP      *PAP
	Summary  string
	Assignee string
	// CaseTemplate names the template a promoted case gets.
	CaseTemplate string
	CustomFields []CustomField
	// Observables are created with the alert (file observables excepted).
	Observables []ObservableInput
}

func (in *AlertInput) body() (map[string]any, error) {
	for _, f := range []struct{ name, v string }{
		{"alert type", in.Type}, {"alert source", in.Source}, {"alert sourceRef", in.SourceRef},
		{"alert description", in.Description},
	} {
		if strings.TrimSpace(f.v) == "" {
			return nil, inputErr(f.name, "is empty")
		}
	}
	if err := checkTitle("alert title", in.Title); err != nil {
		return nil, err
	}
	b := map[string]any{"type": in.Type, "source": in.Source, "sourceRef": in.SourceRef,
		"title": in.Title, "description": in.Description}
	if in.ExternalLink != "" {
		b["externalLink"] = in.ExternalLink
	}
	if in.Severity != 0 {
		if err := checkSeverity(in.Severity, "alert severity"); err != nil {
			return nil, err
		}
		b["severity"] = int(in.Severity)
	}
	putTime(b, "date", in.Date)
	if in.Tags != nil {
		b["tags"] = in.Tags
	}
	if in.Flag != nil {
		b["flag"] = *in.Flag
	}
	if err := putTLP(b, in.TLP, V1, "alert TLP"); err != nil {
		return nil, err
	}
	if err := putPAP(b, in.PAP, "alert PAP"); err != nil {
		return nil, err
	}
	if in.Summary != "" {
		b["summary"] = in.Summary
	}
	if in.Assignee != "" {
		b["assignee"] = in.Assignee
	}
	if in.CaseTemplate != "" {
		b["caseTemplate"] = in.CaseTemplate
	}
	if len(in.CustomFields) > 0 {
		cf, err := encodeCustomFields(in.CustomFields, V1, true)
		if err != nil {
			return nil, err
		}
		b["customFields"] = cf
	}
	if len(in.Observables) > 0 {
		obs := make([]map[string]any, 0, len(in.Observables))
		for i := range in.Observables {
			o, err := in.Observables[i].body(V1, false)
			if err != nil {
				return nil, err
			}
			// TheHive 5 takes an observable's data as an array here.
			if s, ok := o["data"].(string); ok {
				o["data"] = []string{s}
			}
			obs = append(obs, o)
		}
		b["observables"] = obs
	}
	return b, nil
}

// PromoteInput sets fields of the case an alert is promoted to; the zero
// value keeps the alert's own.
type PromoteInput struct {
	// CaseTemplate names the template to apply to the new case.
	CaseTemplate string
	Title        string
	Assignee     string
}

func (in *PromoteInput) body() (map[string]any, error) {
	b := map[string]any{}
	if in.CaseTemplate != "" {
		b["caseTemplate"] = in.CaseTemplate
	}
	if in.Title != "" {
		if err := checkTitle("case title", in.Title); err != nil {
			return nil, err
		}
		b["title"] = in.Title
	}
	if in.Assignee != "" {
		b["assignee"] = in.Assignee
	}
	return b, nil
}
