package main

import (
	"bytes"
	"context"
	"testing"
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
