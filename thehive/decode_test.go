package thehive

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestCaseDecodeV1(t *testing.T) {
	c, mock := newMock(t, V1)
	var got []seen
	mock.RegisterNoResponder(recorder(&got, 200, `{"_id":"~1","_type":"Case","_createdBy":"a@b","_createdAt":1709294400000,
		"number":42,"title":"t","severity":4,"tlp":3,"tlpLabel":"RED","pap":1,"status":"Custom1","flag":false,
		"impactStatus":"WithImpact","assignee":"bob","startDate":1709294400000,"endDate":null,
		"customFields":[{"_id":"x","name":"when","type":"date","value":1709294400000,"order":2},
		                {"name":"n","type":"integer","value":7,"order":1},{"name":"s","type":"string","value":null}]}`))
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
	var got []seen
	mock.RegisterNoResponder(recorder(&got, 200, `{"id":"AV1","_id":"AV1","caseId":9,"owner":"amy","createdBy":"amy",
		"createdAt":1709294400000,"tlp":3,"status":"Resolved","resolutionStatus":"TruePositive",
		"customFields":{"b":{"boolean":true,"order":1},"a":{"string":"x","order":0},"f":{"float":2.5}}}`))
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
		{3, "", V1, TLPAmberStrict},
		{3, "", V0, TLPRed},
		{4, "", V1, TLPRed},
		{0, "WHITE", V0, TLPClear},
		{2, "AMBER+STRICT", V1, TLPAmberStrict},
		{9, "", V1, TLP(9)},
		{9, "PURPLE", V1, TLP(9)},
	}
	for _, tt := range tests {
		if got := decodeTLP(tt.n, tt.label, tt.d); got != tt.want {
			t.Errorf("decodeTLP(%d, %q, %v) = %v, want %v", tt.n, tt.label, tt.d, got, tt.want)
		}
	}
}

func TestEnumStrings(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{SeverityLow.String(), "Low"}, {SeverityCritical.String(), "Critical"}, {Severity(7).String(), "Severity(7)"},
		{TLPAmberStrict.String(), "AMBER+STRICT"}, {TLP(-1).String(), "TLP(-1)"},
		{PAPGreen.String(), "GREEN"}, {PAP(5).String(), "PAP(5)"},
		{ImpactNotApplicable.String(), "NotApplicable"}, {TaskCancel.String(), "Cancel"},
		{CustomDate.String(), "date"}, {V0.String(), "v0"},
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
		{`1709294400000`, day, false},
		{`1709294400000.0`, day, false},
		{`"1709294400000"`, day, false},
		{`null`, time.Time{}, false},
		{`""`, time.Time{}, false},
		{`"x"`, time.Time{}, true},
		{`true`, time.Time{}, true},
		{`1e300`, time.Time{}, true},
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
	var got []seen
	mock.RegisterNoResponder(recorder(&got, 400, `{"type":"AttributeCheckingError","message":"Invalid attributes",
		"errors":[{"name":"case.severity","field":"severity","format":"int","type":"InvalidFormatAttributeError","value":"9"}]}`))
	_, err := c.Cases.Create(context.Background(), CaseInput{Title: "t", Description: "d"})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v is not *Error", err)
	}
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
		{404, `{"type":"NotFoundError","message":"Case ~9 not found"}`, ErrNotFound, "NotFoundError"},
		{401, `{"type":"AuthenticationError","message":"bad key"}`, ErrUnauthorized, "AuthenticationError"},
		{403, `{"type":"AuthorizationError","message":"no"}`, ErrForbidden, "AuthorizationError"},
		{500, `{"type":"InternalError","message":"boom"}`, ErrServer, "InternalError"},
	} {
		c, mock := newMock(t, V1, WithoutRetries())
		mock.RegisterNoResponder(recorder(&got, tt.status, tt.body))
		_, err := c.Cases.Get(context.Background(), "~9")
		if !errors.Is(err, tt.is) || !errors.As(err, &e) || e.Code != tt.code {
			t.Errorf("%d: error = %v", tt.status, err)
		}
	}
}

func TestCreateNotRetriedOn500(t *testing.T) {
	c, mock := newMock(t, V1)
	var got []seen
	mock.RegisterNoResponder(recorder(&got, 502, `{"type":"InternalError","message":"x"}`))
	if _, err := c.Cases.Create(context.Background(), CaseInput{Title: "t", Description: "d"}); err == nil {
		t.Fatal("no error")
	}
	if len(got) != 1 {
		t.Errorf("create sent %d times", len(got))
	}
	got = nil
	if _, err := c.Cases.Get(context.Background(), "~1"); err == nil {
		t.Fatal("no error")
	}
	if len(got) < 2 {
		t.Errorf("get sent %d times, want retries", len(got))
	}
}

func TestTaskDecodeV0(t *testing.T) {
	c, mock := newMock(t, V0)
	var got []seen
	mock.RegisterNoResponder(recorder(&got, 200, `{"id":"T1","owner":"amy","status":"InProgress","createdAt":1709294400000,"dueDate":1709294400000}`))
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
	var got []seen
	mock.RegisterNoResponder(recorder(&got, 200, `[]`, "X-Total", "0"))
	_, err := c.Cases.GetByNumber(context.Background(), 77)
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "#77") {
		t.Errorf("error = %v", err)
	}
}
