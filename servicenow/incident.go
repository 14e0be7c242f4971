package servicenow

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/jsonwalk"
	"github.com/incidentkit/incidentkit/internal/paging"
)

// Incident is a record of the incident table. Fields the struct does not
// name stay reachable through Raw and Extra.
type Incident struct {
	// SysID identifies the record; Number is the human-readable
	// INC number.
	SysID  string `json:"sys_id"`
	Number string `json:"number"`
	// ShortDescription is the title and Description the long text.
	ShortDescription string `json:"short_description"`
	Description      string `json:"description"`
	// State is where the incident is in its life cycle.
	State State `json:"state"`
	// Impact and Urgency are set by people; Priority is what the instance
	// computes from them.
	Impact   Impact   `json:"impact"`
	Urgency  Urgency  `json:"urgency"`
	Priority Priority `json:"priority"`
	// Category and Subcategory classify the incident.
	Category    string `json:"category"`
	Subcategory string `json:"subcategory"`
	// HoldReason says why an incident in StateOnHold waits.
	HoldReason HoldReason `json:"hold_reason"`
	// CloseCode and CloseNotes are the resolution of a resolved or closed
	// incident.
	CloseCode  CloseCode `json:"close_code"`
	CloseNotes string    `json:"close_notes"`
	// WorkNotes and Comments are empty in stored-value mode; with display
	// values they hold the journal as text. Read entries with Journal.
	WorkNotes string `json:"work_notes"`
	Comments  string `json:"comments"`
	// AssignmentGroup references a sys_user_group record, AssignedTo and
	// Caller sys_user records.
	AssignmentGroup Reference `json:"assignment_group"`
	AssignedTo      Reference `json:"assigned_to"`
	Caller          Reference `json:"caller_id"`
	// OpenedAt, ResolvedAt and ClosedAt mark the life cycle; CreatedOn and
	// UpdatedOn are the record's sys_ times.
	OpenedAt   Time `json:"opened_at"`
	ResolvedAt Time `json:"resolved_at"`
	ClosedAt   Time `json:"closed_at"`
	CreatedOn  Time `json:"sys_created_on"`
	UpdatedOn  Time `json:"sys_updated_on"`
	// OpenedBy, ResolvedBy and ClosedBy reference the sys_user records
	// that did so.
	OpenedBy   Reference `json:"opened_by"`
	ResolvedBy Reference `json:"resolved_by"`
	ClosedBy   Reference `json:"closed_by"`
	// CorrelationID and CorrelationDisplay tie the incident to a record of
	// another system (an integration's own key and its label).
	CorrelationID      string `json:"correlation_id"`
	CorrelationDisplay string `json:"correlation_display"`
	// ConfigurationItem (cmdb_ci), BusinessService and ServiceOffering
	// reference what the incident affects.
	ConfigurationItem Reference `json:"cmdb_ci"`
	BusinessService   Reference `json:"business_service"`
	ServiceOffering   Reference `json:"service_offering"`
	// ParentIncident references the incident this one is a child of;
	// ChildIncidents counts this one's children.
	ParentIncident Reference `json:"parent_incident"`
	ChildIncidents int       `json:"child_incidents"`
	// Active is false once the incident is resolved or closed.
	Active bool `json:"active"`
	// ReopenCount counts the reopenings (a move from Resolved or Closed
	// back to an active state), the last of them at ReopenedAt by
	// ReopenedBy; MadeSLA is false once an SLA of the incident breached.
	ReopenCount int       `json:"reopen_count"`
	ReopenedAt  Time      `json:"reopened_time"`
	ReopenedBy  Reference `json:"reopened_by"`
	MadeSLA     bool      `json:"made_sla"`
	// BusinessSTC and CalendarSTC are the business and calendar time it
	// took to resolve (ServiceNow's business_stc and calendar_stc seconds).
	BusinessSTC time.Duration `json:"business_stc"`
	CalendarSTC time.Duration `json:"calendar_stc"`
	// Escalation (0 Normal to 3 Overdue), Severity (1 High to 3 Low) and
	// ContactType (phone, email, self-service, ...) are the choice values.
	Escalation  string `json:"escalation"`
	Severity    string `json:"severity"`
	ContactType string `json:"contact_type"`
	// Raw is the record as the server sent it.
	Raw json.RawMessage `json:"-"`
}

// recordKey identifies the incident by its sys_id when listing.
func (in *Incident) recordKey() uint64 { return paging.Key(in.SysID) }

