package thehive

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/internal/testkit"
)

func TestCaseDecodeV1(t *testing.T) {
	c, mock := newMock(t, V1)
	answerAll(mock, testkit.Answer{Status: 200, Body: `{"_id":"~1","_type":"Case","_createdBy":"a@b","_createdAt":1709294400000,
		"number":42,"title":"t","severity":4,"tlp":3,"tlpLabel":"RED","pap":1,"status":"Custom1","flag":false,
		"impactStatus":"WithImpact","assignee":"bob","startDate":1709294400000,"endDate":null,
		"customFields":[{"_id":"x","name":"when","type":"date","value":1709294400000,"order":2},
		                {"name":"n","type":"integer","value":7,"order":1},{"name":"s","type":"string","value":null}]}`})
	cs, err := c.Cases.Get(context.Background(), "~1")
	if err != nil {
		t.Fatal(err)
	}
	if cs.ID != "~1" || cs.Number != 42 || cs.Severity != SeverityCritical || cs.CreatedBy != "a@b" {
		t.Errorf("case = %+v", cs)
	}
	if cs.TLP != TLPRed {
		t.Errorf("TLP = %v, want RED from the label", cs.TLP)
	}
	if cs.Status != "Custom1" || cs.Status.String() != "Custom1" {
		t.Errorf("status = %q", cs.Status)
	}
	if !cs.CreatedAt.Equal(day) || !cs.StartDate.Equal(day) || !cs.EndDate.IsZero() {
		t.Errorf("times = %v %v %v", cs.CreatedAt, cs.StartDate, cs.EndDate)
	}
	want := CustomFields{
		{Name: "when", Type: CustomDate, Value: day, Order: 2},
		{Name: "n", Type: CustomInteger, Value: int64(7), Order: 1},
		{Name: "s", Type: CustomString, Value: nil},
	}
	if !reflect.DeepEqual(cs.CustomFields, want) {
		t.Errorf("custom fields = %#v", cs.CustomFields)
	}
}

func TestCaseDecodeV0(t *testing.T) {
	c, mock := newMock(t, V0)
	answerAll(mock, testkit.Answer{Status: 200, Body: `{"id":"AV1","_id":"AV1","caseId":9,"owner":"amy","createdBy":"amy",
		"createdAt":1709294400000,"tlp":3,"status":"Resolved","resolutionStatus":"TruePositive",
		"customFields":{"b":{"boolean":true,"order":1},"a":{"string":"x","order":0},"f":{"float":2.5}}}`})
	cs, err := c.Cases.Get(context.Background(), "AV1")
	if err != nil {
		t.Fatal(err)
	}
	if cs.ID != "AV1" || cs.Number != 9 || cs.Assignee != "amy" || cs.CreatedBy != "amy" || !cs.CreatedAt.Equal(day) {
		t.Errorf("case = %+v", cs)
	}
	if cs.TLP != TLPRed {
		t.Errorf("TLP = %v, want RED (3 in V0)", cs.TLP)
	}
	if cs.ResolutionStatus != StatusTruePositive {
		t.Errorf("resolution = %q", cs.ResolutionStatus)
	}
	want := CustomFields{
		{Name: "a", Type: CustomString, Value: "x"},
		{Name: "f", Type: CustomFloat, Value: 2.5},
		{Name: "b", Type: CustomBoolean, Value: true, Order: 1},
	}
	if !reflect.DeepEqual(cs.CustomFields, want) {
		t.Errorf("custom fields = %#v", cs.CustomFields)
	}
}

func TestTLPDecodeTable(t *testing.T) {
	tests := []struct {
		n     TLP
		label string
		d     Dialect
		want  TLP
	}{
		{n: 3, label: "", d: V1, want: TLPAmberStrict},
		{n: 3, label: "", d: V0, want: TLPRed},
		{n: 4, label: "", d: V1, want: TLPRed},
		{n: 0, label: "WHITE", d: V0, want: TLPClear},
		{n: 2, label: "AMBER+STRICT", d: V1, want: TLPAmberStrict},
		{n: 9, label: "", d: V1, want: TLP(9)},
		{n: 9, label: "PURPLE", d: V1, want: TLP(9)},
	}
	for _, tt := range tests {
		if got := specFor(tt.d).readTLP(tt.n, tt.label); got != tt.want {
			t.Errorf("readTLP(%d, %q) in %v = %v, want %v", tt.n, tt.label, tt.d, got, tt.want)
		}
	}
}

