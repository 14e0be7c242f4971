package thehive_test

import (
	"context"
	"fmt"
	"time"

	"github.com/incidentkit/incidentkit/thehive"
)

// Ensure raises an alert once by its type, source and sourceRef;
// EnsurePromoted turns it into a case once.
func ExampleAlertService_Ensure() {
	srv, client := fake(thehive.V1)
	defer srv.Close()
	ctx := context.Background()
	in := &thehive.AlertInput{Type: "cyderes", Source: "Cyderes TSI", SourceRef: "TSI-100001",
		Title: "Ransomware behaviour on FS-02", Description: "Mass file renames on FS-02."}
	for range 2 {
		a, made, err := client.Alerts.Ensure(ctx, in)
		if err != nil {
			panic(err)
		}
		c, promoted, err := client.Alerts.EnsurePromoted(ctx, a.ID, nil)
		if err != nil {
			panic(err)
		}
		fmt.Printf("alert %s made: %v; case #%d made: %v\n", a.SourceRef, made, c.Number, promoted)
	}
	// Output:
	// alert TSI-100001 made: true; case #1 made: true
	// alert TSI-100001 made: false; case #1 made: false
}

// Changes follows the cases created or updated since a time; the cursor,
// saved after each change (MarshalText), resumes the feed after a
// restart.
func ExampleCaseService_Changes() {
	srv, client := fake(thehive.V1)
	defer srv.Close()
	ctx := context.Background()
	cur := thehive.NewChangeCursor(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))
	c, err := client.Cases.Create(ctx, &thehive.CaseInput{Title: "Phishing wave", Description: "Reported by finance."})
	if err != nil {
		panic(err)
	}
	follow := func() {
		for ch, err := range client.Cases.Changes(ctx, cur, nil) {
			if err != nil {
				panic(err)
			}
			fmt.Printf("case #%d %s (created: %v)\n", ch.Record.Number, ch.Record.Status, ch.Created)
		}
	}
	follow()
	if err := client.Cases.Close(ctx, c.ID, &thehive.CaseClose{Status: thehive.StatusTruePositive, Summary: "Mails purged."}); err != nil {
		panic(err)
	}
	follow()
	follow() // caught up: nothing new
	// Output:
	// case #1 New (created: true)
	// case #1 TruePositive (created: false)
}
