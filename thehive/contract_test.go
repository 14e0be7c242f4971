package thehive

import (
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
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
	// arrayParts is why the mock cannot judge an attachments upload: it
	// reads one multipart part, or several of one name, as a single value
	// and so never as the array of files InputAttachmentsFile declares.
	// Those requests are pinned by TestAttachmentUploads instead.
	const arrayParts = "the mock cannot read multipart file arrays (InputAttachmentsFile)"
	calls := []struct {
		name string
		call func() error
		// skip, when set, says why the mock cannot judge the call.
		skip string
	}{
		{name: "create case", call: func() error {
			return errOf(c.Cases.Create(ctx, &CaseInput{Title: "Phishing", Description: "reported by user",
				Severity: SeverityHigh, TLP: incidentkit.Ptr(TLPClear), PAP: incidentkit.Ptr(PAPAmber), Flag: incidentkit.Ptr(false), Tags: []string{"phishing"},
				StartDate: at, Status: StatusNew, Summary: "s", Assignee: "analyst@acme.test",
				CustomFields: []CustomField{StringField("source", "mail"), IntegerField("hits", 3)},
				Tasks:        []TaskInput{{Title: "Triage", Group: "default", Flag: incidentkit.Ptr(false), Order: incidentkit.Ptr(0)}}}))
		}},
		{name: "get case", call: func() error { return errOf(c.Cases.Get(ctx, "~123")) }},
		{name: "get case by number", call: func() error { return errOf(c.Cases.GetByNumber(ctx, 12)) }},
		{name: "update case", call: func() error {
			return c.Cases.Update(ctx, "~123", &CaseUpdate{Title: incidentkit.Ptr("New title"), Severity: incidentkit.Ptr(SeverityLow),
				TLP: incidentkit.Ptr(TLPRed), Flag: incidentkit.Ptr(true), AddTags: []string{"x"}, RemoveTags: []string{"y"},
				CustomFields: []CustomField{BooleanField("confirmed", true)}})
		}},
		{name: "close case", call: func() error {
			return c.Cases.Close(ctx, "~123", &CaseClose{Status: StatusTruePositive, ImpactStatus: ImpactWith, Summary: "done"})
		}},
		{name: "delete case", call: func() error { return c.Cases.Delete(ctx, "~123") }},
		{name: "search cases", call: func() error {
			return errOf(c.Cases.List(ctx, &ListOptions{
				Filter: filter.And(filter.Eq("status", "New"), filter.Gte("severity", 2), filter.Like("title", "phish")),
				Sort:   []filter.Sort{filter.Desc("_createdAt")}, PageSize: 25}))
		}},
		{name: "count cases", call: func() error { return errOf(c.Cases.Count(ctx, filter.Eq("flag", true))) }},
		{name: "comment", call: func() error {
			return errOf(c.Comments.Create(ctx, "~123", &CommentInput{Message: "looking into it"}))
		}},
		{name: "create task", call: func() error {
			return errOf(c.Tasks.Create(ctx, "~123", &TaskInput{Title: "Contain", Group: "response", Status: TaskWaiting,
				Flag: incidentkit.Ptr(false), DueDate: at, Order: incidentkit.Ptr(1), Mandatory: incidentkit.Ptr(false)}))
		}},
		{name: "get task", call: func() error { return errOf(c.Tasks.Get(ctx, "~456")) }},
		{name: "update task", call: func() error {
			return c.Tasks.Update(ctx, "~456", &TaskUpdate{Status: incidentkit.Ptr(TaskCompleted), Flag: incidentkit.Ptr(false)})
		}},
		{name: "list tasks", call: func() error { return errOf(c.Tasks.List(ctx, "~123", nil)) }},
		{name: "task log", call: func() error {
			return errOf(c.Tasks.AddLog(ctx, "~456", &LogInput{Message: "isolated host", StartDate: at}))
		}},
		{name: "observable", call: func() error {
			return errOf(c.Observables.Create(ctx, "~123", &ObservableInput{DataType: "ip", Data: []string{"10.0.0.1", "10.0.0.2"},
				Message: "c2", TLP: incidentkit.Ptr(TLPAmber), PAP: incidentkit.Ptr(PAPGreen), Tags: []string{"c2"}, IOC: incidentkit.Ptr(true),
				Sighted: incidentkit.Ptr(false), IgnoreSimilarity: incidentkit.Ptr(false)}))
		}},
		{name: "file observable", call: func() error {
			return errOf(c.Observables.CreateFile(ctx, "~123", &ObservableInput{Message: "sample", TLP: incidentkit.Ptr(TLPRed)},
				incidentkit.Upload{Reader: strings.NewReader("MZ\x90\x00"), FileName: "sample.bin"}))
		}},
		{name: "list observables", call: func() error { return errOf(c.Observables.List(ctx, "~123", nil)) }},
		{name: "get observable", call: func() error { return errOf(c.Observables.Get(ctx, "~789")) }},
		{name: "update observable", call: func() error {
			return c.Observables.Update(ctx, "~789", &ObservableUpdate{IOC: incidentkit.Ptr(false), Message: incidentkit.Ptr("m")})
		}},
		{name: "delete observable", call: func() error { return c.Observables.Delete(ctx, "~789") }},
		{name: "create alert", call: func() error {
			return errOf(c.Alerts.Create(ctx, &AlertInput{Type: "edr", Source: "mdr", SourceRef: "ref-1", Title: "Beacon",
				Description: "beaconing", Severity: SeverityMedium, Date: at, TLP: incidentkit.Ptr(TLPGreen), Flag: incidentkit.Ptr(false),
				Observables: []ObservableInput{{DataType: "domain", Data: []string{"evil.test"}}}}))
		}},
		{name: "get alert", call: func() error { return errOf(c.Alerts.Get(ctx, "~321")) }},
		{name: "promote alert", call: func() error { return errOf(c.Alerts.Promote(ctx, "~321", nil)) }},
		{name: "alert observable", call: func() error {
			return errOf(c.Alerts.AddObservable(ctx, "~321", &ObservableInput{DataType: "hash", Data: []string{"d41d8cd98f00b204e9800998ecf8427e"}}))
		}},
		{name: "alert file observable", call: func() error {
			return errOf(c.Alerts.AddFileObservable(ctx, "~321", &ObservableInput{Message: "attachment"},
				incidentkit.Upload{Reader: strings.NewReader("%PDF-1.4"), FileName: "invoice.pdf"}))
		}},
		{name: "list comments", call: func() error { return errOf(c.Comments.List(ctx, "~123", nil)) }},
		{name: "count alerts", call: func() error { return errOf(c.Alerts.Count(ctx, filter.Eq("source", "mdr"))) }},
		{name: "all comments", call: func() error {
			for _, err := range c.Comments.All(ctx, "~123", &ListOptions{PageSize: 5, MaxItems: 5}) {
				return err
			}
			return nil
		}},
		{name: "update alert", call: func() error {
			return c.Alerts.Update(ctx, "~321", &AlertUpdate{Title: incidentkit.Ptr("Beacon (confirmed)"), Severity: incidentkit.Ptr(SeverityHigh),
				Status: incidentkit.Ptr(AlertInProgress), Summary: incidentkit.Set("triaging"), Assignee: incidentkit.Set("analyst@acme.test"),
				AddTags: []string{"triage"}, Follow: incidentkit.Ptr(true), TLP: incidentkit.Ptr(TLPAmber)})
		}},
		{name: "ignore alert", call: func() error { return c.Alerts.Ignore(ctx, "~321") }},
		{name: "follow alert", call: func() error { return c.Alerts.Follow(ctx, "~321") }},
		{name: "unfollow alert", call: func() error { return c.Alerts.Unfollow(ctx, "~321") }},
		{name: "merge alert", call: func() error { return errOf(c.Alerts.Merge(ctx, "~321", "~123")) }},
		{name: "import alert", call: func() error { return errOf(c.Alerts.Import(ctx, "~321", "~123")) }},
		{name: "merge alerts", call: func() error { return errOf(c.Alerts.MergeMany(ctx, "~123", []string{"~321", "~322"})) }},
		{name: "update alerts", call: func() error {
			return c.Alerts.UpdateMany(ctx, []string{"~321", "~322"}, &AlertUpdate{Status: incidentkit.Ptr(AlertFalsePositive)})
		}},
		{name: "delete alerts", call: func() error { return c.Alerts.DeleteMany(ctx, []string{"~321", "~322"}) }},
		{name: "delete alert", call: func() error { return c.Alerts.Delete(ctx, "~321") }},
		{name: "find alert by key", call: func() error {
			_, err := c.Alerts.FindByKey(ctx, "edr", "mdr", "ref-1")
			if e := (*incidentkit.Error)(nil); errors.As(err, &e) && e.Body == nil {
				return nil // the search passed; the mock's example answer holds no such alert
			}
			return err
		}},
		{name: "promote alert with overrides", call: func() error {
			return errOf(c.Alerts.Promote(ctx, "~321", &CaseInput{Title: "Beacon case", Severity: SeverityHigh, StartDate: at,
				Tags: []string{"edr"}, TLP: incidentkit.Ptr(TLPAmber), PAP: incidentkit.Ptr(PAPAmber), Status: StatusInProgress,
				Assignee: "analyst@acme.test", Tasks: []TaskInput{{Title: "Contain"}}}))
		}},
		{name: "delete task", call: func() error { return c.Tasks.Delete(ctx, "~456") }},
		{name: "update task mandatory", call: func() error {
			return c.Tasks.Update(ctx, "~456", &TaskUpdate{Mandatory: incidentkit.Ptr(true), Assignee: incidentkit.Set("analyst@acme.test")})
		}},
		{name: "list task logs", call: func() error { return errOf(c.Tasks.ListLogs(ctx, "~456", nil)) }},
		{name: "get task log", call: func() error {
			_, err := c.Tasks.GetLog(ctx, "~999")
			if e := (*incidentkit.Error)(nil); errors.As(err, &e) && e.Body == nil {
				return nil // the search passed; the mock's example answer holds no such log
			}
			return err
		}},
		{name: "update task log", call: func() error {
			return c.Tasks.UpdateLog(ctx, "~999", &LogUpdate{Message: incidentkit.Ptr("edited"), IncludeInTimeline: &at})
		}},
		{name: "delete task log", call: func() error { return c.Tasks.DeleteLog(ctx, "~999") }},
		{name: "update observable tags", call: func() error {
			return c.Observables.Update(ctx, "~789", &ObservableUpdate{AddTags: []string{"c2"}, RemoveTags: []string{"new"},
				DataType: incidentkit.Ptr("domain")})
		}},
		{name: "raw query", call: func() error {
			page, err := PageStep(0, 5, "total")
			if err != nil {
				return err
			}
			var out []map[string]any
			return c.Query(ctx, []Step{{"_name": "listAlert"}, page}, &out)
		}},
		{name: "merge cases", call: func() error { return errOf(c.Cases.Merge(ctx, "~123", "~124", "~125")) }},
		{name: "update cases", call: func() error {
			return c.Cases.UpdateMany(ctx, []string{"~123", "~124"}, &CaseUpdate{AddTags: []string{"wave-7"}, Severity: incidentkit.Ptr(SeverityHigh)})
		}},
		{name: "create case template", call: func() error {
			return errOf(c.CaseTemplates.Create(ctx, &CaseTemplateInput{Name: "phishing", DisplayName: "Phishing", TitlePrefix: "[PHISH]",
				Description: "mail lures", Severity: SeverityMedium, Tags: []string{"phishing"}, Flag: incidentkit.Ptr(false),
				TLP: incidentkit.Ptr(TLPAmber), PAP: incidentkit.Ptr(PAPAmber), Summary: "s",
				Tasks: []TaskInput{{Title: "Collect headers"}}, CustomFields: []CustomField{StringField("vector", "mail")}}))
		}},
		{name: "get case template", call: func() error { return errOf(c.CaseTemplates.Get(ctx, "phishing")) }},
		{name: "update case template", call: func() error {
			return c.CaseTemplates.Update(ctx, "phishing", &CaseTemplateUpdate{Description: incidentkit.Ptr("lures"),
				Tasks: []TaskInput{{Title: "Block sender"}}})
		}},
		{name: "delete case template", call: func() error { return c.CaseTemplates.Delete(ctx, "phishing") }},
		{name: "list case templates", call: func() error { return errOf(c.CaseTemplates.List(ctx, nil)) }},
		{name: "list custom fields", call: func() error { return errOf(c.CustomFields.List(ctx)) }},
		{name: "create custom field", call: func() error {
			return errOf(c.CustomFields.Create(ctx, &CustomFieldDefinitionInput{Name: "vector", DisplayName: "Vector", Group: "triage",
				Description: "how it came in", Type: CustomString, Options: []any{"mail", "web"}}))
		}},
		{name: "procedure on case", call: func() error {
			return errOf(c.Procedures.AddToCase(ctx, "~123", &ProcedureInput{PatternID: "T1059.006", OccurDate: at, Tactic: "execution",
				Description: "python one-liner"}))
		}},
		{name: "procedure on alert", call: func() error {
			return errOf(c.Procedures.AddToAlert(ctx, "~321", &ProcedureInput{PatternID: "T1566", OccurDate: at}))
		}},
		{name: "list case procedures", call: func() error { return errOf(c.Procedures.ListForCase(ctx, "~123", nil)) }},
		{name: "update procedure", call: func() error {
			return c.Procedures.Update(ctx, "~44", &ProcedureUpdate{Tactic: incidentkit.Ptr("defense-evasion"), OccurDate: &at})
		}},
		{name: "delete procedure", call: func() error { return c.Procedures.Delete(ctx, "~44") }},
		{name: "create page", call: func() error {
			return errOf(c.Pages.Create(ctx, "~123", &PageInput{Title: "Timeline", Content: "# 09:00", Category: "notes", Order: incidentkit.Ptr(1)}))
		}},
		{name: "update page", call: func() error { return c.Pages.Update(ctx, "~123", "~66", &PageUpdate{Content: incidentkit.Ptr("x")}) }},
		{name: "delete page", call: func() error { return c.Pages.Delete(ctx, "~123", "~66") }},
		{name: "list pages", call: func() error { return errOf(c.Pages.List(ctx, "~123", nil)) }},
		{name: "attach to case", call: func() error {
			return errOf(c.Attachments.UploadToCase(ctx, "~123", incidentkit.Upload{Reader: strings.NewReader("%PDF-1.4"), FileName: "invoice.pdf"}))
		}, skip: arrayParts},
		{name: "attach to alert", call: func() error {
			return errOf(c.Attachments.UploadToAlert(ctx, "~321", incidentkit.Upload{Reader: strings.NewReader("%PDF-1.4"), FileName: "invoice.pdf"}))
		}, skip: arrayParts},
		{name: "attach to log", call: func() error {
			return c.Attachments.UploadToLog(ctx, "~999", incidentkit.Upload{Reader: strings.NewReader("x"), FileName: "strings.txt"})
		}, skip: arrayParts},
		{name: "list case attachments", call: func() error { return errOf(c.Attachments.ListForCase(ctx, "~123", nil)) }},
		{name: "download attachment", call: func() error { return errOf(c.Attachments.Download(ctx, "~77", io.Discard, nil)) }},
		{name: "delete case attachment", call: func() error { return c.Attachments.DeleteFromCase(ctx, "~123", "~77") }},
		{name: "delete alert attachment", call: func() error { return c.Attachments.DeleteFromAlert(ctx, "~321", "~77") }},
		{name: "delete log attachment", call: func() error { return c.Attachments.DeleteFromLog(ctx, "~999", "~77") }},
		{name: "download file observable", call: func() error {
			o := &Observable{Record: Record{ID: "~789"}, Attachment: &Attachment{ID: "e3b0", AttachmentID: "~77", Name: "m.exe"}}
			return errOf(c.Observables.DownloadFile(ctx, o, io.Discard, true, nil))
		}},
		{name: "log with file", call: func() error {
			return errOf(c.Tasks.AddLogFile(ctx, "~456", &LogInput{Message: "strings"}, incidentkit.Upload{Reader: strings.NewReader("x"), FileName: "s.txt"}))
		}},
		{name: "observable of a stored file", call: func() error {
			return errOf(c.Observables.Create(ctx, "~123", &ObservableInput{Message: "from the mail",
				Attachment: &Attachment{ID: "e3b0", Name: "invoice.pdf", ContentType: "application/pdf"}}))
		}},
		{name: "zipped file observable", call: func() error {
			return errOf(c.Observables.CreateFile(ctx, "~123", &ObservableInput{IsZip: true, ZipPassword: "infected"},
				incidentkit.Upload{Reader: strings.NewReader("PK\x03\x04"), FileName: "bundle.zip"}))
		}},
		{name: "cortex analyzers", call: func() error { return errOf(c.Cortex.Analyzers(ctx)) }},
		{name: "cortex analyzers for a type", call: func() error { return errOf(c.Cortex.AnalyzersFor(ctx, "domain")) }},
		{name: "cortex responders", call: func() error { return errOf(c.Cortex.Responders(ctx, EntityCase, "~123")) }},
		{name: "cortex run analyzer", call: func() error {
			o := &Observable{Record: Record{ID: "~789"}, DataType: "domain"}
			return errOf(c.Cortex.RunAnalyzer(ctx, o, &Worker{ID: "vt", Name: "VT", DataTypes: []string{"domain"}, CortexIDs: []string{"c1"}},
				map[string]any{"force": true}))
		}},
		{name: "cortex get job", call: func() error { return errOf(c.Cortex.GetJob(ctx, "~j1")) }},
		{name: "cortex run responder", call: func() error {
			// "id" is the responder the mock's example answer lists.
			return errOf(c.Cortex.RunResponder(ctx, &ActionInput{ResponderID: "id", ObjectType: EntityCase, ObjectID: "~123",
				Parameters: map[string]any{"to": "soc@acme.test"}, TLP: incidentkit.Ptr(TLPAmber)}))
		}},
		{name: "cortex actions", call: func() error { return errOf(c.Cortex.Actions(ctx, EntityCase, "~123")) }},
		{name: "case links", call: func() error { return errOf(c.Cases.Links(ctx, "~123")) }},
		{name: "alert observables", call: func() error { return errOf(c.Alerts.ListObservables(ctx, "~321", nil)) }},
		{name: "search alerts", call: func() error {
			return errOf(c.Alerts.List(ctx, &ListOptions{Filter: filter.In("source", "mdr", "edr"), PageSize: 10}))
		}},
	}
	for _, tt := range calls {
		t.Run(tt.name, func(t *testing.T) {
			if tt.skip != "" {
				t.Skip(tt.skip)
			}
			err := tt.call()
			var e *incidentkit.Error
			if errors.As(err, &e) {
				t.Fatalf("the mock rejected the request: %v\n%s", err, e.Body)
			}
			var be *incidentkit.BodyError
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
