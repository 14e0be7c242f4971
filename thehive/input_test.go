package thehive

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit/thehive/filter"
	"github.com/jarcoal/httpmock"
)

// TestBadInputSendsNothing checks that rejected input fails before any
// request, with an error matching ErrInvalidInput.
func TestBadInputSendsNothing(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		dialect Dialect
		call    func(c *Client) error
		want    string
	}{
		{"empty title", V1, func(c *Client) error {
			_, err := c.Cases.Create(ctx, CaseInput{Title: " ", Description: "d"})
			return err
		}, "case title"},
		{"long title", V1, func(c *Client) error {
			_, err := c.Cases.Create(ctx, CaseInput{Title: strings.Repeat("x", 513), Description: "d"})
			return err
		}, "512"},
		{"empty description", V1, func(c *Client) error {
			_, err := c.Cases.Create(ctx, CaseInput{Title: "t"})
			return err
		}, "case description"},
		{"severity 5", V1, func(c *Client) error {
			_, err := c.Cases.Create(ctx, CaseInput{Title: "t", Description: "d", Severity: 5})
			return err
		}, "outside 1-4"},
		{"severity update 0", V1, func(c *Client) error {
			return c.Cases.Update(ctx, "~1", CaseUpdate{Severity: Ptr(Severity(0))})
		}, "outside 1-4"},
		{"tlp 5 v1", V1, func(c *Client) error {
			_, err := c.Cases.Create(ctx, CaseInput{Title: "t", Description: "d", TLP: Ptr(TLP(5))})
			return err
		}, "outside 0-4"},
		{"amber strict v0", V0, func(c *Client) error {
			_, err := c.Cases.Create(ctx, CaseInput{Title: "t", Description: "d", TLP: Ptr(TLPAmberStrict)})
			return err
		}, "AMBER+STRICT"},
		{"negative tlp v0", V0, func(c *Client) error {
			_, err := c.Observables.Create(ctx, "x", ObservableInput{DataType: "ip", Data: []string{"1"}, TLP: Ptr(TLP(-1))})
			return err
		}, "TLP"},
		{"pap 4", V1, func(c *Client) error {
			_, err := c.Cases.Create(ctx, CaseInput{Title: "t", Description: "d", PAP: Ptr(PAP(4))})
			return err
		}, "outside 0-3"},
		{"empty case id get", V1, func(c *Client) error { _, err := c.Cases.Get(ctx, ""); return err }, "case id"},
		{"empty case id update", V1, func(c *Client) error {
			return c.Cases.Update(ctx, "  ", CaseUpdate{Flag: Ptr(true)})
		}, "case id"},
		{"empty case id delete", V0, func(c *Client) error { return c.Cases.Delete(ctx, "") }, "case id"},
		{"empty case id task", V1, func(c *Client) error { _, err := c.Tasks.Create(ctx, "", TaskInput{Title: "t"}); return err }, "case id"},
		{"empty update", V1, func(c *Client) error { return c.Cases.Update(ctx, "~1", CaseUpdate{}) }, "changes nothing"},
		{"add tags v0", V0, func(c *Client) error {
			return c.Cases.Update(ctx, "x", CaseUpdate{AddTags: []string{"a"}})
		}, "V1"},
		{"bad close status", V1, func(c *Client) error {
			return c.Cases.Close(ctx, "~1", CaseClose{Status: StatusNew})
		}, "closing status"},
		{"close v0 no summary", V0, func(c *Client) error {
			return c.Cases.Close(ctx, "x", CaseClose{Status: StatusOther})
		}, "summary"},
		{"file observable no name", V1, func(c *Client) error {
			_, err := c.Observables.CreateFile(ctx, "~1", ObservableInput{}, Upload{Reader: strings.NewReader("x")})
			return err
		}, "file name"},
		{"observable no type", V1, func(c *Client) error {
			_, err := c.Observables.Create(ctx, "~1", ObservableInput{Data: []string{"x"}})
			return err
		}, "data type"},
		{"observable no data", V1, func(c *Client) error {
			_, err := c.Observables.Create(ctx, "~1", ObservableInput{DataType: "ip"})
			return err
		}, "observable data"},
		{"alert no sourceRef", V1, func(c *Client) error {
			_, err := c.Alerts.Create(ctx, AlertInput{Type: "a", Source: "b", Title: "t", Description: "d"})
			return err
		}, "sourceRef"},
		{"empty task title", V1, func(c *Client) error { _, err := c.Tasks.Create(ctx, "~1", TaskInput{}); return err }, "task title"},
		{"empty log", V1, func(c *Client) error { _, err := c.Tasks.AddLog(ctx, "~1", LogInput{}); return err }, "log message"},
		{"empty comment", V1, func(c *Client) error { _, err := c.Cases.AddComment(ctx, "~1", ""); return err }, "comment"},
		{"custom field twice", V1, func(c *Client) error {
			_, err := c.Cases.Create(ctx, CaseInput{Title: "t", Description: "d",
				CustomFields: []CustomField{StringField("a", "1"), StringField("a", "2")}})
			return err
		}, "twice"},
		{"custom field bad value", V1, func(c *Client) error {
			_, err := c.Cases.Create(ctx, CaseInput{Title: "t", Description: "d",
				CustomFields: []CustomField{{Name: "a", Value: []int{1}}}})
			return err
		}, "custom field a"},
		{"negative page size", V1, func(c *Client) error {
			_, err := c.Cases.Search(ctx, &SearchOptions{PageSize: -1})
			return err
		}, "page size"},
		{"negative offset in All", V1, func(c *Client) error {
			for _, err := range c.Cases.All(ctx, &SearchOptions{Offset: -1}) {
				return err
			}
			return nil
		}, "offset"},
		{"number 0", V0, func(c *Client) error { _, err := c.Cases.GetByNumber(ctx, 0); return err }, "case number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock := newMock(t, tt.dialect)
			mock.RegisterNoResponder(httpmock.NewStringResponder(500, `{}`))
			err := tt.call(c)
			if !errors.Is(err, ErrInvalidInput) {
				t.Fatalf("error = %v, want one matching ErrInvalidInput", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
			if n := mock.GetTotalCallCount(); n != 0 {
				t.Errorf("sent %d requests", n)
			}
		})
	}
}

