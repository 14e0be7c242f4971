package servicenow

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

// TestIntegrationFieldsDecode reads the fields integrations use in both
// display modes: stored values (text), and {"display_value","value"}.
func TestIntegrationFieldsDecode(t *testing.T) {
	for _, tt := range []struct {
		name string
		body string
	}{
		{name: "stored values", body: `{"sys_id":"abc","correlation_id":"EDR-42","correlation_display":"CrowdStrike","cmdb_ci":{"link":"x","value":"ci1"},
			"business_service":{"value":"bs1"},"service_offering":"so1","opened_by":{"value":"u1"},"resolved_by":"","closed_by":"",
			"parent_incident":"","child_incidents":"2","active":"true","reopen_count":"1","made_sla":"false","business_stc":"3600",
			"calendar_stc":"86400","escalation":"1","severity":"2","contact_type":"email"}`},
		{name: "display values all", body: `{"sys_id":{"value":"abc","display_value":"abc"},"correlation_id":{"value":"EDR-42","display_value":"EDR-42"},
			"correlation_display":{"value":"CrowdStrike","display_value":"CrowdStrike"},"cmdb_ci":{"value":"ci1","display_value":"web01"},
			"business_service":{"value":"bs1","display_value":"Email"},"service_offering":{"value":"so1","display_value":"Email EU"},
			"opened_by":{"value":"u1","display_value":"Ann"},"child_incidents":{"value":"2","display_value":"2"},
			"active":{"value":"true","display_value":"true"},"reopen_count":{"value":"1","display_value":"1"},
			"made_sla":{"value":"false","display_value":"false"},"business_stc":{"value":"3600","display_value":"1 Hour"},
			"calendar_stc":{"value":"86400","display_value":"1 Day"},"escalation":{"value":"1","display_value":"Moderate"},
			"severity":{"value":"2","display_value":"2 - Medium"},"contact_type":{"value":"email","display_value":"Email"}}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var in Incident
			if err := json.Unmarshal([]byte(tt.body), &in); err != nil {
				t.Fatal(err)
			}
			if in.CorrelationID != "EDR-42" || in.CorrelationDisplay != "CrowdStrike" || in.ConfigurationItem.Value != "ci1" ||
				in.BusinessService.Value != "bs1" || in.ServiceOffering.Value != "so1" || in.OpenedBy.Value != "u1" ||
				in.ChildIncidents != 2 || !in.Active || in.ReopenCount != 1 || in.MadeSLA || in.BusinessSTC != time.Hour ||
				in.CalendarSTC != 24*time.Hour || in.Escalation != "1" || in.Severity != "2" || in.ContactType != "email" {
				t.Errorf("decoded %+v", in)
			}
		})
	}
}

// TestIntegrationFieldsWrite checks the integration fields of an input
// and GetByNumber's request.
func TestIntegrationFieldsWrite(t *testing.T) {
	ctx := context.Background()
	c, m := newClient(t)
	answerAll(m, testkit.Answer{Status: 201, Body: `{"result":{"sys_id":"abc"}}`})
	_, err := c.Incidents.Create(ctx, &IncidentInput{ShortDescription: incidentkit.Ptr("Beacon"), CorrelationID: incidentkit.Set("EDR-42"),
		CorrelationDisplay: incidentkit.Set("CrowdStrike"), ConfigurationItem: incidentkit.Set("ci1"), BusinessService: incidentkit.Set("bs1"),
		ServiceOffering: incidentkit.Clear[string](), ParentIncident: incidentkit.Set("p1"), Severity: incidentkit.Set("1"),
		ContactType: incidentkit.Set("monitoring")})
	if err != nil {
		t.Fatal(err)
	}
	testkit.JSONEqual(t, m.Last(t).Body, `{"short_description":"Beacon","correlation_id":"EDR-42","correlation_display":"CrowdStrike",
		"cmdb_ci":"ci1","business_service":"bs1","service_offering":"","parent_incident":"p1","severity":"1","contact_type":"monitoring"}`)

	c, m = newClient(t)
	answerAll(m, testkit.Answer{Body: `{"result":[]}`})
	if _, err := c.Incidents.GetByNumber(ctx, "INC0010042"); !errors.Is(err, ErrNotFound) {
		t.Errorf("GetByNumber of a missing number: %v, want ErrNotFound", err)
	}
	r := m.Last(t)
	if r.Path != "/api/now/table/incident" || r.Query.Get("sysparm_query") != "number=INC0010042^ORDERBYsys_id" || r.Query.Get("sysparm_limit") != "1" {
		t.Errorf("request %s?%s", r.Path, r.RawQuery)
	}
	if _, err := c.Incidents.GetByNumber(ctx, " "); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("an empty number: %v", err)
	}
}
