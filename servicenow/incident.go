package servicenow

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/incidentkit/incidentkit/internal/jsonwalk"
)

// Incident is a record of the incident table. Fields the struct does not
// name stay reachable through Raw and Extra.
type Incident struct {
	SysID            string     `json:"sys_id"`
	Number           string     `json:"number"`
	ShortDescription string     `json:"short_description"`
	Description      string     `json:"description"`
	State            State      `json:"state"`
	Impact           Impact     `json:"impact"`
	Urgency          Urgency    `json:"urgency"`
	Priority         Priority   `json:"priority"`
	Category         string     `json:"category"`
	Subcategory      string     `json:"subcategory"`
	HoldReason       HoldReason `json:"hold_reason"`
	CloseCode        CloseCode  `json:"close_code"`
	CloseNotes       string     `json:"close_notes"`
	// WorkNotes and Comments are empty in stored-value mode; with display
	// values they hold the journal as text. Read entries with Journal.
	WorkNotes       string    `json:"work_notes"`
	Comments        string    `json:"comments"`
	AssignmentGroup Reference `json:"assignment_group"`
	AssignedTo      Reference `json:"assigned_to"`
	Caller          Reference `json:"caller_id"`
	OpenedAt        Time      `json:"opened_at"`
	ResolvedAt      Time      `json:"resolved_at"`
	ClosedAt        Time      `json:"closed_at"`
	CreatedOn       Time      `json:"sys_created_on"`
	UpdatedOn       Time      `json:"sys_updated_on"`
	// Raw is the record as the server sent it.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes the known fields in one pass and keeps the whole
// record in Raw. Every field accepts the shapes of each display-value mode:
// a bare value, or {"value","display_value"[,"link"]}.
func (in *Incident) UnmarshalJSON(b []byte) error {
	if string(bytes.TrimSpace(b)) == "null" {
		return nil
	}
	var out Incident
	err := jsonwalk.Object(b, func(name, v []byte) error {
		switch string(name) {
		case "sys_id":
			return text(&out.SysID, v)
		case "number":
			return text(&out.Number, v)
		case "short_description":
			return text(&out.ShortDescription, v)
		case "description":
			return text(&out.Description, v)
		case "state":
			return out.State.UnmarshalJSON(v)
		case "impact":
			return out.Impact.UnmarshalJSON(v)
		case "urgency":
			return out.Urgency.UnmarshalJSON(v)
		case "priority":
			return out.Priority.UnmarshalJSON(v)
		case "category":
			return text(&out.Category, v)
		case "subcategory":
			return text(&out.Subcategory, v)
		case "hold_reason":
			return out.HoldReason.UnmarshalJSON(v)
		case "close_code":
			return out.CloseCode.UnmarshalJSON(v)
		case "close_notes":
			return text(&out.CloseNotes, v)
		case "work_notes":
			return text(&out.WorkNotes, v)
		case "comments":
			return text(&out.Comments, v)
		case "assignment_group":
			return out.AssignmentGroup.UnmarshalJSON(v)
		case "assigned_to":
			return out.AssignedTo.UnmarshalJSON(v)
		case "caller_id":
			return out.Caller.UnmarshalJSON(v)
		case "opened_at":
			return out.OpenedAt.UnmarshalJSON(v)
		case "resolved_at":
			return out.ResolvedAt.UnmarshalJSON(v)
		case "closed_at":
			return out.ClosedAt.UnmarshalJSON(v)
		case "sys_created_on":
			return out.CreatedOn.UnmarshalJSON(v)
		case "sys_updated_on":
			return out.UpdatedOn.UnmarshalJSON(v)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("servicenow: incident: %w", err)
	}
	out.Raw = append(json.RawMessage(nil), b...)
	*in = out
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

// IncidentInput holds the fields to set on create or update. A nil field
// is not sent; a pointer to "" clears the field.
type IncidentInput struct {
	ShortDescription *string     `json:"short_description,omitempty"`
	Description      *string     `json:"description,omitempty"`
	State            *State      `json:"state,omitempty"`
	Impact           *Impact     `json:"impact,omitempty"`
	Urgency          *Urgency    `json:"urgency,omitempty"`
	Category         *string     `json:"category,omitempty"`
	Subcategory      *string     `json:"subcategory,omitempty"`
	HoldReason       *HoldReason `json:"hold_reason,omitempty"`
	CloseCode        *CloseCode  `json:"close_code,omitempty"`
	CloseNotes       *string     `json:"close_notes,omitempty"`
	AssignmentGroup  *string     `json:"assignment_group,omitempty"`
	AssignedTo       *string     `json:"assigned_to,omitempty"`
	Caller           *string     `json:"caller_id,omitempty"`
	// Fields sets further fields by name (custom u_ fields, for example).
	Fields map[string]string `json:"-"`
}

// Ptr returns a pointer to v, for filling IncidentInput.
func Ptr[V any](v V) *V { return &v }

// MarshalJSON merges Fields into the named fields.
func (in IncidentInput) MarshalJSON() ([]byte, error) {
	type plain IncidentInput
	b, err := json.Marshal(plain(in))
	if err != nil || len(in.Fields) == 0 {
		return b, err
	}
	m := map[string]any{}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	for k, v := range in.Fields {
		if _, dup := m[k]; !dup {
			m[k] = v
		}
	}
	return json.Marshal(m)
}

func (in *IncidentInput) check() error {
	if in == nil {
		return inputErr("incident", "is nil")
	}
	if in.State != nil && !in.State.Known() {
		return inputErr("state", "unknown value "+string(*in.State))
	}
	for k := range in.Fields {
		if k == "" || k == "work_notes" || k == "comments" {
			return inputErr("fields", "use AddWorkNote/AddComment for journal fields, and name every field")
		}
	}
	return nil
}
