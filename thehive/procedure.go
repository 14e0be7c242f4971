package thehive

import (
	"encoding/json"
	"time"
)

// Procedure records that a MITRE ATT&CK technique was seen in a case or
// an alert (TheHive 5's OutputProcedure).
type Procedure struct {
	Record
	// PatternID is the technique's id, such as "T1059.006"; PatternName
	// its name.
	PatternID   string `json:"patternId"`
	PatternName string `json:"patternName,omitempty"`
	// Tactic is the tactic's short name, such as "execution";
	// TacticLabel its name.
	Tactic      string `json:"tactic,omitempty"`
	TacticLabel string `json:"tacticLabel,omitempty"`
	// OccurDate is when the technique was used.
	OccurDate Time `json:"occurDate"`
	// Description says how.
	Description string `json:"description,omitempty"`
	// Raw is the procedure as the server sent it.
	Raw json.RawMessage `json:"-"`
}

// procedureWire decodes a procedure (TheHive 5 only has them).
type procedureWire = asIs[Procedure, *Procedure]

func (p *Procedure) finish(_ *dialectSpec, raw json.RawMessage) { p.Raw = raw }

// ProcedureInput is a new procedure (TheHive 5's InputProcedure).
// PatternID and OccurDate are required; the ATT&CK catalog must be loaded
// in TheHive for the pattern to be found.
type ProcedureInput struct {
	// PatternID is the technique's id, such as "T1059.006".
	PatternID string
	// OccurDate is when the technique was used.
	OccurDate time.Time
	// Tactic is the tactic's short name, needed when the technique
	// belongs to several.
	Tactic string
	// Description says how the technique was used.
	Description string
}

// put checks in and writes its create body to b.
func (in *ProcedureInput) put(_ *dialectSpec, b map[string]any) error {
	if err := required("procedure pattern id", in.PatternID); err != nil {
		return err
	}
	if in.OccurDate.IsZero() {
		return inputErr("procedure occur date", "is zero")
	}
	b["patternId"] = in.PatternID
	b["occurDate"] = millis(in.OccurDate)
	putText(b, "tactic", in.Tactic)
	putText(b, "description", in.Description)
	return nil
}

// ProcedureUpdate changes a procedure; nil pointers leave fields
// unchanged.
type ProcedureUpdate struct {
	PatternID   *string
	OccurDate   *time.Time
	Tactic      *string
	Description *string
}

// put checks the fields u sets and writes them to b, which must not be
// left empty.
func (u *ProcedureUpdate) put(_ *dialectSpec, b map[string]any) error {
	if err := putRequired(b, "patternId", "procedure pattern id", u.PatternID); err != nil {
		return err
	}
	putDate(b, "occurDate", u.OccurDate)
	putPtr(b, "tactic", u.Tactic)
	putPtr(b, "description", u.Description)
	return nothing(b, "procedure update")
}
