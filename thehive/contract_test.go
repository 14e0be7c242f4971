package thehive

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/thehive/filter"
)

// TestContractV1 runs every V1 call the client makes against a mock that
// validates each request against TheHive 5's OpenAPI description. It needs
// THEHIVE_MOCK_URL (for example http://127.0.0.1:4010) and skips without it.
func TestContractV1(t *testing.T) {
	base := os.Getenv("THEHIVE_MOCK_URL")
	if base == "" {
		t.Skip("THEHIVE_MOCK_URL is not set; start ../shared/contracts/thehive-mock to run the contract test")
	}
	c, err := NewClient(base, WithAPIKey("contract-test-key"), WithOrganisation("acme"), WithoutRetries(),
		WithTimeout(30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	at := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	calls := []struct {
		name string
		call func() error
	}{
		{"create case", func() error {
			_, err := c.Cases.Create(ctx, CaseInput{Title: "Phishing", Description: "reported by user",
				Severity: SeverityHigh, TLP: Ptr(TLPClear), PAP: Ptr(PAPAmber), Flag: Ptr(false), Tags: []string{"phishing"},
				StartDate: at, Status: StatusNew, Summary: "s", Assignee: "analyst@acme.test",
				CustomFields: []CustomField{StringField("source", "mail"), IntegerField("hits", 3)},
				Tasks:        []TaskInput{{Title: "Triage", Group: "default", Flag: Ptr(false), Order: Ptr(0)}}})
			return err
		}},
		{"get case", func() error { _, err := c.Cases.Get(ctx, "~123"); return err }},
		{"get case by number", func() error { _, err := c.Cases.GetByNumber(ctx, 12); return err }},
		{"update case", func() error {
			return c.Cases.Update(ctx, "~123", CaseUpdate{Title: Ptr("New title"), Severity: Ptr(SeverityLow),
				TLP: Ptr(TLPRed), Flag: Ptr(true), AddTags: []string{"x"}, RemoveTags: []string{"y"},
				CustomFields: []CustomField{BooleanField("confirmed", true)}})
		}},
		{"close case", func() error {
			return c.Cases.Close(ctx, "~123", CaseClose{Status: StatusTruePositive, ImpactStatus: ImpactWith, Summary: "done"})
		}},
		{"delete case", func() error { return c.Cases.Delete(ctx, "~123") }},
		{"search cases", func() error {
			_, err := c.Cases.Search(ctx, &SearchOptions{
				Filter: filter.And(filter.Eq("status", "New"), filter.Gte("severity", 2), filter.Like("title", "phish")),
				Sort:   []filter.Sort{filter.Desc("_createdAt")}, PageSize: 25})
			return err
		}},
		{"count cases", func() error { _, err := c.Cases.Count(ctx, filter.Eq("flag", true)); return err }},
		{"comment", func() error { _, err := c.Cases.AddComment(ctx, "~123", "looking into it"); return err }},
		{"create task", func() error {
			_, err := c.Tasks.Create(ctx, "~123", TaskInput{Title: "Contain", Group: "response", Status: TaskWaiting,
				Flag: Ptr(false), DueDate: at, Order: Ptr(1), Mandatory: Ptr(false)})
			return err
		}},
		{"get task", func() error { _, err := c.Tasks.Get(ctx, "~456"); return err }},
		{"update task", func() error {
			return c.Tasks.Update(ctx, "~456", TaskUpdate{Status: Ptr(TaskCompleted), Flag: Ptr(false)})
		}},
		{"list tasks", func() error { _, err := c.Tasks.List(ctx, "~123", nil); return err }},
		{"task log", func() error {
			_, err := c.Tasks.AddLog(ctx, "~456", LogInput{Message: "isolated host", StartDate: at})
			return err
		}},
		{"observable", func() error {
			_, err := c.Observables.Create(ctx, "~123", ObservableInput{DataType: "ip", Data: []string{"10.0.0.1", "10.0.0.2"},
				Message: "c2", TLP: Ptr(TLPAmber), PAP: Ptr(PAPGreen), Tags: []string{"c2"}, IOC: Ptr(true),
				Sighted: Ptr(false), IgnoreSimilarity: Ptr(false)})
			return err
		}},
		{"file observable", func() error {
			_, err := c.Observables.CreateFile(ctx, "~123", ObservableInput{Message: "sample", TLP: Ptr(TLPRed)},
				Upload{Reader: strings.NewReader("MZ\x90\x00"), FileName: "sample.bin"})
			return err
		}},
		{"list observables", func() error { _, err := c.Observables.List(ctx, "~123", nil); return err }},
		{"get observable", func() error { _, err := c.Observables.Get(ctx, "~789"); return err }},
		{"update observable", func() error {
			return c.Observables.Update(ctx, "~789", ObservableUpdate{IOC: Ptr(false), Message: Ptr("m")})
		}},
		{"delete observable", func() error { return c.Observables.Delete(ctx, "~789") }},
		{"create alert", func() error {
			_, err := c.Alerts.Create(ctx, AlertInput{Type: "edr", Source: "mdr", SourceRef: "ref-1", Title: "Beacon",
				Description: "beaconing", Severity: SeverityMedium, Date: at, TLP: Ptr(TLPGreen), Flag: Ptr(false),
				Observables: []ObservableInput{{DataType: "domain", Data: []string{"evil.test"}}}})
			return err
		}},
		{"get alert", func() error { _, err := c.Alerts.Get(ctx, "~321"); return err }},
		{"promote alert", func() error { _, err := c.Alerts.Promote(ctx, "~321", nil); return err }},
		{"alert observable", func() error {
			_, err := c.Alerts.AddObservable(ctx, "~321", ObservableInput{DataType: "hash", Data: []string{"d41d8cd98f00b204e9800998ecf8427e"}})
			return err
		}},
		{"alert file observable", func() error {
			_, err := c.Alerts.AddFileObservable(ctx, "~321", ObservableInput{Message: "attachment"},
				Upload{Reader: strings.NewReader("%PDF-1.4"), FileName: "invoice.pdf"})
			return err
		}},
		{"list comments", func() error { _, err := c.Cases.Comments(ctx, "~123", nil); return err }},
		{"search alerts", func() error {
			_, err := c.Alerts.Search(ctx, &SearchOptions{Filter: filter.In("source", "mdr", "edr"), PageSize: 10})
			return err
		}},
	}
	for _, tt := range calls {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			var e *Error
			if errors.As(err, &e) {
				t.Fatalf("the mock rejected the request: %v\n%s", err, e.Body)
			}
			var be *BodyError
			if errors.As(err, &be) {
				// The mock answers with schema examples; only the request
				// is under test here.
				t.Logf("answer not decoded (mock example data): %v", err)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}
