package cyderestest_test

import (
	"context"
	"fmt"
	"iter"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/cyderes/cyderestest"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

// TestChangeFeedUnderConcurrentWriters follows every ticket while a writer
// adds tickets and comments on them, dozens within each microsecond of
// the fake's clock, and restarts the feed from its persisted cursor at
// random points: every ticket's last version is yielded, and no version
// twice.
func TestChangeFeedUnderConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	var ticks atomic.Int64
	base := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return base.Add(time.Duration(ticks.Load()/30) * time.Microsecond) }
	srv := cyderestest.New(cyderestest.WithClock(clock))
	t.Cleanup(srv.Close)
	c, err := cyderes.NewClient(srv.URL(), cyderes.WithToken(cyderestest.Token))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i := range 60 {
		ids = append(ids, srv.AddTicket(cyderestest.Ticket{TicketType: []string{"alert", "phishing"}[i%2], ShortDescription: fmt.Sprint("t", i)}))
	}

	var wg sync.WaitGroup
	wg.Go(func() {
		rng := rand.New(rand.NewPCG(1, 2))
		for i := range 600 {
			ticks.Add(1)
			if i%5 == 0 {
				ids = append(ids, srv.AddTicket(cyderestest.Ticket{TicketType: "alert", Escalated: i%2 == 0, ShortDescription: fmt.Sprint("w", i)}))
				continue
			}
			if err := c.Comments.Create(ctx, ids[rng.IntN(min(len(ids), 8+i%2*len(ids)))], &cyderes.CommentInput{Author: "feed", Body: fmt.Sprint("c", i)}); err != nil {
				t.Error(err)
				return
			}
		}
	})

	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	type state struct {
		at       time.Time
		comments int
	}
	last := map[string]state{}
	restarts, saved := testkit.FollowWithRestarts(t,
		func(cur *cyderes.ChangeCursor) iter.Seq2[*cyderes.Change, error] {
			return c.Tickets.Changes(ctx, cur, &cyderes.ChangeOptions{PageSize: 7, SkewWindow: 5 * time.Microsecond})
		},
		func(ch *cyderes.Change) {
			now := state{ch.At, len(ch.Record.Comments)}
			if prev, ok := last[ch.ID]; ok && (now.at.Before(prev.at) || now == prev) {
				t.Fatalf("%s: %+v yielded after %+v", ch.ID, now, prev)
			}
			last[ch.ID] = now
		},
		testkit.Restarts{Writing: done, OneIn: 30, Seed: 3})
	if restarts < 5 {
		t.Errorf("only %d restarts", restarts)
	}
	if len(ids) != 180 {
		t.Fatalf("%d tickets written, want 180", len(ids))
	}
	for _, id := range ids {
		tk, _ := srv.Ticket(id)
		if got, want := last[id], (state{tk.Updated, len(tk.Comments)}); !got.at.Equal(want.at) || got.comments != want.comments {
			t.Errorf("%s: last state yielded %+v, the ticket is at %+v", id, got, want)
		}
	}

	var other cyderes.ChangeCursor
	if err := other.UnmarshalText(saved); err != nil {
		t.Fatal(err)
	}
	for _, err := range c.Tickets.Changes(ctx, &other, &cyderes.ChangeOptions{EscalatedOnly: true}) {
		if err == nil {
			t.Error("a cursor of every ticket followed the escalated ones")
		}
		break
	}
}
