package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

func TestTour(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var out bytes.Buffer
	if err := run(ctx, &out, nil); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"1. list:   7 incidents over 4 requests [INC0010001 INC0010002 INC0010003 INC0010004 INC0010005 INC0010006 INC0010007]",
		"2. create: INC0010008 created after 2 attempts (429 first); the instance stored 1 new incident",
		`3. create: 500 "Internal Server Error", sent 1 time(s), not repeated`,
		`4. get:    sys_id "../admin" requested as /api/now/table/incident/..%2Fadmin → errors.Is(err, servicenow.ErrNotFound) = true`,
		`5. get:    200 answer that is an HTML page, not JSON: "200 OK"`,
		"6. get:    empty sys_id → servicenow: invalid sys_id: is empty (errors.Is(err, servicenow.ErrInvalidInput) = true)",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks\n%s\n\ngot:\n%s", want, out.String())
		}
	}
}