func TestEnumStrings(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{got: SeverityLow.String(), want: "Low"}, {got: SeverityCritical.String(), want: "Critical"}, {got: Severity(7).String(), want: "Severity(7)"},
		{got: TLPAmberStrict.String(), want: "AMBER+STRICT"}, {got: TLP(-1).String(), want: "TLP(-1)"},
		{got: PAPGreen.String(), want: "GREEN"}, {got: PAP(5).String(), want: "PAP(5)"},
		{got: ImpactNotApplicable.String(), want: "NotApplicable"}, {got: TaskCancel.String(), want: "Cancel"},
		{got: CustomDate.String(), want: "date"}, {got: V0.String(), want: "v0"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("String() = %q, want %q", tt.got, tt.want)
		}
	}
}

func TestTimeJSON(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		err  bool
	}{
		{in: `1709294400000`, want: day, err: false},
		{in: `1709294400000.0`, want: day, err: false},
		{in: `"1709294400000"`, want: day, err: false},
		{in: `null`, want: time.Time{}, err: false},
		{in: `""`, want: time.Time{}, err: false},
		{in: `"x"`, want: time.Time{}, err: true},
		{in: `true`, want: time.Time{}, err: true},
		{in: `1e300`, want: time.Time{}, err: true},
	}
	for _, tt := range tests {
		var tm Time
		err := json.Unmarshal([]byte(tt.in), &tm)
		if (err != nil) != tt.err {
			t.Errorf("%s: err = %v", tt.in, err)
			continue
		}
		if !tt.err && !tm.Equal(tt.want) {
			t.Errorf("%s: %v, want %v", tt.in, tm.Time, tt.want)
		}
	}
	b, _ := json.Marshal(struct{ A, B Time }{A: Time{day}})
	if string(b) != `{"A":1709294400000,"B":null}` {
		t.Errorf("marshal = %s", b)
	}
}

func TestErrorEnvelope(t *testing.T) {
	c, mock := newMock(t, V1, WithoutRetries())
	answerAll(mock, testkit.Answer{Status: 400, Body: `{"type":"AttributeCheckingError","message":"Invalid attributes",
		"errors":[{"name":"case.severity","field":"severity","format":"int","type":"InvalidFormatAttributeError","value":"9"}]}`})
	_, err := c.Cases.Create(context.Background(), &CaseInput{Title: "t", Description: "d"})
	e := testkit.APIError(t, err, "thehive")
	if e.StatusCode != 400 || e.Code != "AttributeCheckingError" || e.Message != "Invalid attributes" {
		t.Errorf("error = %+v", e)
	}
	fields := AttributeErrors(err)
	if len(fields) != 1 || fields[0].Field != "severity" || fields[0].Format != "int" || fields[0].Name != "case.severity" {
		t.Errorf("fields = %+v", fields)
	}

	for _, tt := range []struct {
		status int
		body   string
		is     error
		code   string
	}{
		{status: 404, body: `{"type":"NotFoundError","message":"Case ~9 not found"}`, is: ErrNotFound, code: "NotFoundError"},
		{status: 401, body: `{"type":"AuthenticationError","message":"bad key"}`, is: ErrUnauthorized, code: "AuthenticationError"},
		{status: 403, body: `{"type":"AuthorizationError","message":"no"}`, is: ErrForbidden, code: "AuthorizationError"},
		{status: 500, body: `{"type":"InternalError","message":"boom"}`, is: ErrServer, code: "InternalError"},
	} {
		c, mock := newMock(t, V1, WithoutRetries())
		answerAll(mock, testkit.Answer{Status: tt.status, Body: tt.body})
		_, err := c.Cases.Get(context.Background(), "~9")
		if e := testkit.APIError(t, err, "thehive"); !errors.Is(err, tt.is) || e.Code != tt.code {
			t.Errorf("%d: error = %v", tt.status, err)
		}
	}
}

func TestCreateNotRetriedOn500(t *testing.T) {
	c, mock := newMock(t, V1)
	answerAll(mock, testkit.Answer{Status: 502, Body: `{"type":"InternalError","message":"x"}`})
	if _, err := c.Cases.Create(context.Background(), &CaseInput{Title: "t", Description: "d"}); err == nil {
		t.Fatal("no error")
	}
	wantSent(t, mock, 1)
	mock.Reset()
	if _, err := c.Cases.Get(context.Background(), "~1"); err == nil {
		t.Fatal("no error")
	}
	if n := len(mock.Requests()); n < 2 {
		t.Errorf("get sent %d times, want retries", n)
	}
}

