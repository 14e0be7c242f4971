package servicenow_test

import (
	"context"
	"fmt"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/servicenow"
)

// Ensure opens the incident of another system's record once, however
// often it is called: the second call finds the incident by its
// correlation ID.
func ExampleIncidentService_Ensure() {
	srv, c := newFake()
	defer srv.Close()
	ctx := context.Background()
	for range 2 {
		in, made, err := c.Incidents.Ensure(ctx, &servicenow.IncidentInput{
			ShortDescription: incidentkit.Ptr("Ransomware behaviour on FS-02"),
			CorrelationID:    incidentkit.Set("TSI-100001"),
		})
		if err != nil {
			panic(err)
		}
		fmt.Println(in.Number, in.CorrelationID, "made:", made)
	}
	// Output:
	// INC0010001 TSI-100001 made: true
	// INC0010001 TSI-100001 made: false
}

// Changes follows a table's changes; the cursor, saved after each change
// (MarshalText), resumes the feed after a restart.
func ExampleTable_Changes() {
	srv, c := newFake()
	defer srv.Close()
	ctx := context.Background()
	incidents := servicenow.NewTable[servicenow.Incident](c, "incident")
	cur := servicenow.NewChangeCursor(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	in, _ := c.Incidents.Create(ctx, &servicenow.IncidentInput{ShortDescription: incidentkit.Ptr("Phishing wave")})
	follow := func() {
		for ch, err := range incidents.Changes(ctx, cur, nil) {
			if err != nil {
				panic(err)
			}
			fmt.Println(ch.Record.Number, ch.Record.State, "version", ch.ModCount)
		}
	}
	follow()
	if _, err := c.Incidents.Resolve(ctx, in.SysID, servicenow.CloseSolutionProvided, "Mails purged."); err != nil {
		panic(err)
	}
	saved, _ := cur.MarshalText() // as a program would keep it across a restart
	cur = new(servicenow.ChangeCursor)
	if err := cur.UnmarshalText(saved); err != nil {
		panic(err)
	}
	follow()
	follow() // caught up: nothing new
	// Output:
	// INC0010001 New version 0
	// INC0010001 Resolved version 1
}
