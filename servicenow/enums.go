package servicenow

import "encoding/json"

// choices names the values of a choice field.
type choices[T ~string] map[T]string

// name returns v's name, "(none)" for the empty value and "unknown(v)" for
// a value that is not listed.
func (c choices[T]) name(v T) string {
	if n, ok := c[v]; ok {
		return n
	}
	if v == "" {
		return "(none)"
	}
	return "unknown(" + string(v) + ")"
}

// known reports whether v is listed.
func (c choices[T]) known(v T) bool {
	_, ok := c[v]
	return ok
}

// code returns the value whose name is label, if one is.
func (c choices[T]) code(label string) (T, bool) {
	for v, n := range c {
		if n == label {
			return v, true
		}
	}
	return "", false
}

// decodeChoice reads a choice field into dst: a bare value or
// {"value","display_value"}, of which the value is kept. On error dst is
// emptied.
func decodeChoice[T ~string](dst *T, b []byte) error {
	if v, ok := quickString(b); ok {
		*dst = T(v)
		return nil
	}
	var f Field
	if err := f.UnmarshalJSON(b); err != nil {
		*dst = ""
		return err
	}
	*dst = T(f.Value)
	return nil
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

var stateNames = choices[State]{"1": "New", "2": "In Progress", "3": "On Hold", "6": "Resolved", "7": "Closed", "8": "Canceled"}

// String returns the state's name.
func (s State) String() string { return stateNames.name(s) }

// Known reports whether s is one of the constants.
func (s State) Known() bool { return stateNames.known(s) }

// UnmarshalJSON implements json.Unmarshaler.
func (s *State) UnmarshalJSON(b []byte) error { return decodeChoice(s, b) }

// Impact is an incident's impact.
type Impact string

// Impact values.
const (
	ImpactHigh   Impact = "1"
	ImpactMedium Impact = "2"
	ImpactLow    Impact = "3"
)

// levelNames names the levels of impact and urgency alike.
var levelNames = choices[string]{"1": "High", "2": "Medium", "3": "Low"}

// String returns the impact's name.
func (i Impact) String() string { return levelNames.name(string(i)) }

// UnmarshalJSON implements json.Unmarshaler.
func (i *Impact) UnmarshalJSON(b []byte) error { return decodeChoice(i, b) }

// Urgency is an incident's urgency.
type Urgency string

// Urgency values.
const (
	UrgencyHigh   Urgency = "1"
	UrgencyMedium Urgency = "2"
	UrgencyLow    Urgency = "3"
)

// String returns the urgency's name.
func (u Urgency) String() string { return levelNames.name(string(u)) }

// UnmarshalJSON implements json.Unmarshaler.
func (u *Urgency) UnmarshalJSON(b []byte) error { return decodeChoice(u, b) }

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

var priorityNames = choices[Priority]{"1": "Critical", "2": "High", "3": "Moderate", "4": "Low", "5": "Planning"}

// String returns the priority's name.
func (p Priority) String() string { return priorityNames.name(p) }

// UnmarshalJSON implements json.Unmarshaler.
func (p *Priority) UnmarshalJSON(b []byte) error { return decodeChoice(p, b) }

// HoldReason says why an incident is on hold.
type HoldReason string

// Hold reasons.
const (
	HoldAwaitingCaller  HoldReason = "1"
	HoldAwaitingProblem HoldReason = "3"
	HoldAwaitingVendor  HoldReason = "4"
	HoldAwaitingChange  HoldReason = "5"
)

var holdNames = choices[HoldReason]{"1": "Awaiting Caller", "3": "Awaiting Problem", "4": "Awaiting Vendor", "5": "Awaiting Change"}

// String returns the hold reason's name.
func (h HoldReason) String() string { return holdNames.name(h) }

// UnmarshalJSON implements json.Unmarshaler.
func (h *HoldReason) UnmarshalJSON(b []byte) error { return decodeChoice(h, b) }

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
func (c *CloseCode) UnmarshalJSON(b []byte) error { return decodeChoice(c, b) }

var _ json.Unmarshaler = (*State)(nil)