func TestTaskDecodeV0(t *testing.T) {
	c, mock := newMock(t, V0)
	answerAll(mock, testkit.Answer{Status: 200, Body: `{"id":"T1","owner":"amy","status":"InProgress","createdAt":1709294400000,"dueDate":1709294400000}`})
	task, err := c.Tasks.Get(context.Background(), "T1")
	if err != nil {
		t.Fatal(err)
	}
	if task.ID != "T1" || task.Assignee != "amy" || task.Status != TaskInProgress || !task.CreatedAt.Equal(day) || !task.DueDate.Equal(day) {
		t.Errorf("task = %+v", task)
	}
}

func TestGetByNumberV0NotFound(t *testing.T) {
	c, mock := newMock(t, V0)
	answerAll(mock, testkit.Answer{Status: 200, Body: `[]`, Header: testkit.Headers("X-Total", "0")})
	_, err := c.Cases.GetByNumber(context.Background(), 77)
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "#77") {
		t.Errorf("error = %v", err)
	}
}

// TestDuplicateAnswers pins TheHive's own answers to a create whose object
// exists already; each must match ErrAlreadyExists. The bodies are those
// of the servers' source:
//
//   - TheHive 4 (TheHive-Project/TheHive at 4.1.24, the code TheHive 5
//     grew from): thehive/app/org/thp/thehive/services/AlertSrv.scala
//     create fails with CreateError("Alert <type>:<source>:<sourceRef>
//     already exist in organisation <org>"), and
//     thehive/app/org/thp/thehive/services/ObservableSrv.scala create with
//     CreateError("Observable already exists"); ScalliGraph's
//     core/src/main/scala/org/thp/scalligraph/ErrorHandler.scala answers a
//     CreateError with 400 {"type","message"}. The observable controllers
//     (thehive/app/org/thp/thehive/controllers/v0/ObservableCtrl.scala and
//     v1/ObservableCtrl.scala, createInCase) put each refused value in the
//     failure list of a 207 answer, even when all were refused.
//   - TheHive 3 (tag 3.5.2): thehive-backend/app/models/Alert.scala makes
//     the alert id the hash of type|source|sourceRef, so a second create
//     hits Elasticsearch's version conflict, which elastic4play's
//     app/org/elastic4play/database/DBConfiguration.scala turns into
//     ConflictError(reason) and app/org/elastic4play/ErrorHandler.scala
//     into 400 {"type":"ConflictError","message","object"};
//     thehive-backend/app/services/ArtifactSrv.scala refuses an observable
//     with ConflictError("Artifact already exists", attributes), and
//     elastic4play's app/org/elastic4play/controllers/Renderer.scala
//     (toMultiOutput) answers 400 with the list of errors when every value
//     of a multi-value create failed.
func TestDuplicateAnswers(t *testing.T) {
	tests := []struct {
		name    string
		dialect Dialect
		call    func(c *Client) error
		status  int
		body    string
		exists  bool
	}{
		{name: "thehive 4/5 alert", dialect: V1, call: createAlert, status: 400,
			body:   `{"type":"CreateError","message":"Alert edr:mdr:r1 already exist in organisation soc"}`,
			exists: true},
		{name: "thehive 4/5 observable", dialect: V1, call: createObservable, status: 400,
			body:   `{"type":"CreateError","message":"Observable already exists"}`,
			exists: true},
		// This client sends alerts only in V1, but the decoder reads every
		// version's body.
		{name: "thehive 3 alert", dialect: V1, call: createAlert, status: 400,
			body: `{"type":"ConflictError","message":"[alert][0e6cb4d3b9a0cbd8f8a2a1e6f07e1f6d]: version conflict, ` +
				`document already exists (current version [1])","object":{}}`,
			exists: true},
		{name: "thehive 3 artifact", dialect: V0, call: createObservable, status: 400,
			body:   `{"type":"ConflictError","message":"Artifact already exists","object":{"data":"10.0.0.1","dataType":"ip"}}`,
			exists: true},
		{name: "thehive 3 artifacts all refused", dialect: V0, call: createObservable, status: 400,
			body: `[{"type":"ConflictError","message":"Artifact already exists","object":{"data":"10.0.0.2"}},` +
				`{"type":"ConflictError","message":"Artifact already exists","object":{"data":"10.0.0.1"}}]`,
			exists: true},
		{name: "thehive 3 artifacts refused for other reasons", dialect: V0, call: createObservable, status: 400,
			body: `[{"type":"ConflictError","message":"Artifact already exists","object":{}},` +
				`{"type":"AttributeCheckingError","message":"Invalid format for data"}]`,
			exists: false},
		{name: "other create error", dialect: V1, call: createAlert, status: 400,
			body:   `{"type":"CreateError","message":"Case template tpl not found"}`,
			exists: false},
		{name: "version conflict on update", dialect: V0, call: createObservable, status: 400,
			body:   `{"type":"ConflictError","message":"version conflict, current version [2] is different than the one provided [1]","object":{}}`,
			exists: false},
		{name: "bad request", dialect: V1, call: createAlert, status: 400,
			body:   `{"type":"BadRequest","message":"Alert already exists?"}`,
			exists: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock := newMock(t, tt.dialect)
			answerAll(mock, testkit.Answer{Status: tt.status, Body: tt.body})
			err := tt.call(c)
			e := testkit.APIError(t, err, "thehive")
			if got := errors.Is(err, ErrAlreadyExists); got != tt.exists || e.Exists != tt.exists {
				t.Errorf("errors.Is(%v, ErrAlreadyExists) = %v, Exists = %v; want %v", err, got, e.Exists, tt.exists)
			}
			if errors.Is(err, ErrConflict) {
				t.Errorf("a 400 answer matches ErrConflict")
			}
			if e.Code == "" || e.Message == "" {
				t.Errorf("Code %q, Message %q: want TheHive's type and message", e.Code, e.Message)
			}
			wantSent(t, mock, 1)
		})
	}
}

