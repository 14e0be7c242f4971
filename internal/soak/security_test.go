package soak

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/cyderes/cyderestest"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/filter"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// TestQueryValuesCannotInject sends hostile values through both query
// languages: they match literally or nothing, never widen the query.
func TestQueryValuesCannotInject(t *testing.T) {
	w := newTestWorld(t)
	ctx := context.Background()
	w.sn.Seed("incident", servicenowtest.Record{"short_description": "phish", "active": "true"},
		servicenowtest.Record{"short_description": "x^NQactive=true"})
	for value, want := range map[string]int{"x^NQactive=true": 1, "nothing^NQactive=true": 0, "phish^ORactive=true": 0} {
		page, err := w.snc.Incidents.List(ctx, &servicenow.ListOptions{Query: encodedquery.Field("short_description").Eq(value)})
		if err != nil || len(page.Items) != want {
			t.Errorf("ServiceNow value %q matched %d records (%v), want %d", value, len(page.Items), err, want)
		}
	}
	if _, err := w.snc.Incidents.List(ctx, &servicenow.ListOptions{Query: encodedquery.Field("short_description").Eq("a\nb")}); !errors.Is(err, servicenow.ErrInvalidInput) {
		t.Errorf("a newline in a value: %v", err)
	}
	w.th.AddCase(thehivetest.Case{Title: "Phishing", Description: "d"})
	w.th.AddCase(thehivetest.Case{Title: `x"},{"_field":"title","_value":"Phishing`, Description: "d"})
	for _, d := range []thehive.Dialect{thehive.V1, thehive.V0} {
		c, _ := thehive.NewClient(w.th.URL(), thehive.WithAPIKey(thehivetest.APIKey), thehive.WithDialect(d))
		for value, want := range map[string]int{`x"},{"_field":"title","_value":"Phishing`: 1, `nope"}]}`: 0} {
			n, err := c.Cases.Count(ctx, filter.Eq("title", value))
			if err != nil || n != want {
				t.Errorf("%v: TheHive value %q matched %d (%v), want %d", d, value, n, err, want)
			}
		}
		if n, err := c.Cases.Count(ctx, filter.StartsWith("title", "*")); d == thehive.V0 && (err != nil || n != 0) {
			t.Errorf("v0 wildcard characters were not escaped: %d %v", n, err)
		}
	}
}

// TestIDsCannotTraverse gives every ID parameter a path-traversal value:
// each request must reach the server with the ID as one escaped segment.
func TestIDsCannotTraverse(t *testing.T) {
	w := newTestWorld(t)
	ctx := context.Background()
	const id = "../../x"
	up := func() incidentkit.Upload {
		return incidentkit.Upload{Reader: strings.NewReader("x"), FileName: "a.txt"}
	}
	calls := map[string]func() error{
		"sn incident get": func() error { _, err := w.snc.Incidents.Get(ctx, id, nil); return err },
		"sn incident update": func() error {
			_, err := w.snc.Incidents.Update(ctx, id, &servicenow.IncidentInput{Category: incidentkit.Set("x")})
			return err
		},
		"sn incident delete": func() error { return w.snc.Incidents.Delete(ctx, id) },
		"sn work note":       func() error { _, err := w.snc.Incidents.AddWorkNote(ctx, id, "n"); return err },
		"sn record get":      func() error { _, err := w.snc.Records("incident").Get(ctx, id, nil); return err },
		"sn attachment get":  func() error { _, err := w.snc.Attachments.Get(ctx, id); return err },
		"sn attachment del":  func() error { return w.snc.Attachments.Delete(ctx, id) },
		"sn download":        func() error { _, err := w.snc.Attachments.Download(ctx, id, io.Discard, nil); return err },
		"th case get":        func() error { _, err := w.thc.Cases.Get(ctx, id); return err },
		"th case update":     func() error { return w.thc.Cases.Update(ctx, id, &thehive.CaseUpdate{Title: incidentkit.Ptr("t")}) },
		"th case delete":     func() error { return w.thc.Cases.Delete(ctx, id) },
		"th comment": func() error {
			_, err := w.thc.Comments.Create(ctx, id, &thehive.CommentInput{Message: "c"})
			return err
		},
		"th task create": func() error { _, err := w.thc.Tasks.Create(ctx, id, &thehive.TaskInput{Title: "t"}); return err },
		"th task get":    func() error { _, err := w.thc.Tasks.Get(ctx, id); return err },
		"th task log":    func() error { _, err := w.thc.Tasks.AddLog(ctx, id, &thehive.LogInput{Message: "m"}); return err },
		"th observable":  func() error { _, err := w.thc.Observables.Get(ctx, id); return err },
		"th obs create": func() error {
			_, err := w.thc.Observables.Create(ctx, id, &thehive.ObservableInput{DataType: "ip", Data: []string{"192.0.2.1"}})
			return err
		},
		"th alert get":     func() error { _, err := w.thc.Alerts.Get(ctx, id); return err },
		"th alert promote": func() error { _, err := w.thc.Alerts.Promote(ctx, id, nil); return err },
		"cy ticket":        func() error { _, err := w.cyc.Tickets.Get(ctx, id); return err },
		"cy attachments":   func() error { _, err := w.cyc.Attachments.List(ctx, id); return err },
		"cy attachment":    func() error { _, err := w.cyc.Attachments.Get(ctx, id, id); return err },
		"cy download":      func() error { _, err := w.cyc.Attachments.Download(ctx, id, id, io.Discard, nil); return err },
		"cy comment":       func() error { return w.cyc.Comments.Create(ctx, id, &cyderes.CommentInput{Author: "a", Body: "b"}) },
		"cy close":         func() error { return w.cyc.Tickets.Close(ctx, id, "") },
		"cy upload": func() error {
			return w.cyc.Attachments.Upload(ctx, id, incidentkit.Upload{Reader: strings.NewReader("x"), FileName: "a"})
		},
		"sn attach to": func() error { _, err := w.snc.Incidents.Attach(ctx, id, up()); return err },
	}
	sent := func() int { return len(w.rawPaths()) }
	for name, call := range calls {
		before := sent()
		err := call()
		if err == nil {
			t.Errorf("%s with ID %q succeeded", name, id)
		}
		// A call that sent nothing checked no escaping: it must have
		// refused the ID up front.
		var inputErr *incidentkit.InputError
		if sent() == before && !errors.As(err, &inputErr) {
			t.Errorf("%s with ID %q sent nothing, yet failed with %T: %v", name, id, err, err)
		}
	}
	for _, p := range w.rawPaths() {
		if strings.Contains(p, "/../") || strings.HasSuffix(p, "/x") || strings.Contains(p, "/x/") {
			t.Errorf("a request left its endpoint: %s", p)
		}
	}
}

