package thehivetest_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// TestCaseMergeAndBulkBothDialects merges two cases that share an
// observable and updates cases in bulk, in both dialects.
func TestCaseMergeAndBulkBothDialects(t *testing.T) {
	inBothDialects(t, func(t *testing.T, ctx context.Context, srv *thehivetest.Server, c *thehive.Client) {
		a := srv.AddCase(thehivetest.Case{Title: "Lure A", Description: "a", Tags: []string{"mail"}})
		b := srv.AddCase(thehivetest.Case{Title: "Lure B", Description: "b", Tags: []string{"web"}})
		srv.AddObservable(a, thehivetest.Observable{DataType: "domain", Data: "evil.test"})
		srv.AddObservable(b, thehivetest.Observable{DataType: "domain", Data: "evil.test"})
		srv.AddObservable(b, thehivetest.Observable{DataType: "ip", Data: "10.9.9.9"})

		if err := c.Cases.UpdateMany(ctx, []string{a, b}, &thehive.CaseUpdate{Severity: incidentkit.Ptr(thehive.SeverityHigh)}); err != nil {
			t.Fatal(err)
		}
		merged, err := c.Cases.Merge(ctx, a, b)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(merged.Tags, "mail") || !slices.Contains(merged.Tags, "web") || merged.Severity != thehive.SeverityHigh {
			t.Errorf("merged case: tags %v, severity %v", merged.Tags, merged.Severity)
		}
		obs, err := c.Observables.List(ctx, merged.ID, nil)
		if err != nil || obs.Total != 2 {
			t.Errorf("merged observables: %v, %v; want 2 (the shared one once)", obs, err)
		}
		if _, err := c.Cases.Get(ctx, a); !errors.Is(err, thehive.ErrNotFound) {
			t.Errorf("merged case a still there: %v", err)
		}
		if err := c.Cases.UpdateMany(ctx, []string{merged.ID, "~404"}, &thehive.CaseUpdate{Tags: []string{"x"}}); !errors.Is(err, thehive.ErrNotFound) {
			t.Errorf("bulk update with a missing case: %v, want ErrNotFound", err)
		}
	})
}

// TestCaseTemplatesAndCustomFieldsBothDialects manages case templates and
// custom field definitions in both dialects.
func TestCaseTemplatesAndCustomFieldsBothDialects(t *testing.T) {
	inBothDialects(t, func(t *testing.T, ctx context.Context, _ *thehivetest.Server, c *thehive.Client) {
		tpl, err := c.CaseTemplates.Create(ctx, &thehive.CaseTemplateInput{Name: "phishing", TitlePrefix: "[PHISH]",
			Severity: thehive.SeverityMedium, Tasks: []thehive.TaskInput{{Title: "Collect headers"}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.CaseTemplates.Create(ctx, &thehive.CaseTemplateInput{Name: "phishing"}); !errors.Is(err, thehive.ErrAlreadyExists) {
			t.Errorf("second template of the name: %v, want ErrAlreadyExists", err)
		}
		if err := c.CaseTemplates.Update(ctx, "phishing", &thehive.CaseTemplateUpdate{Description: incidentkit.Ptr("mail lures")}); err != nil {
			t.Fatal(err)
		}
		got, err := c.CaseTemplates.Get(ctx, tpl.ID)
		if err != nil || got.Name != "phishing" || got.TitlePrefix != "[PHISH]" || got.Description != "mail lures" || len(got.Tasks) != 1 {
			t.Fatalf("Get: %+v, %v", got, err)
		}
		if p, err := c.CaseTemplates.List(ctx, nil); err != nil || p.Total != 1 {
			t.Errorf("List: %v, %v", p, err)
		}
		if err := c.CaseTemplates.Delete(ctx, "phishing"); err != nil {
			t.Fatal(err)
		}
		if _, err := c.CaseTemplates.Get(ctx, "phishing"); !errors.Is(err, thehive.ErrNotFound) {
			t.Errorf("deleted template: %v", err)
		}

		def, err := c.CustomFields.Create(ctx, &thehive.CustomFieldDefinitionInput{Name: "vector", DisplayName: "Vector", Group: "triage",
			Description: "how it came in", Type: thehive.CustomString, Options: []any{"mail", "web"}})
		if err != nil {
			t.Fatal(err)
		}
		defs, err := c.CustomFields.List(ctx)
		if err != nil || defs.Total != 1 || defs.Items[0].Name != "vector" || defs.Items[0].DisplayName != "Vector" || defs.Items[0].ID != def.ID {
			t.Fatalf("List: %+v, %v", defs, err)
		}
	})
}
