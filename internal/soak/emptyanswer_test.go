package soak

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/thehive"
)

// TestEmptySuccessIsNeverARecord is the empty-2xx class: a server (or a
// proxy in front of it) that answers a read, a create or a list with a
// success status but no usable JSON. Every call of every client must end
// in a *BodyError — never a zero record, an empty id and a nil error that
// a bridge would act on.
func TestEmptySuccessIsNeverARecord(t *testing.T) {
	answers := []struct {
		name, contentType, body string
		status                  int
		records                 bool // only a record call is expected to refuse it
	}{
		{name: "200 empty", status: 200, contentType: "application/json"},
		{name: "202 empty", status: 202, contentType: "application/json"},
		{name: "200 blank", status: 200, contentType: "application/json", body: "\r\n "},
		{name: "200 HTML without text", status: 200, contentType: "text/html", body: "<html><head></head><body><img src=x></body></html>"},
		{name: "200 XML", status: 200, contentType: "text/xml", body: `<?xml version="1.0"?><ok/>`},
		{name: "201 empty object", status: 201, contentType: "application/json", body: "{}", records: true},
	}
	for _, a := range answers {
		t.Run(a.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.Copy(io.Discard, r.Body)
				w.Header().Set("Content-Type", a.contentType)
				w.WriteHeader(a.status)
				_, _ = io.WriteString(w, a.body)
			}))
			defer srv.Close()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			snc, _ := servicenow.NewClient(srv.URL, servicenow.WithAPIKey("k"), servicenow.WithoutRetries())
			thc, _ := thehive.NewClient(srv.URL, thehive.WithAPIKey("k"), thehive.WithoutRetries())
			th0, _ := thehive.NewClient(srv.URL, thehive.WithAPIKey("k"), thehive.WithoutRetries(), thehive.WithDialect(thehive.V0))
			cyc, _ := cyderes.NewClient(srv.URL, cyderes.WithToken("k"), cyderes.WithoutRetries())
			calls := map[string]func() error{
				"servicenow get": func() error { _, err := snc.Incidents.Get(ctx, "abc", nil); return err },
				"servicenow create": func() error {
					_, err := snc.Incidents.Create(ctx, &servicenow.IncidentInput{ShortDescription: incidentkit.Ptr("x")})
					return err
				},
				"servicenow update": func() error {
					_, err := snc.Incidents.Update(ctx, "abc", &servicenow.IncidentInput{ShortDescription: incidentkit.Ptr("x")})
					return err
				},
				"thehive get":     func() error { _, err := thc.Cases.Get(ctx, "~1"); return err },
				"thehive 3/4 get": func() error { _, err := th0.Cases.Get(ctx, "AV1"); return err },
				"thehive create": func() error {
					_, err := thc.Cases.Create(ctx, &thehive.CaseInput{Title: "t", Description: "d"})
					return err
				},
				"thehive 3/4 create": func() error {
					_, err := th0.Cases.Create(ctx, &thehive.CaseInput{Title: "t", Description: "d"})
					return err
				},
			}
			if !a.records {
				calls["servicenow list"] = func() error { _, err := snc.Incidents.List(ctx, nil); return err }
				calls["thehive list"] = func() error { _, err := thc.Cases.List(ctx, nil); return err }
				calls["cyderes list"] = func() error { _, err := cyc.Tickets.List(ctx, nil); return err }
				calls["cyderes get"] = func() error { _, err := cyc.Tickets.Get(ctx, "T1"); return err }
			}
			for name, call := range calls {
				err := call()
				var be *incidentkit.BodyError
				if !errors.As(err, &be) {
					t.Errorf("%s: err = %v, want a *BodyError", name, err)
				}
			}
		})
	}
}