// TestSecretsStayOut runs failing and succeeding calls with distinctive
// credentials and searches every error and log record for them.
func TestSecretsStayOut(t *testing.T) {
	const snPass, hiveKey, cyToken = "sn-PASS-4f1e9", "hive-KEY-7a2c0", "cy-TOKEN-93bd1"
	sn := servicenowtest.New(servicenowtest.WithBasicAuth("admin", snPass))
	th := thehivetest.New(thehivetest.WithAPIKey(hiveKey))
	cy := cyderestest.New(cyderestest.WithToken(cyToken))
	defer sn.Close()
	defer th.Close()
	defer cy.Close()
	// The handler serialises its writes, and every record is written
	// before the call that logs it returns.
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	ctx := context.Background()
	snc, _ := servicenow.NewClient(sn.URL(), servicenow.WithBasicAuth("admin", snPass), servicenow.WithLogger(logger), servicenow.WithoutRetries())
	snBad, _ := servicenow.NewClient(sn.URL(), servicenow.WithBasicAuth("admin", snPass+"x"), servicenow.WithLogger(logger))
	thc, _ := thehive.NewClient(th.URL(), thehive.WithAPIKey(hiveKey), thehive.WithLogger(logger), thehive.WithoutRetries())
	thBad, _ := thehive.NewClient(th.URL(), thehive.WithAPIKey(hiveKey+"x"), thehive.WithLogger(logger))
	cyc, _ := cyderes.NewClient(cy.URL(), cyderes.WithToken(cyToken), cyderes.WithLogger(logger), cyderes.WithoutRetries())
	cyBad, _ := cyderes.NewClient(cy.URL(), cyderes.WithToken(cyToken+"x"), cyderes.WithLogger(logger))
	sn.Fail(1, http.StatusInternalServerError, 0, nil)
	th.Fail(1, http.StatusBadGateway, 0, nil)
	cy.Fail(1, http.StatusServiceUnavailable, 0, nil)
	var errs []error
	collect := func(_ any, err error) { errs = append(errs, err) }
	collect(snc.Incidents.List(ctx, nil))
	collect(snc.Incidents.Get(ctx, "missing", nil))
	collect(snBad.Incidents.List(ctx, nil))
	collect(thc.Cases.List(ctx, nil))
	collect(thc.Cases.Get(ctx, "~missing"))
	collect(thBad.Cases.List(ctx, nil))
	collect(cyc.Tickets.List(ctx, nil))
	collect(cyc.Tickets.Get(ctx, "missing"))
	collect(cyBad.Tickets.List(ctx, nil))
	text := logs.String()
	for _, err := range errs {
		if err != nil {
			text += "\n" + err.Error()
		}
	}
	if len(errs) == 0 || !strings.Contains(text, "401") {
		t.Fatalf("the calls did not fail as planned:\n%s", text)
	}
	for _, secret := range []string{snPass, hiveKey, cyToken} {
		if strings.Contains(text, secret) {
			t.Errorf("secret %q leaked:\n%s", secret, text)
		}
	}
}