// TestDuplicateObservablesPartial pins TheHive 4 and 5's 207 answer
// (ObservableCtrl.createInCase, see TestDuplicateAnswers): every refused
// value a duplicate makes the *PartialError match ErrAlreadyExists.
func TestDuplicateObservablesPartial(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		exists bool
	}{
		{name: "all refused as duplicates",
			body:   `{"success":[],"failure":[{"type":"CreateError","message":"Observable already exists","object":{"data":"10.0.0.1"}}]}`,
			exists: true},
		{name: "one created, one duplicate",
			body: `{"success":[{"_id":"~1","data":"10.0.0.2"}],` +
				`"failure":[{"type":"CreateError","message":"Observable already exists","object":{"data":"10.0.0.1"}}]}`,
			exists: true},
		{name: "refused for another reason",
			body: `{"success":[],"failure":[{"type":"CreateError","message":"Observable already exists","object":{"data":"10.0.0.1"}},` +
				`{"type":"BadRequest","message":"A attachment observable doesn't accept string value","object":{"data":"x"}}]}`,
			exists: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock := newMock(t, V1)
			answerAll(mock, testkit.Answer{Status: 207, Body: tt.body})
			res, err := c.Observables.Create(context.Background(), "~9",
				&ObservableInput{DataType: "ip", Data: []string{"10.0.0.1", "10.0.0.2"}})
			if !errors.Is(err, ErrPartial) || res == nil {
				t.Fatalf("error = %v, want ErrPartial with a result", err)
			}
			if got := errors.Is(err, ErrAlreadyExists); got != tt.exists {
				t.Errorf("errors.Is(ErrAlreadyExists) = %v, want %v", got, tt.exists)
			}
			if !res.Failures[0].Exists() {
				t.Errorf("failure %+v does not report Exists", res.Failures[0])
			}
		})
	}
}

func createAlert(c *Client) error {
	return errOf(c.Alerts.Create(context.Background(), &AlertInput{Type: "edr", Source: "mdr", SourceRef: "r1", Title: "t", Description: "d"}))
}

func createObservable(c *Client) error {
	return errOf(c.Observables.Create(context.Background(), "~9", &ObservableInput{DataType: "ip", Data: []string{"10.0.0.1"}}))
}

