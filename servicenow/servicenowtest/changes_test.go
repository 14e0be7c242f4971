package servicenowtest_test

import (
	"context"
	"fmt"
	"iter"
	"math/rand/v2"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
)

// TestChangeFeedUnderConcurrentWriters follows the incident table while a
// writer updates records, many within each second of the fake's clock,
// and restarts the feed from its persisted cursor at random points: every
// record's last version is yielded, and no version twice.
func TestChangeFeedUnderConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	var ticks atomic.Int64
	base := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return base.Add(time.Duration(ticks.Load()/40) * time.Second) } // 40 writes a second
	srv, c := setup(t, servicenowtest.WithClock(clock))
	var recs []servicenowtest.Record
	for i := range 120 {
		recs = append(recs, servicenowtest.Record{"short_description": fmt.Sprint("r", i)})
	}
	ids := srv.Seed("incident", recs...)

	var wg sync.WaitGroup
	wg.Go(func() {
		rng := rand.New(rand.NewPCG(1, 2))
		for i := range 900 {
			ticks.Add(1)
			id := ids[rng.IntN(len(ids))]
			if _, err := c.Incidents.Update(ctx, id, &servicenow.IncidentInput{Description: incidentkit.Set(strconv.Itoa(i))}); err != nil {
				t.Error(err)
				return
			}
		}
	})

	table := servicenow.NewTable[servicenow.Incident](c, "incident")
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	last := map[string]int{}
	restarts, saved := testkit.FollowWithRestarts(t,
		func(cur *servicenow.ChangeCursor) iter.Seq2[*servicenow.Change[servicenow.Incident], error] {
			return table.Changes(ctx, cur, &servicenow.ChangeOptions{PageSize: 13, SkewWindow: 2 * time.Second})
		},
		func(ch *servicenow.Change[servicenow.Incident]) {
			if prev, ok := last[ch.ID]; ok && ch.ModCount <= prev {
				t.Fatalf("%s version %d yielded after version %d", ch.ID, ch.ModCount, prev)
			}
			last[ch.ID] = ch.ModCount
		},
		testkit.Restarts{Writing: done, OneIn: 40, Seed: 3})
	if restarts < 5 {
		t.Errorf("only %d restarts", restarts)
	}
	for _, r := range srv.Records("incident") {
		want, _ := strconv.Atoi(r["sys_mod_count"])
		if got, ok := last[r["sys_id"]]; !ok || got != want {
			t.Errorf("%s: last version yielded %d (%v), the record is at %d", r["sys_id"], got, ok, want)
		}
	}
	var other servicenow.ChangeCursor
	if err := other.UnmarshalText(saved); err != nil {
		t.Fatal(err)
	}
	for _, err := range servicenow.NewTable[servicenow.Incident](c, "problem").Changes(ctx, &other, nil) {
		if err == nil {
			t.Error("a cursor of the incident table followed problem")
		}
		break
	}
	if err := other.UnmarshalText([]byte(`{"v":9}`)); err == nil {
		t.Error("a cursor of another format was accepted")
	}
}
