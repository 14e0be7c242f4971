package thehive

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// TestBadInputSendsNothing checks that rejected input fails before any
// request, with an error matching ErrInvalidInput.
func TestBadInputSendsNothing(t *testing.T) {
	ctx := context.Background()
	testRejected(t, []rejectCase{
		{name: "empty title", dialect: V1, call: func(c *Client) error { return errOf(c.Cases.Create(ctx, &CaseInput{Title: " ", Description: "d"})) }, want: "case title"},
		{name: "long title", dialect: V1, call: func(c *Client) error {
			return errOf(c.Cases.Create(ctx, &CaseInput{Title: strings.Repeat("x", 513), Description: "d"}))
		}, want: "512"},
		{name: "empty description", dialect: V1, call: func(c *Client) error { return errOf(c.Cases.Create(ctx, &CaseInput{Title: "t"})) }, want: "case description"},
		{name: "severity 5", dialect: V1, call: func(c *Client) error {
			return errOf(c.Cases.Create(ctx, &CaseInput{Title: "t", Description: "d", Severity: 5}))
		}, want: "outside 1-4"},
		{name: "severity update 0", dialect: V1, call: func(c *Client) error {
			return c.Cases.Update(ctx, "~1", &CaseUpdate{Severity: incidentkit.Ptr(Severity(0))})
		}, want: "outside 1-4"},
		{name: "tlp 5 v1", dialect: V1, call: func(c *Client) error {
			return errOf(c.Cases.Create(ctx, &CaseInput{Title: "t", Description: "d", TLP: incidentkit.Ptr(TLP(5))}))
		}, want: "outside 0-4"},
		{name: "amber strict v0", dialect: V0, call: func(c *Client) error {
			return errOf(c.Cases.Create(ctx, &CaseInput{Title: "t", Description: "d", TLP: incidentkit.Ptr(TLPAmberStrict)}))
		}, want: "AMBER+STRICT"},
		{name: "negative tlp v0", dialect: V0, call: func(c *Client) error {
			return errOf(c.Observables.Create(ctx, "x", &ObservableInput{DataType: "ip", Data: []string{"1"}, TLP: incidentkit.Ptr(TLP(-1))}))
		}, want: "TLP"},
		{name: "pap 4", dialect: V1, call: func(c *Client) error {
			return errOf(c.Cases.Create(ctx, &CaseInput{Title: "t", Description: "d", PAP: incidentkit.Ptr(PAP(4))}))
		}, want: "outside 0-3"},
		{name: "empty case id get", dialect: V1, call: func(c *Client) error { return errOf(c.Cases.Get(ctx, "")) }, want: "case id"},
		{name: "empty case id update", dialect: V1, call: func(c *Client) error {
			return c.Cases.Update(ctx, "  ", &CaseUpdate{Flag: incidentkit.Ptr(true)})
		}, want: "case id"},
		{name: "empty case id delete", dialect: V0, call: func(c *Client) error { return c.Cases.Delete(ctx, "") }, want: "case id"},
		{name: "empty case id task", dialect: V1, call: func(c *Client) error { return errOf(c.Tasks.Create(ctx, "", &TaskInput{Title: "t"})) }, want: "case id"},
		{name: "empty update", dialect: V1, call: func(c *Client) error { return c.Cases.Update(ctx, "~1", &CaseUpdate{}) }, want: "changes nothing"},
		{name: "add tags v0", dialect: V0, call: func(c *Client) error {
			return c.Cases.Update(ctx, "x", &CaseUpdate{AddTags: []string{"a"}})
		}, want: "dialect V0"},
		{name: "bad close status", dialect: V1, call: func(c *Client) error {
			return c.Cases.Close(ctx, "~1", &CaseClose{Status: StatusNew})
		}, want: "closing status"},
		{name: "close v0 no summary", dialect: V0, call: func(c *Client) error {
			return c.Cases.Close(ctx, "x", &CaseClose{Status: StatusOther})
		}, want: "summary"},
		{name: "file observable no name", dialect: V1, call: func(c *Client) error {
			return errOf(c.Observables.CreateFile(ctx, "~1", &ObservableInput{}, incidentkit.Upload{Reader: strings.NewReader("x")}))
		}, want: "file name"},
		{name: "observable no type", dialect: V1, call: func(c *Client) error {
			return errOf(c.Observables.Create(ctx, "~1", &ObservableInput{Data: []string{"x"}}))
		}, want: "data type"},
		{name: "observable no data", dialect: V1, call: func(c *Client) error { return errOf(c.Observables.Create(ctx, "~1", &ObservableInput{DataType: "ip"})) }, want: "observable data"},
		{name: "alert no sourceRef", dialect: V1, call: func(c *Client) error {
			return errOf(c.Alerts.Create(ctx, &AlertInput{Type: "a", Source: "b", Title: "t", Description: "d"}))
		}, want: "sourceRef"},
		{name: "empty task title", dialect: V1, call: func(c *Client) error { return errOf(c.Tasks.Create(ctx, "~1", &TaskInput{})) }, want: "task title"},
		{name: "empty log", dialect: V1, call: func(c *Client) error { return errOf(c.Tasks.AddLog(ctx, "~1", &LogInput{})) }, want: "log message"},
		{name: "empty comment", dialect: V1, call: func(c *Client) error { return errOf(c.Comments.Create(ctx, "~1", &CommentInput{Message: ""})) }, want: "comment"},
		{name: "custom field twice", dialect: V1, call: func(c *Client) error {
			return errOf(c.Cases.Create(ctx, &CaseInput{Title: "t", Description: "d",
				CustomFields: []CustomField{StringField("a", "1"), StringField("a", "2")}}))
		}, want: "twice"},
		{name: "custom field bad value", dialect: V1, call: func(c *Client) error {
			return errOf(c.Cases.Create(ctx, &CaseInput{Title: "t", Description: "d",
				CustomFields: []CustomField{{Name: "a", Value: []int{1}}}}))
		}, want: "custom field a"},
		{name: "negative page size", dialect: V1, call: func(c *Client) error { return errOf(c.Cases.List(ctx, &ListOptions{PageSize: -1})) }, want: "page size"},
		{name: "negative offset in All", dialect: V1, call: func(c *Client) error {
			return firstErr(c.Cases.All(ctx, &ListOptions{Offset: -1}))
		}, want: "offset"},
		{name: "number 0", dialect: V0, call: func(c *Client) error { return errOf(c.Cases.GetByNumber(ctx, 0)) }, want: "case number"},
		{name: "nil case input", dialect: V1, call: func(c *Client) error { return errOf(c.Cases.Create(ctx, nil)) },
			want: "thehive: invalid case input: is nil"},
		{name: "nil case update", dialect: V1, call: func(c *Client) error { return c.Cases.Update(ctx, "~1", nil) },
			want: "case update: is nil"},
		{name: "nil case close", dialect: V0, call: func(c *Client) error { return c.Cases.Close(ctx, "~1", nil) },
			want: "case close: is nil"},
		{name: "nil task input", dialect: V1, call: func(c *Client) error { return errOf(c.Tasks.Create(ctx, "~1", nil)) },
			want: "task input: is nil"},
		{name: "nil task update", dialect: V0, call: func(c *Client) error { return c.Tasks.Update(ctx, "~2", nil) },
			want: "task update: is nil"},
		{name: "nil log input", dialect: V1, call: func(c *Client) error { return errOf(c.Tasks.AddLog(ctx, "~2", nil)) },
			want: "log input: is nil"},
		{name: "nil observable input", dialect: V1, call: func(c *Client) error { return errOf(c.Observables.Create(ctx, "~1", nil)) }, want: "observable input: is nil"},
		{name: "nil file observable input", dialect: V0, call: func(c *Client) error {
			return errOf(c.Observables.CreateFile(ctx, "~1", nil, incidentkit.Upload{Reader: strings.NewReader("x"), FileName: "x"}))
		}, want: "observable input: is nil"},
		{name: "nil observable update", dialect: V1, call: func(c *Client) error { return c.Observables.Update(ctx, "~4", nil) },
			want: "observable update: is nil"},
		{name: "nil alert input", dialect: V1, call: func(c *Client) error { return errOf(c.Alerts.Create(ctx, nil)) },
			want: "alert input: is nil"},
		{name: "nil alert observable", dialect: V1, call: func(c *Client) error { return errOf(c.Alerts.AddObservable(ctx, "~5", nil)) }, want: "observable input: is nil"},
		{name: "nil comment", dialect: V1, call: func(c *Client) error { return errOf(c.Comments.Create(ctx, "~1", nil)) },
			want: "comment input: is nil"},
		{name: "empty task id for All", dialect: V1, call: func(c *Client) error {
			return firstErr(c.Tasks.All(ctx, " ", nil))
		}, want: "case id"},
	}, func(t *testing.T, err error, want string) {
		if !errors.Is(err, ErrInvalidInput) {
			t.Fatalf("error = %v, want one matching ErrInvalidInput", err)
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
		var ie *incidentkit.InputError
		if !errors.As(err, &ie) || ie.Service != "thehive" || !strings.HasPrefix(err.Error(), "thehive: ") {
			t.Errorf("error %#v is not a thehive *incidentkit.InputError", err)
		}
	})
}

// TestUnsupported checks that everything a dialect cannot express fails
// before anything is sent with one kind of error: it matches
// ErrUnsupported (incidentkit's) and ErrInvalidInput, and names the
// dialect.
func TestUnsupported(t *testing.T) {
	ctx := context.Background()
	testRejected(t, []rejectCase{
		{name: "alert status", dialect: V0, call: func(c *Client) error {
			return c.Alerts.Update(ctx, "x", &AlertUpdate{Status: incidentkit.Ptr(AlertIgnored)})
		}, want: "an alert's status cannot be set in TheHive 3/4 (dialect V0); it follows from MarkRead"},
		{name: "alert assignee", dialect: V0, call: func(c *Client) error {
			return c.Alerts.Update(ctx, "x", &AlertUpdate{Assignee: incidentkit.Set("bob")})
		}, want: "alerts have no assignee in TheHive 3/4"},
		{name: "alert tag deltas", dialect: V0, call: func(c *Client) error {
			return c.Alerts.UpdateMany(ctx, []string{"x", "y"}, &AlertUpdate{AddTags: []string{"a"}})
		}, want: "AddTags and RemoveTags are not available in TheHive 3/4"},
		{name: "alert summary", dialect: V0, call: func(c *Client) error {
			return errOf(c.Alerts.Create(ctx, &AlertInput{Type: "t", Source: "s", SourceRef: "r", Title: "t",
				Description: "d", Summary: "s"}))
		}, want: "alerts have no summary or assignee in TheHive 3/4"},
		{name: "promote overrides", dialect: V0, call: func(c *Client) error {
			return errOf(c.Alerts.Promote(ctx, "x", &CaseInput{Template: "t", Title: "other"}))
		}, want: "a promoted case takes only a template in TheHive 3/4"},
		{name: "alert import", dialect: V0, call: func(c *Client) error { return errOf(c.Alerts.Import(ctx, "x", "~1")) },
			want: "importing an alert into a case is not available in TheHive 3/4"},
		{name: "mark read", dialect: V1, call: func(c *Client) error { return c.Alerts.MarkRead(ctx, "x") },
			want: "marking an alert read is not available in TheHive 5 (dialect V1)"},
		{name: "mark unread", dialect: V1, call: func(c *Client) error { return c.Alerts.MarkUnread(ctx, "x") },
			want: "marking an alert unread is not available in TheHive 5"},
		{name: "comment", dialect: V0, call: func(c *Client) error { return errOf(c.Comments.Create(ctx, "x", &CommentInput{Message: "m"})) }, want: "commenting on a case"},
		{name: "comment list", dialect: V0, call: func(c *Client) error { return errOf(c.Comments.List(ctx, "x", nil)) },
			want: "listing comments"},
		{name: "comment all", dialect: V0, call: func(c *Client) error {
			return firstErr(c.Comments.All(ctx, "x", nil))
		}, want: "listing comments"},
		{name: "add tags", dialect: V0, call: func(c *Client) error {
			return c.Cases.Update(ctx, "x", &CaseUpdate{AddTags: []string{"a"}})
		}, want: "AddTags and RemoveTags are not available in TheHive 3/4 (dialect V0); set Tags instead"},
		{name: "amber strict", dialect: V0, call: func(c *Client) error {
			return errOf(c.Cases.Create(ctx, &CaseInput{Title: "t", Description: "d", TLP: incidentkit.Ptr(TLPAmberStrict)}))
		}, want: "AMBER+STRICT is not available in TheHive 3/4"},
		{name: "mandatory task", dialect: V0, call: func(c *Client) error {
			return errOf(c.Tasks.Create(ctx, "x", &TaskInput{Title: "t", Mandatory: incidentkit.Ptr(true)}))
		}, want: "Mandatory is not available in TheHive 3/4"},
		{name: "filter v0", dialect: V0, call: func(c *Client) error {
			return errOf(c.Cases.List(ctx, &ListOptions{Filter: filter.Ne("status", "Open")}))
		}, want: "thehive: invalid filter: Ne cannot be expressed in the TheHive v0 dialect"},
		{name: "filter v1", dialect: V1, call: func(c *Client) error { return errOf(c.Cases.Count(ctx, filter.ParentID("case", "~1"))) }, want: "ParentID cannot be expressed in the TheHive v1 dialect"},
		{name: "filter in All", dialect: V0, call: func(c *Client) error {
			return firstErr(c.Tasks.All(ctx, "x", &ListOptions{Filter: filter.Match("title", "triage")}))
		}, want: "Match (at _and[1]) cannot be expressed in the TheHive v0 dialect"},
	}, func(t *testing.T, err error, want string) {
		if !errors.Is(err, ErrUnsupported) || !errors.Is(err, incidentkit.ErrUnsupported) || !errors.Is(err, ErrInvalidInput) {
			t.Fatalf("error = %v, want one matching ErrUnsupported and ErrInvalidInput", err)
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	})
}

// rejectCase is a call that must fail before anything is sent, and what
// its error must say.
type rejectCase struct {
	name    string
	dialect Dialect
	call    func(c *Client) error
	want    string
}

// testRejected makes each call of tests against a server that would fail
// it, checks that nothing was sent and hands the error to check.
func testRejected(t *testing.T, tests []rejectCase, check func(t *testing.T, err error, want string)) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock := newMock(t, tt.dialect)
			answerAll(mock, testkit.Answer{Status: 500, Body: `{}`})
			err := tt.call(c)
			wantSent(t, mock, 0)
			check(t, err, tt.want)
		})
	}
}

