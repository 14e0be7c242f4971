package servicenow

import "encoding/json"

// decodeCode reads a choice field: a bare value or {"value","display_value"}.
func decodeCode(b []byte) (string, error) {
	if v, ok := quickString(b); ok {
		return v, nil
	}
	var f Field
	if err := f.UnmarshalJSON(b); err != nil {
		return "", err
	}
	return f.Value, nil
}

func name(names map[string]string, v string) string {
	if n, ok := names[v]; ok {
		return n
	}
	if v == "" {
		return "(none)"
	}
	return "unknown(" + v + ")"
}

// State is an incident's state. Instances may add values; unknown ones are
// kept as they came.
type State string

// Incident states.
const (
	StateNew        State = "1"
	StateInProgress State = "2"
	StateOnHold     State = "3"
	StateResolved   State = "6"
	StateClosed     State = "7"
	StateCanceled   State = "8"
)

var stateNames = map[string]string{"1": "New", "2": "In Progress", "3": "On Hold", "6": "Resolved", "7": "Closed", "8": "Canceled"}

// String returns the state's name.
func (s State) String() string { return name(stateNames, string(s)) }

// Known reports whether s is one of the constants.
func (s State) Known() bool { _, ok := stateNames[string(s)]; return ok }

// UnmarshalJSON implements json.Unmarshaler.
func (s *State) UnmarshalJSON(b []byte) error { v, err := decodeCode(b); *s = State(v); return err }

// Impact is an incident's impact.
type Impact string

// Impact values.
const (
	ImpactHigh   Impact = "1"
	ImpactMedium Impact = "2"
	ImpactLow    Impact = "3"
)

var levelNames = map[string]string{"1": "High", "2": "Medium", "3": "Low"}

// String returns the impact's name.
func (i Impact) String() string { return name(levelNames, string(i)) }

// UnmarshalJSON implements json.Unmarshaler.
func (i *Impact) UnmarshalJSON(b []byte) error { v, err := decodeCode(b); *i = Impact(v); return err }

// Urgency is an incident's urgency.
type Urgency string

// Urgency values.
const (
	UrgencyHigh   Urgency = "1"
	UrgencyMedium Urgency = "2"
	UrgencyLow    Urgency = "3"
)

// String returns the urgency's name.
func (u Urgency) String() string { return name(levelNames, string(u)) }

// UnmarshalJSON implements json.Unmarshaler.
func (u *Urgency) UnmarshalJSON(b []byte) error { v, err := decodeCode(b); *u = Urgency(v); return err }

// Priority is an incident's computed priority (read-only on the server).
type Priority string

// Priority values.
const (
	PriorityCritical Priority = "1"
	PriorityHigh     Priority = "2"
	PriorityModerate Priority = "3"
	PriorityLow      Priority = "4"
	PriorityPlanning Priority = "5"
)

var priorityNames = map[string]string{"1": "Critical", "2": "High", "3": "Moderate", "4": "Low", "5": "Planning"}

// String returns the priority's name.
func (p Priority) String() string { return name(priorityNames, string(p)) }

// UnmarshalJSON implements json.Unmarshaler.
func (p *Priority) UnmarshalJSON(b []byte) error {
	v, err := decodeCode(b)
	*p = Priority(v)
	return err
}

// HoldReason says why an incident is on hold.
type HoldReason string

// Hold reasons.
const (
	HoldAwaitingCaller  HoldReason = "1"
	HoldAwaitingProblem HoldReason = "3"
	HoldAwaitingVendor  HoldReason = "4"
	HoldAwaitingChange  HoldReason = "5"
)

var holdNames = map[string]string{"1": "Awaiting Caller", "3": "Awaiting Problem", "4": "Awaiting Vendor", "5": "Awaiting Change"}

// String returns the hold reason's name.
func (h HoldReason) String() string { return name(holdNames, string(h)) }

// UnmarshalJSON implements json.Unmarshaler.
func (h *HoldReason) UnmarshalJSON(b []byte) error {
	v, err := decodeCode(b)
	*h = HoldReason(v)
	return err
}

// CloseCode is the resolution code of a resolved or closed incident. Older
// releases use other texts; they are kept as they came.
type CloseCode string

// Close codes of current releases.
const (
	CloseDuplicate          CloseCode = "Duplicate"
	CloseKnownError         CloseCode = "Known error"
	CloseNoResolution       CloseCode = "No resolution provided"
	CloseResolvedByCaller   CloseCode = "Resolved by caller"
	CloseResolvedByChange   CloseCode = "Resolved by change"
	CloseResolvedByProblem  CloseCode = "Resolved by problem"
	CloseResolvedByRequest  CloseCode = "Resolved by request"
	CloseSolutionProvided   CloseCode = "Solution provided"
	CloseWorkaroundProvided CloseCode = "Workaround provided"
)

// String returns the code's text.
func (c CloseCode) String() string { return string(c) }

// UnmarshalJSON implements json.Unmarshaler.
func (c *CloseCode) UnmarshalJSON(b []byte) error {
	v, err := decodeCode(b)
	*c = CloseCode(v)
	return err
}

var _ json.Unmarshaler = (*State)(nil)
