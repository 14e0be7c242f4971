package transport

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// TestEscapedSecretsAreScrubbed: a server that echoes a password back in
// an escaped form — JSON with HTML escaping (\u003c, \u0026), with "\/",
// with \u00XX escapes, URL-encoded as a query value or a path — must not
// get it into any error field or log record.
func TestEscapedSecretsAreScrubbed(t *testing.T) {
	const password = `p"a<s&s>/w rd+\x`
	jsonHTML, _ := json.Marshal(password)
	var plain strings.Builder
	escapeJSON(&plain, password, jsonPlain)
	var slash strings.Builder
	escapeJSON(&slash, password, jsonHTMLSlash)
	var upper strings.Builder
	escapeJSON(&upper, password, jsonAllUpper)
	forms := map[string]string{
		"JSON, HTML-escaped": strings.Trim(string(jsonHTML), `"`),
		"JSON, plain":        plain.String(),
		`JSON, "\/"`:         slash.String(),
		`JSON, \u00XX`:       upper.String(),
		"query value":        url.QueryEscape(password),
		"path segment":       url.PathEscape(password),
		"lower-case percent": strings.ToLower(url.QueryEscape(password)),
	}
	for name, form := range forms {
		for _, status := range []int{http.StatusBadRequest, http.StatusOK} {
			t.Run(name+"/"+http.StatusText(status), func(t *testing.T) {
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					_, _ = io.Copy(io.Discard, r.Body)
					w.Header().Set("X-Echo", form)
					w.Header().Set("Content-Type", "application/json")
					w.WriteHeader(status)
					// A 200 whose body is cut short, or a 400 with an error.
					_, _ = io.WriteString(w, `{"error":{"message":"bad password `+form+`","detail":"`+form+`"},"x":"`+form)
					if status != http.StatusOK {
						_, _ = io.WriteString(w, `"}`)
					}
				}))
				defer srv.Close()
				auth, err := BasicAuth("svc", password)
				if err != nil {
					t.Fatal(err)
				}
				c, sink := newClient(t, srv.URL, WithAuth(auth), WithoutRetries())
				var out map[string]any
				_, err = c.Do(context.Background(), &Request{Path: "/x"}, &out)
				if err == nil {
					t.Fatal("no error")
				}
				texts := []string{err.Error(), sink.String()}
				var apiErr *Error
				if errors.As(err, &apiErr) {
					texts = append(texts, string(apiErr.Body), apiErr.Message, apiErr.Detail, apiErr.Header.Get("X-Echo"))
				}
				var bodyErr *BodyError
				if errors.As(err, &bodyErr) {
					texts = append(texts, bodyErr.Summary)
				}
				for _, text := range texts {
					if strings.Contains(text, form) || strings.Contains(text, password) {
						t.Errorf("the password leaked as %q into %q", form, text)
					}
				}
			})
		}
	}
}

func TestScrubbedHeaderLeavesCleanHeadersAlone(t *testing.T) {
	s := newScrubber(nil, nil).with([]string{"tok"})
	clean := http.Header{"A": {"b"}}
	if got := s.Header(clean); &got["A"][0] != &clean["A"][0] {
		t.Error("a header without secrets was copied")
	}
	dirty := http.Header{"A": {"b tok"}}
	if got := s.Header(dirty); got.Get("A") != "b "+redacted || dirty.Get("A") != "b tok" {
		t.Errorf("scrubbed %q, original %q", got.Get("A"), dirty.Get("A"))
	}
}
