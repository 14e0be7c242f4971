package main

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
)

func TestQueryExample(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), &out, func(string) string { return "" }); err != nil {
		t.Fatal(err)
	}
	want := `(SERVICENOW_INSTANCE is not set: querying an in-memory instance)
query: active=true^category=security^priority<=2^ORshort_descriptionLIKEransomware^ORDERBYDESCopened_at
  INC0010003  High      Phishing wave against finance
  INC0010002  Critical  Domain admin login from unknown host
  INC0010001  Moderate  Ransomware note on file server
active incidents per priority:
  1 - Critical   2
  2 - High       1
  3 - Moderate   1
  4 - Low        1
`
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
}

// A server that takes the request and never answers ends the run at the
// caller's deadline.
func TestQueryExampleGivesUpOnAStalledServer(t *testing.T) {
	srv := servicenowtest.New()
	defer srv.Close()
	srv.Delay(1, time.Hour, nil)
	env := map[string]string{"SERVICENOW_INSTANCE": srv.URL(), "SERVICENOW_USER": "admin", "SERVICENOW_PASSWORD": "admin"}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	var out bytes.Buffer
	if err := run(ctx, &out, func(k string) string { return env[k] }); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
}
