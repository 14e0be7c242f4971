package outbox_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/incidentkit/incidentkit/outbox"
)

// Comment is an effect: a comment owed to a ticket.
type Comment struct {
	Ticket string `json:"ticket"`
	Body   string `json:"body"`
}

// A comment that fails stays in the box; the next start drains it.
func Example() {
	dir, _ := os.MkdirTemp("", "outbox-example")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "bridge.db") // a program would use outbox.DefaultPath("bridge")
	ctx := context.Background()

	box, err := outbox.Open[Comment](path)
	if err != nil {
		fmt.Println(err)
		return
	}
	post := func(_ context.Context, c Comment) error { return errors.New("502 Bad Gateway") }
	err = box.Do(ctx, "comment/TSI-1/escalated", Comment{Ticket: "TSI-1", Body: "Escalated."}, post)
	fmt.Println("first run:", err)
	box.Close()

	// Later, the program starts again and first finishes what is owed.
	box, err = outbox.Open[Comment](path)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer box.Close()
	r, err := box.Drain(ctx, func(_ context.Context, e outbox.Entry[Comment]) error {
		fmt.Printf("posting to %s after %d failed attempt(s): %s\n", e.Effect.Ticket, e.Attempts, e.Effect.Body)
		return nil
	})
	fmt.Printf("done %d, failed %d, %v\n", r.Done, r.Failed, err)
	// Output:
	// first run: 502 Bad Gateway
	// posting to TSI-1 after 1 failed attempt(s): Escalated.
	// done 1, failed 0, <nil>
}