// TestRaw checks that every record keeps the JSON it was decoded from,
// unknown fields included, in both dialects and from lists.
func TestRaw(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		dialect Dialect
		answer  string
		call    func(c *Client) (json.RawMessage, error)
	}{
		{name: "case v1", dialect: V1, answer: `{"_id":"~1","title":"t","timeToResolve":42}`,
			call: func(c *Client) (json.RawMessage, error) { x, err := c.Cases.Get(ctx, "~1"); return raw(x, err) }},
		{name: "case v0", dialect: V0, answer: `{"id":"AV1","caseId":3,"metrics":{"x":1}}`,
			call: func(c *Client) (json.RawMessage, error) { x, err := c.Cases.Get(ctx, "AV1"); return raw(x, err) }},
		{name: "task", dialect: V1, answer: `{"_id":"~2","title":"t","extraData":{"shareCount":1}}`,
			call: func(c *Client) (json.RawMessage, error) { x, err := c.Tasks.Get(ctx, "~2"); return raw(x, err) }},
		{name: "log", dialect: V0, answer: `{"id":"L1","message":"m","attachment":{"name":"a.txt"}}`,
			call: func(c *Client) (json.RawMessage, error) {
				x, err := c.Tasks.AddLog(ctx, "T1", &LogInput{Message: "m"})
				return raw(x, err)
			}},
		{name: "observable", dialect: V1, answer: `{"_id":"~4","dataType":"ip","data":"1.2.3.4","papLabel":"AMBER"}`,
			call: func(c *Client) (json.RawMessage, error) { x, err := c.Observables.Get(ctx, "~4"); return raw(x, err) }},
		{name: "alert", dialect: V1, answer: `{"_id":"~5","type":"edr","follow":true}`,
			call: func(c *Client) (json.RawMessage, error) { x, err := c.Alerts.Get(ctx, "~5"); return raw(x, err) }},
		{name: "comment", dialect: V1, answer: `{"_id":"~8","message":"m","external":false}`,
			call: func(c *Client) (json.RawMessage, error) {
				x, err := c.Comments.Create(ctx, "~1", &CommentInput{Message: "m"})
				return raw(x, err)
			}},
		{name: "case in a list", dialect: V1, answer: `[ {"_id":"~1","handlingDuration":7} ]`,
			call: func(c *Client) (json.RawMessage, error) {
				p, err := c.Cases.List(ctx, nil)
				if err != nil {
					return nil, err
				}
				return p.Items[0].Raw, nil
			}},
		{name: "observable in a 207", dialect: V0,
			answer: `{"success":[{"id":"O1","data":"a","reports":{}}],"failure":[{"type":"CreateError","message":"Observable already exists"}]}`,
			call: func(c *Client) (json.RawMessage, error) {
				res, _ := c.Observables.Create(ctx, "AV1", &ObservableInput{DataType: "ip", Data: []string{"a", "b"}})
				return res.Created[0].Raw, nil
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock := newMock(t, tt.dialect)
			answerAll(mock, testkit.Answer{Status: 200, Body: tt.answer, Header: testkit.Headers("X-Total", "1")})
			got, err := tt.call(c)
			if err != nil {
				t.Fatal(err)
			}
			want := strings.TrimSpace(tt.answer)
			if strings.HasPrefix(want, "[") {
				want = `{"_id":"~1","handlingDuration":7}`
			}
			if strings.HasPrefix(want, `{"success"`) {
				want = `{"id":"O1","data":"a","reports":{}}`
			}
			if string(got) != want {
				t.Errorf("Raw = %s, want %s", got, want)
			}
		})
	}
}

// raw returns the Raw of a record.
func raw[T any](x *T, err error) (json.RawMessage, error) {
	if err != nil {
		return nil, err
	}
	return reflect.ValueOf(x).Elem().FieldByName("Raw").Bytes(), nil
}

// TestDecodeArray pins how a page is split into records and their Raw.
func TestDecodeArray(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		hint    int
		want    []string // each record's Raw
		wantErr bool
	}{
		{name: "spaced", in: " [ {\"_id\":\"~1\"} ,\n\t{\"_id\":\"~2\",\"x\":[1,{}]} ] ", hint: 1,
			want: []string{`{"_id":"~1"}`, `{"_id":"~2","x":[1,{}]}`}},
		{name: "more than the hint", in: `[{},{},{}]`, hint: 2, want: []string{`{}`, `{}`, `{}`}},
		{name: "empty", in: `[]`, hint: 100, want: nil},
		{name: "null", in: `null`, want: nil},
		{name: "object", in: `{"_id":"~1"}`, wantErr: true},
		{name: "truncated", in: `[{"_id":"~1"},{"_id":`, wantErr: true},
		{name: "wrong type", in: `[{"_id":7}]`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := decodeArray[Case, caseWire](v1Spec, []byte(tt.in), tt.hint)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error = %v, want error %v", err, tt.wantErr)
			}
			var got []string
			for _, c := range items {
				got = append(got, string(c.Raw))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Raw = %q, want %q", got, tt.want)
			}
			if len(items) == 3 && (&items[0].Raw[0] == &items[1].Raw[0] || cap(items[0].Raw) != len(items[0].Raw)) {
				t.Error("records share or can grow into each other's Raw")
			}
		})
	}
}