// TestFilterErrors checks that a filter that cannot be encoded matches the
// client's sentinels while errors.As still finds the filter's own error.
func TestFilterErrors(t *testing.T) {
	ctx := context.Background()
	c, mock := newMock(t, V1)
	_, err := c.Cases.List(ctx, &ListOptions{Filter: filter.And(filter.Eq("status", "New"), filter.In("tags"))})
	var fe *filter.Error
	if !errors.Is(err, ErrInvalidInput) || !errors.Is(err, filter.ErrInvalid) || !errors.As(err, &fe) {
		t.Fatalf("error = %#v, want ErrInvalidInput around a *filter.Error", err)
	}
	if fe.Path != "_and[1]._in" || errors.Is(err, ErrUnsupported) {
		t.Errorf("filter error = %+v (unsupported %v)", fe, errors.Is(err, ErrUnsupported))
	}
	if got, want := err.Error(), "thehive: invalid filter: _and[1]._in: In needs at least one value"; got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
	_, err = c.Cases.List(ctx, &ListOptions{Sort: []filter.Sort{filter.Asc("")}})
	if !errors.Is(err, ErrInvalidInput) || !errors.As(err, &fe) || fe.Path != "sort[0]" {
		t.Errorf("sort error = %v", err)
	}

	c, _ = newMock(t, V0)
	_, err = c.Cases.Count(ctx, filter.Match("description", "beacon"))
	var ue *filter.UnsupportedError
	if !errors.As(err, &ue) || ue.Op != "Match" || ue.Dialect != V0 || !errors.Is(err, filter.ErrUnsupported) {
		t.Errorf("unsupported filter error = %#v", err)
	}
	wantSent(t, mock, 0)
}

func TestNewClientValidates(t *testing.T) {
	tests := []struct {
		name string
		url  string
		opts []Option
	}{
		{name: "empty url", url: "", opts: nil},
		{name: "two auths", url: testBase, opts: []Option{WithAPIKey("k"), WithBasicAuth("u", "p")}},
		{name: "empty key", url: testBase, opts: []Option{WithAPIKey("")}},
		{name: "empty org", url: testBase, opts: []Option{WithOrganisation(" ")}},
		{name: "bad dialect", url: testBase, opts: []Option{WithDialect(Dialect(9))}},
		{name: "plain http remote", url: "http://thehive.example.test", opts: nil},
		{name: "negative retries", url: testBase, opts: []Option{WithRetries(-1)}},
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
