package thehive

import "testing"

// TestDecodeDefinitions reads custom field definitions as each version
// lists them: TheHive 5's array (name, displayName), TheHive 4's array
// (reference, name: ctl/v0/Conversion.scala) and TheHive 3's object of
// list items by item id (DBListCtrl).
func TestDecodeDefinitions(t *testing.T) {
	tests := []struct {
		name     string
		raw      string
		listForm bool
		want     CustomFieldDefinition
	}{
		{name: "v5", raw: `[{"_id":"~8","name":"hits","displayName":"Hits","group":"triage","description":"d","type":"integer","mandatory":true}]`,
			want: CustomFieldDefinition{ID: "~8", Name: "hits", DisplayName: "Hits", Group: "triage", Description: "d", Type: CustomInteger, Mandatory: true}},
		{name: "v4", raw: `[{"id":"~8","reference":"hits","name":"Hits","description":"d","type":"integer","mandatory":false}]`,
			want: CustomFieldDefinition{ID: "~8", Name: "hits", DisplayName: "Hits", Description: "d", Type: CustomInteger}},
		{name: "v3", raw: `{"AXcf1":{"reference":"hits","name":"Hits","description":"d","type":"number","options":[]}}`, listForm: true,
			want: CustomFieldDefinition{ID: "AXcf1", Name: "hits", DisplayName: "Hits", Description: "d", Type: CustomNumber}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defs, err := decodeDefinitions([]byte(tt.raw), tt.listForm)
			if err != nil || len(defs) != 1 {
				t.Fatalf("decode: %v, %v", defs, err)
			}
			got := *defs[0]
			got.Raw, got.Options = nil, nil
			if got.ID != tt.want.ID || got.Name != tt.want.Name || got.DisplayName != tt.want.DisplayName || got.Group != tt.want.Group ||
				got.Description != tt.want.Description || got.Type != tt.want.Type || got.Mandatory != tt.want.Mandatory {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
