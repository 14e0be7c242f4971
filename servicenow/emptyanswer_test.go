package servicenow

import (
	"context"
	"errors"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

// TestAnswersWithoutARecordAreErrors: a 2xx that carries no record — an
// HTML page without title or text, an XML page, an empty 202, a JSON
// object without ServiceNow's result member — is a *BodyError, never an
// empty Incident with an empty sys_id and a nil error.
func TestAnswersWithoutARecordAreErrors(t *testing.T) {
	tests := []struct {
		name   string
		answer testkit.Answer
	}{
		{name: "200 HTML without title or text", answer: testkit.Answer{Body: "<html><body></body></html>", Header: testkit.Headers("Content-Type", "text/html")}},
		{name: "200 XML", answer: testkit.Answer{Body: `<?xml version="1.0"?><response><result/></response>`, Header: testkit.Headers("Content-Type", "application/xml")}},
		{name: "202 empty", answer: testkit.Answer{Status: 202}},
		{name: "200 without result", answer: testkit.Answer{Body: `{"status":"ok"}`}},
		{name: "200 with a null result", answer: testkit.Answer{Body: `{"result":null}`}},
	}
	calls := []struct {
		name string
		call func(c *Client) error
	}{
		{name: "get", call: func(c *Client) error {
			_, err := c.Incidents.Get(context.Background(), "abc", nil)
			return err
		}},
		{name: "create", call: func(c *Client) error {
			_, err := c.Incidents.Create(context.Background(), &IncidentInput{ShortDescription: incidentkit.Ptr("x")})
			return err
		}},
		{name: "table update", call: func(c *Client) error {
			_, err := c.Records("u_case").Update(context.Background(), "abc", map[string]string{"u_x": "1"})
			return err
		}},
	}
	for _, tt := range tests {
		for _, call := range calls {
			t.Run(tt.name+"/"+call.name, func(t *testing.T) {
				c, m := newClient(t, WithoutRetries())
				answerAll(m, tt.answer)
				err := call.call(c)
				var be *incidentkit.BodyError
				if !errors.As(err, &be) || be.Service != "servicenow" {
					t.Fatalf("err = %v, want a servicenow *BodyError", err)
				}
			})
		}
	}
}

// TestDeleteOfAnEmptySuccess: a DELETE answered 204, or 200 with nothing,
// is a success.
func TestDeleteOfAnEmptySuccess(t *testing.T) {
	for _, status := range []int{200, 204} {
		c, m := newClient(t)
		answerAll(m, testkit.Answer{Status: status})
		if err := c.Incidents.Delete(context.Background(), "abc"); err != nil {
			t.Errorf("%d: %v", status, err)
		}
	}
}

// TestSendOnceKeepsACustomJournalFieldFromRepeating: an update of a custom
// journal field (u_…) cannot be recognised as an append, so the caller
// marks it with incidentkit.SendOnce: a 502 then ends the call instead of
// appending the entry twice.
func TestSendOnceKeepsACustomJournalFieldFromRepeating(t *testing.T) {
	for _, once := range []bool{false, true} {
		c, m := newClient(t)
		answerAll(m, testkit.Answer{Status: 502, Body: `{"error":{"message":"bad gateway"}}`})
		ctx := context.Background()
		if once {
			ctx = incidentkit.SendOnce(ctx)
		}
		_, err := c.Records("u_case").Update(ctx, "abc", map[string]string{"u_analyst_log": "entry"})
		if !errors.Is(err, incidentkit.ErrServer) {
			t.Fatalf("err = %v", err)
		}
		if n, want := len(m.Requests()), map[bool]int{false: 5, true: 1}[once]; n != want {
			t.Errorf("send once %v: %d requests, want %d", once, n, want)
		}
	}
}
