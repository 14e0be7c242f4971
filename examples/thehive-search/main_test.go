package main

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

func TestSearchExample(t *testing.T) {
	for _, dialect := range []string{"", "v0"} {
		t.Run("dialect "+dialect, func(t *testing.T) { search(t, dialect) })
	}
}

func search(t *testing.T, dialect string) {
	var out bytes.Buffer
	env := func(k string) string {
		if k == "THEHIVE_DIALECT" {
			return dialect
		}
		return ""
	}
	if err := run(context.Background(), &out, env); err != nil {
		t.Fatal(err)
	}
	want := `(THEHIVE_URL is not set: searching an in-memory TheHive)
4 matching cases
  #7   Critical Phishing: fake CEO
  #3   Critical Phishing: shared invoice
  #5   High     Phishing: MFA fatigue
  #1   Medium   Phishing: payroll update
`
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
}

// A server that takes the request and never answers ends the run at the
// caller's deadline.
func TestSearchExampleGivesUpOnAStalledServer(t *testing.T) {
	srv := thehivetest.New()
	defer srv.Close()
	srv.Delay(1, time.Hour, nil)
	env := map[string]string{"THEHIVE_URL": srv.URL(), "THEHIVE_API_KEY": thehivetest.APIKey}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	var out bytes.Buffer
	if err := run(ctx, &out, func(k string) string { return env[k] }); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
}