func TestV0RejectsV1Only(t *testing.T) {
	ctx := context.Background()
	c, mock := newMock(t, V0)
	calls := map[string]func() error{
		"alert create": func() error { _, err := c.Alerts.Create(ctx, AlertInput{}); return err },
		"alert get":    func() error { _, err := c.Alerts.Get(ctx, "x"); return err },
		"promote":      func() error { _, err := c.Alerts.Promote(ctx, "x", nil); return err },
		"alert obs":    func() error { _, err := c.Alerts.AddObservable(ctx, "x", ObservableInput{}); return err },
		"alert search": func() error { _, err := c.Alerts.Search(ctx, nil); return err },
		"alert count":  func() error { _, err := c.Alerts.Count(ctx, filter.Filter{}); return err },
		"comment":      func() error { _, err := c.Cases.AddComment(ctx, "x", "m"); return err },
		"comments":     func() error { _, err := c.Cases.Comments(ctx, "x", nil); return err },
		"alert file": func() error {
			_, err := c.Alerts.AddFileObservable(ctx, "x", ObservableInput{}, Upload{FileName: "f"})
			return err
		},
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, ErrUnsupported) {
			t.Errorf("%s: error = %v, want ErrUnsupported", name, err)
		}
	}
	if mock.GetTotalCallCount() != 0 {
		t.Error("a request was sent")
	}
}

func TestNewClientValidates(t *testing.T) {
	tests := []struct {
		name string
		url  string
		opts []Option
	}{
		{"empty url", "", nil},
		{"two auths", testBase, []Option{WithAPIKey("k"), WithBasicAuth("u", "p")}},
		{"empty key", testBase, []Option{WithAPIKey("")}},
		{"empty org", testBase, []Option{WithOrganisation(" ")}},
		{"bad dialect", testBase, []Option{WithDialect(Dialect(9))}},
		{"plain http remote", "http://thehive.example.test", nil},
		{"negative retries", testBase, []Option{WithRetries(-1)}},
	}
	for _, tt := range tests {
		if _, err := NewClient(tt.url, tt.opts...); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
	c, err := NewClient("http://127.0.0.1:9000/", WithBasicAuth("u", "p"), WithDialect(V0))
	if err != nil || c.Dialect() != V0 {
		t.Fatalf("loopback client: %v", err)
	}
	c, err = NewClient(testBase)
	if err != nil || c.Dialect() != V1 {
		t.Fatalf("default dialect: %v %v", err, c.Dialect())
	}
}