// TestRedirectsCarryNoCredentials points every client at a server that
// redirects elsewhere; the other host must see no credentials.
func TestRedirectsCarryNoCredentials(t *testing.T) {
	other := servicenowtest.New() // records every request it receives
	defer other.Close()
	otherURL := strings.Replace(other.URL(), "127.0.0.1", "localhost", 1) // another host
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, otherURL+r.URL.RequestURI(), http.StatusFound)
	}))
	defer redirector.Close()
	ctx := context.Background()
	snc, _ := servicenow.NewClient(redirector.URL, servicenow.WithAPIKey("sn-key"), servicenow.WithoutRetries())
	_, _ = snc.Incidents.List(ctx, nil)
	snb, _ := servicenow.NewClient(redirector.URL, servicenow.WithBasicAuth("u", "p"), servicenow.WithoutRetries())
	_, _ = snb.Incidents.Get(ctx, "x", nil)
	thc, _ := thehive.NewClient(redirector.URL, thehive.WithAPIKey("hive-key"), thehive.WithoutRetries())
	_, _ = thc.Cases.Get(ctx, "~1")
	cyc, _ := cyderes.NewClient(redirector.URL, cyderes.WithToken("cy-token"), cyderes.WithoutRetries())
	_, _ = cyc.Tickets.Get(ctx, "t")
	var leaked []string
	for _, r := range other.Requests() {
		for _, h := range []string{"Authorization", "X-Sn-Apikey"} {
			if v := r.Header.Get(h); v != "" {
				leaked = append(leaked, h+": "+v)
			}
		}
	}
	if len(leaked) > 0 {
		t.Fatalf("credentials crossed hosts: %v", leaked)
	}
	if hits := len(other.Requests()); hits < 4 {
		t.Fatalf("the other host saw %d requests: the redirects were not followed", hits)
	}
}

// TestHostileServers answers with oversized and deeply nested JSON: each
// call ends in an error, promptly, without exhausting memory or stack.
func TestHostileServers(t *testing.T) {
	bodies := map[string]func(w io.Writer){
		"huge": func(w io.Writer) {
			_, _ = io.WriteString(w, `{"result":[`)
			row := []byte(`{"sys_id":"` + strings.Repeat("a", 1000) + `"},`)
			for range 200000 { // about 200 MB if read in full
				if _, err := w.Write(row); err != nil {
					return
				}
			}
		},
		"nested": func(w io.Writer) {
			_, _ = io.WriteString(w, `{"result":`+strings.Repeat("[", 200000)+strings.Repeat("]", 200000)+`}`)
		},
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				body(w)
			}))
			defer srv.Close()
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			snc, _ := servicenow.NewClient(srv.URL, servicenow.WithAPIKey("k"), servicenow.WithMaxResponseBytes(8<<20), servicenow.WithoutRetries())
			thc, _ := thehive.NewClient(srv.URL, thehive.WithAPIKey("k"), thehive.WithMaxResponseBytes(8<<20), thehive.WithoutRetries())
			cyc, _ := cyderes.NewClient(srv.URL, cyderes.WithToken("k"), cyderes.WithMaxResponseBytes(8<<20), cyderes.WithoutRetries())
			for client, call := range map[string]func() error{
				"servicenow": func() error { _, err := snc.Incidents.List(ctx, nil); return err },
				"thehive":    func() error { _, err := thc.Cases.List(ctx, nil); return err },
				"cyderes":    func() error { _, err := cyc.Tickets.List(ctx, nil); return err },
			} {
				err := call()
				var be *incidentkit.BodyError
				if !errors.As(err, &be) {
					t.Errorf("%s: %v, want a body error", client, err)
				}
			}
		})
	}
}

// TestTLS checks that certificates are verified and that old protocol
// versions are refused.
func TestTLS(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"result":[]}`)
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // handshake failures are expected
	srv.StartTLS()
	defer srv.Close()
	ctx := context.Background()
	untrusted, _ := servicenow.NewClient(srv.URL, servicenow.WithAPIKey("k"), servicenow.WithoutRetries())
	if _, err := untrusted.Incidents.List(ctx, nil); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("an unknown certificate was accepted: %v", err)
	}
	trusted, _ := servicenow.NewClient(srv.URL, servicenow.WithAPIKey("k"), servicenow.WithHTTPClient(srv.Client()))
	if _, err := trusted.Incidents.List(ctx, nil); err != nil {
		t.Errorf("a trusted certificate was refused: %v", err)
	}
	old := httptest.NewUnstartedServer(srv.Config.Handler)
	old.TLS = &tls.Config{MaxVersion: tls.VersionTLS11}
	old.Config.ErrorLog = log.New(io.Discard, "", 0)
	old.StartTLS()
	defer old.Close()
	hc := old.Client()
	hc.Transport.(*http.Transport).TLSClientConfig.MinVersion = 0 // the client's own default applies
	c, _ := cyderes.NewClient(old.URL, cyderes.WithToken("k"), cyderes.WithoutRetries(), cyderes.WithHTTPClient(hc))
	if _, err := c.Tickets.Get(ctx, "t"); err == nil {
		t.Error("TLS 1.1 was accepted")
	}
}
