package servicenowtest_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
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
	rng := rand.New(rand.NewPCG(3, 4))
	saved, _ := (&servicenow.ChangeCursor{}).MarshalText()
	last := map[string]int{}
	restarts := 0
	read := func() int {
		var cur servicenow.ChangeCursor
		if err := cur.UnmarshalText(saved); err != nil {
			t.Fatal(err)
		}
		n := 0
		for ch, err := range table.Changes(ctx, &cur, &servicenow.ChangeOptions{PageSize: 13, SkewWindow: 2 * time.Second}) {
			if err != nil {
				t.Fatal(err)
			}
			if prev, ok := last[ch.SysID]; ok && ch.ModCount <= prev {
				t.Fatalf("%s version %d yielded after version %d", ch.SysID, ch.ModCount, prev)
			}
			last[ch.SysID] = ch.ModCount
			n++
			saved, _ = cur.MarshalText() // persisted once the change is handled
			if rng.IntN(40) == 0 {
				restarts++
				break // the process stops; the next read starts from saved
			}
		}
		return n
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
			read()
		}
	}
	for read() > 0 { // catch up after the last write
	}
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