// UnmarshalJSON decodes the known fields in one pass and keeps the whole
// record in Raw. Every field accepts the shapes of each display-value mode:
// a bare value, or {"value","display_value"[,"link"]}.
func (in *Incident) UnmarshalJSON(b []byte) error { return decodeRecord(in, b, "incident") }

// raw returns where the record as sent is kept.
func (in *Incident) raw() *json.RawMessage { return &in.Raw }

// field returns a pointer to the field that the member name decodes into,
// or nil for a member the struct does not name. A *string field is read
// by text; every other field decodes itself.
func (in *Incident) field(name []byte) any {
	switch string(name) {
	case "sys_id":
		return &in.SysID
	case "number":
		return &in.Number
	case "short_description":
		return &in.ShortDescription
	case "description":
		return &in.Description
	case "state":
		return &in.State
	case "impact":
		return &in.Impact
	case "urgency":
		return &in.Urgency
	case "priority":
		return &in.Priority
	case "category":
		return &in.Category
	case "subcategory":
		return &in.Subcategory
	case "hold_reason":
		return &in.HoldReason
	case "close_code":
		return &in.CloseCode
	case "close_notes":
		return &in.CloseNotes
	case "work_notes":
		return &in.WorkNotes
	case "comments":
		return &in.Comments
	case "assignment_group":
		return &in.AssignmentGroup
	case "assigned_to":
		return &in.AssignedTo
	case "caller_id":
		return &in.Caller
	case "opened_at":
		return &in.OpenedAt
	case "resolved_at":
		return &in.ResolvedAt
	case "closed_at":
		return &in.ClosedAt
	case "sys_created_on":
		return &in.CreatedOn
	case "sys_updated_on":
		return &in.UpdatedOn
	}
	return in.integrationField(name)
}

// integrationField is field for the fields integrations use.
func (in *Incident) integrationField(name []byte) any {
	switch string(name) {
	case "opened_by":
		return &in.OpenedBy
	case "resolved_by":
		return &in.ResolvedBy
	case "closed_by":
		return &in.ClosedBy
	case "correlation_id":
		return &in.CorrelationID
	case "correlation_display":
		return &in.CorrelationDisplay
	case "cmdb_ci":
		return &in.ConfigurationItem
	case "business_service":
		return &in.BusinessService
	case "service_offering":
		return &in.ServiceOffering
	case "parent_incident":
		return &in.ParentIncident
	case "child_incidents":
		return (*intText)(&in.ChildIncidents)
	case "active":
		return (*boolText)(&in.Active)
	case "reopen_count":
		return (*intText)(&in.ReopenCount)
	case "reopened_time":
		return &in.ReopenedAt
	case "reopened_by":
		return &in.ReopenedBy
	case "made_sla":
		return (*boolText)(&in.MadeSLA)
	case "business_stc":
		return (*secondsText)(&in.BusinessSTC)
	case "calendar_stc":
		return (*secondsText)(&in.CalendarSTC)
	case "escalation":
		return &in.Escalation
	case "severity":
		return &in.Severity
	case "contact_type":
		return &in.ContactType
	}
	return nil
}

// text decodes a plain field: a string, a number or boolean as text, or the
// value (else the display value) of a display-value object.
func text(dst *string, v []byte) error {
	if s, ok := jsonwalk.Unquote(v); ok {
		*dst = string(s)
		return nil
	}
	var f Field
	if err := f.UnmarshalJSON(v); err != nil {
		return err
	}
	*dst = f.Value
	if f.Value == "" {
		*dst = f.DisplayValue
	}
	return nil
}

