package cyderes_test

import (
	"context"
	"fmt"
	"time"

	"github.com/incidentkit/incidentkit/cyderes"
)

// Ensure posts a comment once: the marker it carries is how a second call
// (after a lost answer, or by a later run) finds it.
func ExampleCommentService_Ensure() {
	srv := newFake()
	defer srv.Close()
	c := newClient(srv)
	ctx := context.Background()
	for range 2 {
		made, err := c.Comments.Ensure(ctx, "TSI-100001", &cyderes.CommentInput{Author: "SOC", Body: "Escalated to TheHive case #1."},
			"[escalated:TSI-100001]")
		if err != nil {
			panic(err)
		}
		fmt.Println("made:", made)
	}
	t, _ := c.Tickets.Get(ctx, "TSI-100001")
	fmt.Printf("%d comment: %q\n", len(t.Comments), t.Comments[0].Body)
	// Output:
	// made: true
	// made: false
	// 1 comment: "Escalated to TheHive case #1.\n[escalated:TSI-100001]"
}

// Changes follows the tickets updated since a day, oldest first; the
// cursor, saved after each change (MarshalText), resumes after a restart.
func ExampleTicketService_Changes() {
	srv := newFake()
	defer srv.Close()
	c := newClient(srv)
	ctx := context.Background()
	cur := cyderes.NewChangeCursor(time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC))
	follow := func() {
		for ch, err := range c.Tickets.Changes(ctx, cur, nil) {
			if err != nil {
				panic(err)
			}
			fmt.Println(ch.ID, ch.Record.ShortDescription, len(ch.Record.Comments), "comment(s)")
		}
	}
	follow()
	if err := c.Comments.Create(ctx, "TSI-100006", &cyderes.CommentInput{Author: "SOC", Body: "Looking."}); err != nil {
		panic(err)
	}
	follow()
	follow() // caught up: nothing new
	// Output:
	// TSI-100006 alert of May 6 0 comment(s)
	// TSI-100007 alert of May 7 0 comment(s)
	// TSI-100006 alert of May 6 1 comment(s)
}
