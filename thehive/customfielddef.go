package thehive

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
	"sort"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// CustomFieldDefinition defines a custom field that cases and alerts may
// carry.
type CustomFieldDefinition struct {
	// ID is the definition's id: TheHive 5's _id, TheHive 4's id,
	// TheHive 3's list item id.
	ID string
	// Name is the internal name, the one custom field values are keyed by
	// (TheHive 3/4 call it reference); DisplayName is its label (their
	// name).
	Name        string
	DisplayName string
	// Group groups fields in TheHive 5's interface.
	Group string
	// Description says what the field holds.
	Description string
	// Type is the values' type.
	Type CustomFieldType
	// Mandatory says every case must give the field a value.
	Mandatory bool
	// Options, when not empty, are the only values the field takes.
	Options []any
	// Raw is the definition as the server sent it.
	Raw json.RawMessage
}

// customFieldWire decodes a definition from any version.
type customFieldWire struct {
	ID          string          `json:"_id"`
	LegacyID    string          `json:"id"`
	Name        string          `json:"name"`
	Reference   string          `json:"reference"`
	DisplayName string          `json:"displayName"`
	Group       string          `json:"group"`
	Description string          `json:"description"`
	Type        CustomFieldType `json:"type"`
	Mandatory   bool            `json:"mandatory"`
	Options     []any           `json:"options"`
}

// definition makes w, read in the dialect of sp, a definition: in TheHive
// 3/4 name is the label and reference the internal name.
func (w *customFieldWire) definition(raw json.RawMessage) *CustomFieldDefinition {
	d := &CustomFieldDefinition{ID: w.ID, Name: w.Name, DisplayName: w.DisplayName, Group: w.Group,
		Description: w.Description, Type: w.Type, Mandatory: w.Mandatory, Options: w.Options, Raw: raw}
	if d.ID == "" {
		d.ID = w.LegacyID
	}
	if w.Reference != "" {
		d.Name, d.DisplayName = w.Reference, w.Name
	}
	return d
}

// CustomFieldDefinitionInput is a new custom field definition. Name and
// Type are required; TheHive 5 also requires Group and Description.
type CustomFieldDefinitionInput struct {
	// Name is the internal name values are keyed by; DisplayName the
	// label (Name when empty).
	Name        string
	DisplayName string
	// Group groups fields in TheHive 5's interface.
	Group string
	// Description says what the field holds.
	Description string
	// Type is the values' type: CustomString, CustomInteger, CustomFloat,
	// CustomBoolean or CustomDate (TheHive 3: CustomNumber instead of
	// integer and float; TheHive 5 also takes "url").
	Type CustomFieldType
	// Mandatory says every case must give the field a value.
	Mandatory bool
	// Options, when not empty, are the only values the field takes.
	Options []any
}

// put checks in and writes the definition for the dialect of sp to b:
// TheHive 5's InputCustomField, TheHive 4's (name is the label, reference
// the internal name) or TheHive 3's list item {"value": …}.
func (in *CustomFieldDefinitionInput) put(sp *dialectSpec, b map[string]any) error {
	if err := required("custom field name", in.Name); err != nil {
		return err
	}
	if err := required("custom field type", string(in.Type)); err != nil {
		return err
	}
	display := in.DisplayName
	if display == "" {
		display = in.Name
	}
	def := map[string]any{"description": in.Description, "type": string(in.Type), "mandatory": in.Mandatory}
	if in.Options != nil {
		def["options"] = in.Options
	}
	if !sp.customFieldReference {
		for _, f := range []struct{ name, v string }{{name: "custom field group", v: in.Group}, {name: "custom field description", v: in.Description}} {
			if err := required(f.name, f.v); err != nil {
				return err
			}
		}
		def["name"], def["displayName"], def["group"] = in.Name, display, in.Group
	} else {
		def["reference"], def["name"] = in.Name, display
	}
	if sp.customFieldListForm {
		b["value"] = def
		return nil
	}
	for k, v := range def {
		b[k] = v
	}
	return nil
}

// CustomFieldService lists and creates custom field definitions. Get it
// from Client.CustomFields.
type CustomFieldService struct{ c *Client }

// List returns every custom field definition, in one page ordered by
// name: TheHive lists them all at once.
func (s *CustomFieldService) List(ctx context.Context) (*incidentkit.Page[*CustomFieldDefinition], error) {
	sp, err := s.c.spec(ctx)
	if err != nil {
		return nil, err
	}
	var raw json.RawMessage
	if _, err := s.c.do(ctx, &transport.Request{Path: sp.customFieldList}, &raw); err != nil {
		return nil, err
	}
	defs, err := decodeDefinitions(raw, sp.customFieldListForm)
	if err != nil {
		return nil, &incidentkit.BodyError{Service: "thehive", Method: http.MethodGet, URL: sp.customFieldList, StatusCode: http.StatusOK, Err: err}
	}
	return &incidentkit.Page[*CustomFieldDefinition]{Items: defs, Total: len(defs)}, nil
}

// All returns a lazy sequence of every custom field definition.
func (s *CustomFieldService) All(ctx context.Context) iter.Seq2[*CustomFieldDefinition, error] {
	return onePage(func() (*incidentkit.Page[*CustomFieldDefinition], error) { return s.List(ctx) })
}

// Create creates a custom field definition and returns it. It is sent
// once. TheHive 3 answers only the new list item's id, so the definition
// returned there is the input with that id. A nil in is an input error.
func (s *CustomFieldService) Create(ctx context.Context, in *CustomFieldDefinitionInput) (*CustomFieldDefinition, error) {
	sp, err := s.c.spec(ctx)
	if err != nil {
		return nil, err
	}
	r, err := write(ctx, s.c, http.MethodPost, route{path: sp.customFieldCreate}, transport.ReplayUnsafe, "custom field input", in)
	if err != nil {
		return nil, err
	}
	var raw json.RawMessage
	if _, err := s.c.do(ctx, r, &raw); err != nil {
		return nil, err
	}
	var id string
	if json.Unmarshal(raw, &id) == nil {
		// TheHive 3's list API answers the item id alone.
		return &CustomFieldDefinition{ID: id, Name: in.Name, DisplayName: in.DisplayName, Description: in.Description,
			Type: in.Type, Mandatory: in.Mandatory, Options: in.Options, Raw: raw}, nil
	}
	d, err := decodeDefinition(raw)
	if err != nil {
		return nil, &incidentkit.BodyError{Service: "thehive", Method: http.MethodPost, URL: r.Path, StatusCode: http.StatusCreated, Err: err}
	}
	return d, nil
}

// decodeDefinitions reads a list of definitions: an array, or TheHive 3's
// object of list items by item id.
func decodeDefinitions(raw json.RawMessage, listForm bool) ([]*CustomFieldDefinition, error) {
	var out []*CustomFieldDefinition
	if listForm {
		var items map[string]json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, err
		}
		for id, item := range items {
			d, err := decodeDefinition(item)
			if err != nil {
				return nil, err
			}
			d.ID = id
			out = append(out, d)
		}
	} else {
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, err
		}
		for _, item := range items {
			d, err := decodeDefinition(item)
			if err != nil {
				return nil, err
			}
			out = append(out, d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// decodeDefinition decodes one definition from any version; item is its
// Raw.
func decodeDefinition(item json.RawMessage) (*CustomFieldDefinition, error) {
	var w customFieldWire
	if err := json.Unmarshal(item, &w); err != nil {
		return nil, err
	}
	return w.definition(item), nil
}
