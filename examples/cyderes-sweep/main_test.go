package main

import (
	"bytes"
	"context"
	"testing"
	"time"
)

func TestSweepExample(t *testing.T) {
	var out bytes.Buffer
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	if err := run(context.Background(), &out, func(string) string { return "" }, now); err != nil {
		t.Fatal(err)
	}
	want := `(CYDERES_TOKEN is not set: sweeping an in-memory TSI API)
tickets created since Nov 22 12:00 UTC:
  TSI-100001  alert           P1            Ransomware behaviour on FS-02
  TSI-100002  phishing        P2            Reported phish: shared invoice
  TSI-100003  alert           P3            Impossible travel for j.doe
  TSI-100004  service_request P4            Allow-list vendor domain
`
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
}
