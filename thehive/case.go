package thehive

import "encoding/json"

// Case is a TheHive case as either dialect returns it.
type Case struct {
	Record
	// Number is the case's number in its organisation (caseId in V0).
	Number      int      `json:"number"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Severity    Severity `json:"severity"`
	StartDate   Time     `json:"startDate"`
	EndDate     Time     `json:"endDate"`
	Tags        []string `json:"tags"`
	Flag        bool     `json:"flag"`
	// TLP is the semantic level: the label wins over the number, and the
	// number is read for the client's dialect.
	TLP      TLP        `json:"tlp"`
	TLPLabel string     `json:"tlpLabel,omitempty"`
	PAP      PAP        `json:"pap"`
	Status   CaseStatus `json:"status"`
	// Stage is TheHive 5's stage (New, InProgress, Closed).
	Stage string `json:"stage,omitempty"`
	// ResolutionStatus is how a V0 case was closed.
	ResolutionStatus CaseStatus   `json:"resolutionStatus,omitempty"`
	ImpactStatus     ImpactStatus `json:"impactStatus,omitempty"`
	Summary          string       `json:"summary,omitempty"`
	// Assignee is the case owner's login (owner in V0).
	Assignee     string       `json:"assignee,omitempty"`
	CustomFields CustomFields `json:"customFields,omitempty"`
	// ExtraData holds data a query asked for beside the case.
	ExtraData json.RawMessage `json:"extraData,omitempty"`
}

// v0Case decodes a case from the /api/case API.
type v0Case struct {
	Case
	v0Record
	CaseID int    `json:"caseId"`
	Owner  string `json:"owner"`
}

func (w *v0Case) result() *Case {
	c := &w.Case
	w.fold(&c.Record)
	if c.Number == 0 {
		c.Number = w.CaseID
	}
	if c.Assignee == "" {
		c.Assignee = w.Owner
	}
	c.normalize(V0)
	return c
}

func (c *Case) normalize(d Dialect) { c.TLP = decodeTLP(c.TLP, c.TLPLabel, d) }