// Extra decodes the named field of Raw into v (for custom u_ fields and
// anything else the struct does not name). It reports whether the field
// was present.
func (in *Incident) Extra(field string, v any) (bool, error) {
	if len(in.Raw) == 0 {
		return false, nil
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(in.Raw, &m); err != nil {
		return false, err
	}
	raw, ok := m[field]
	if !ok {
		return false, nil
	}
	return true, json.Unmarshal(raw, v)
}

// IncidentInput holds the fields to set on create or update. A field left
// at its zero value is not sent.
//
// Fields the instance lets you empty are incidentkit.Nullable:
// incidentkit.Set(v) sends v, incidentkit.Clear[T]() empties the field
// (ServiceNow receives ""). Fields that can only be given a value are
// pointers, filled with incidentkit.Ptr; a pointer to an empty value is
// refused.
type IncidentInput struct {
	// ShortDescription is the incident's title; required on create.
	ShortDescription *string
	// Description is the long text.
	Description incidentkit.Nullable[string]
	// State is the incident's state; an unknown value is refused. Resolve,
	// Close and Reopen set it with the fields the instance demands.
	State *State
	// Impact and Urgency set the priority the instance computes.
	Impact  *Impact
	Urgency *Urgency
	// Category and Subcategory classify the incident.
	Category    incidentkit.Nullable[string]
	Subcategory incidentkit.Nullable[string]
	// HoldReason says why an incident in StateOnHold waits.
	HoldReason incidentkit.Nullable[HoldReason]
	// CloseCode and CloseNotes are the resolution; the instance requires
	// both to resolve or close.
	CloseCode  incidentkit.Nullable[CloseCode]
	CloseNotes incidentkit.Nullable[string]
	// AssignmentGroup, AssignedTo and Caller are references, set by sys_id:
	// of a sys_user_group record for the group, of sys_user records for the
	// others.
	AssignmentGroup incidentkit.Nullable[string]
	AssignedTo      incidentkit.Nullable[string]
	Caller          incidentkit.Nullable[string]
	// CorrelationID and CorrelationDisplay tie the incident to a record of
	// another system.
	CorrelationID      incidentkit.Nullable[string]
	CorrelationDisplay incidentkit.Nullable[string]
	// ConfigurationItem, BusinessService, ServiceOffering and
	// ParentIncident are references, set by sys_id.
	ConfigurationItem incidentkit.Nullable[string]
	BusinessService   incidentkit.Nullable[string]
	ServiceOffering   incidentkit.Nullable[string]
	ParentIncident    incidentkit.Nullable[string]
	// Severity and ContactType are choice values, set by value.
	Severity    incidentkit.Nullable[string]
	ContactType incidentkit.Nullable[string]
	// Fields sets further fields by name (custom u_ fields, for example),
	// each value sent as given ("" empties the field). Where a named field
	// above is set or cleared, it wins over an entry here; the journal
	// fields work_notes and comments are refused (use AddWorkNote and
	// AddComment).
	Fields map[string]string
}

// MarshalJSON writes the fields to send, in the struct's order and then
// Fields by name; a cleared field is written as "".
func (in IncidentInput) MarshalJSON() ([]byte, error) {
	w := objectWriter{}
	setPtr(&w, "short_description", in.ShortDescription)
	w.null("description", in.Description)
	setPtr(&w, "state", in.State)
	setPtr(&w, "impact", in.Impact)
	setPtr(&w, "urgency", in.Urgency)
	w.null("category", in.Category)
	w.null("subcategory", in.Subcategory)
	w.null("hold_reason", nullText(in.HoldReason))
	w.null("close_code", nullText(in.CloseCode))
	w.null("close_notes", in.CloseNotes)
	w.null("assignment_group", in.AssignmentGroup)
	w.null("assigned_to", in.AssignedTo)
	w.null("caller_id", in.Caller)
	w.null("correlation_id", in.CorrelationID)
	w.null("correlation_display", in.CorrelationDisplay)
	w.null("cmdb_ci", in.ConfigurationItem)
	w.null("business_service", in.BusinessService)
	w.null("service_offering", in.ServiceOffering)
	w.null("parent_incident", in.ParentIncident)
	w.null("severity", in.Severity)
	w.null("contact_type", in.ContactType)
	names := make([]string, 0, len(in.Fields))
	for k := range in.Fields {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if !w.has(k) {
			w.field(k, in.Fields[k])
		}
	}
	return w.bytes(), nil
}

// check refuses an input that cannot be sent as it is.
func (in *IncidentInput) check() error {
	if in == nil {
		return inputErr("incident", "is nil")
	}
	if in.ShortDescription != nil && strings.TrimSpace(*in.ShortDescription) == "" {
		return inputErr("short description", "is empty; it cannot be emptied")
	}
	if in.State != nil && !in.State.Known() {
		return inputErr("state", "unknown value "+strconv.Quote(string(*in.State)))
	}
	if in.Impact != nil && *in.Impact == "" {
		return inputErr("impact", "is empty; it cannot be emptied")
	}
	if in.Urgency != nil && *in.Urgency == "" {
		return inputErr("urgency", "is empty; it cannot be emptied")
	}
	for k := range in.Fields {
		if k == "" || k == "work_notes" || k == "comments" {
			return inputErr("fields", "use AddWorkNote/AddComment for journal fields, and name every field")
		}
	}
	return nil
}
