package thehive

import "encoding/json"

// Case is a TheHive case as either dialect returns it.
type Case struct {
	Record
	// Number is the case's number in its organisation (caseId in V0).
	Number int `json:"number"`
	// Title and Description say what the case is about.
	Title       string `json:"title"`
	Description string `json:"description"`
	// Severity is 1 (low) to 4 (critical).
	Severity Severity `json:"severity"`
	// StartDate is when the case started; EndDate when it was closed
	// (zero while open).
	StartDate Time `json:"startDate"`
	EndDate   Time `json:"endDate"`
	// Tags are the case's tags.
	Tags []string `json:"tags"`
	// Flag marks a case for attention.
	Flag bool `json:"flag"`
	// TLP is the semantic level: the label wins over the number, and the
	// number is read for the client's dialect. TLPLabel is the label the
	// server sent, when it sent one.
	TLP      TLP    `json:"tlp"`
	TLPLabel string `json:"tlpLabel,omitempty"`
	// PAP is the Permissible Actions Protocol level.
	PAP PAP `json:"pap"`
	// Status is the case's status; TheHive 5 allows custom ones.
	Status CaseStatus `json:"status"`
	// Stage is TheHive 5's stage (New, InProgress, Closed).
	Stage string `json:"stage,omitempty"`
	// ResolutionStatus is how a V0 case was closed.
	ResolutionStatus CaseStatus `json:"resolutionStatus,omitempty"`
	// ImpactStatus says whether a closed case had an impact.
	ImpactStatus ImpactStatus `json:"impactStatus,omitempty"`
	// Summary is the closing summary.
	Summary string `json:"summary,omitempty"`
	// Assignee is the case owner's login (owner in V0).
	Assignee string `json:"assignee,omitempty"`
	// CustomFields holds the case's custom fields, in either form TheHive
	// sends them.
	CustomFields CustomFields `json:"customFields,omitempty"`
	// ExtraData holds data a query asked for beside the case.
	ExtraData json.RawMessage `json:"extraData,omitempty"`
	// Raw is the case as the server sent it, for fields this type does
	// not name.
	Raw json.RawMessage `json:"-"`
}

// caseWire decodes a case from either dialect.
type caseWire struct {
	Case
	v0Record
	CaseID int    `json:"caseId"`
	Owner  string `json:"owner"`
}

func (w *caseWire) record(sp *dialectSpec, raw json.RawMessage) *Case {
	if w.Number == 0 {
		w.Number = w.CaseID
	}
	if w.Assignee == "" {
		w.Assignee = w.Owner
	}
	return legacy(&w.Case, &w.v0Record, sp, raw)
}

func (c *Case) finish(sp *dialectSpec, raw json.RawMessage) {
	c.TLP = sp.readTLP(c.TLP, c.TLPLabel)
	c.Raw = raw
}
