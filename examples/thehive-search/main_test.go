package main

import (
	"bytes"
	"context"
	"testing"
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
