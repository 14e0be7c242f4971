package soak

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/thehive"
)

// echoForms returns the forms in which a careless server may echo a
// credential: as received, JSON-escaped by encoding/json (\u003c, \u0026),
// with "/" as "\/", URL-encoded as a query value and as a path.
func echoForms(v string) []string {
	js, _ := json.Marshal(v)
	inner := strings.Trim(string(js), `"`)
	return []string{v, inner, strings.ReplaceAll(inner, "/", `\/`), url.QueryEscape(v), url.PathEscape(v)}
}

// TestEchoedSecretsStayOut is the escaped-echo class: every client, with
// every credential kind it takes, against a server that echoes the
// credential headers back in every escaped form — in the error body, the
// message and a response header, with a 401, a 500 and a 200 whose JSON is
// cut short. No form may reach an error field or a log record.
func TestEchoedSecretsStayOut(t *testing.T) {
	const pass, key = `pa"ss<&>/w rd+1`, `k/e+y<&>"2`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		// Echo what arrived: the credential headers and, for basic
		// authentication, the decoded user:password.
		var got []string
		for _, name := range []string{"Authorization", "X-Sn-Apikey", "X-Api-Key"} {
			if v := r.Header.Get(name); v != "" {
				got = append(got, v, strings.TrimPrefix(strings.TrimPrefix(v, "Bearer "), "Basic "))
			}
		}
		if user, pw, ok := r.BasicAuth(); ok {
			got = append(got, user+":"+pw, pw)
		}
		var echo []string
		for _, v := range got {
			echo = append(echo, echoForms(v)...)
		}
		all := strings.Join(echo, " ")
		w.Header().Set("X-Echo", url.QueryEscape(all))
		w.Header().Set("Content-Type", "application/json")
		status := map[string]int{"401": 401, "500": 500}[path.Base(r.URL.Path)]
		if status == 0 {
			status = 200
		}
		w.WriteHeader(status)
		msg, _ := json.Marshal(all)
		_, _ = io.WriteString(w, `{"error":{"message":`+string(msg)+`,"detail":`+string(msg)+`},"message":`+string(msg)+`,"type":"AuthenticationError"`)
		if status != 200 {
			_, _ = io.WriteString(w, `}`)
		}
	}))
	defer srv.Close()
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	snBasic, _ := servicenow.NewClient(srv.URL, servicenow.WithBasicAuth("admin", pass), servicenow.WithLogger(logger), servicenow.WithoutRetries())
	snKey, _ := servicenow.NewClient(srv.URL, servicenow.WithAPIKey(key), servicenow.WithLogger(logger), servicenow.WithoutRetries())
	thKey, _ := thehive.NewClient(srv.URL, thehive.WithAPIKey(key), thehive.WithLogger(logger), thehive.WithoutRetries())
	thBasic, _ := thehive.NewClient(srv.URL, thehive.WithBasicAuth("admin", pass), thehive.WithLogger(logger), thehive.WithoutRetries())
	cyTok, _ := cyderes.NewClient(srv.URL, cyderes.WithToken(key), cyderes.WithLogger(logger), cyderes.WithoutRetries())
	ctx := context.Background()
	var errs []error
	for _, id := range []string{"401", "500", "200"} {
		_, err := snBasic.Incidents.Get(ctx, id, nil)
		errs = append(errs, err)
		_, err = snKey.Incidents.Get(ctx, id, nil)
		errs = append(errs, err)
		_, err = thKey.Cases.Get(ctx, id)
		errs = append(errs, err)
		_, err = thBasic.Cases.Get(ctx, id)
		errs = append(errs, err)
		_, err = cyTok.Tickets.Get(ctx, id)
		errs = append(errs, err)
	}

	texts := []string{logs.String()}
	for _, err := range errs {
		if err == nil {
			t.Fatal("a call against the echoing server succeeded")
		}
		texts = append(texts, err.Error())
		var apiErr *incidentkit.Error
		if errors.As(err, &apiErr) {
			texts = append(texts, string(apiErr.Body), apiErr.Message, apiErr.Detail, apiErr.Code, strings.Join(apiErr.Header.Values("X-Echo"), " "))
		}
		var bodyErr *incidentkit.BodyError
		if errors.As(err, &bodyErr) {
			texts = append(texts, bodyErr.Summary)
		}
	}
	for _, secret := range []string{pass, key} {
		for _, form := range echoForms(secret) {
			for _, text := range texts {
				if strings.Contains(text, form) {
					t.Errorf("%q leaked as %q into:\n%s", secret, form, text)
				}
			}
		}
	}
}
