package thehivetest_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// versionOf is a stored object's version as the feed sees it: its update
// time, or its creation time while it has never been updated.
func versionOf(d map[string]any) int64 {
	for _, k := range []string{"_updatedAt", "_createdAt"} {
		if v, ok := d[k]; ok && v != nil {
			n, _ := strconv.ParseInt(fmt.Sprint(v), 10, 64)
			return n
		}
	}
	return 0
}

// TestChangeFeedUnderConcurrentWriters follows cases and alerts while a
// writer creates and updates them, dozens within each millisecond of the
// fake's clock, and restarts the feed from its persisted cursor at random
// points: every object's last version is yielded, and no version twice.
func TestChangeFeedUnderConcurrentWriters(t *testing.T) {
	for _, d := range []thehive.Dialect{thehive.V1, thehive.V0} {
		for _, kind := range []string{"case", "alert"} {
			t.Run(d.String()+"/"+kind, func(t *testing.T) {
				ctx := context.Background()
				var ticks atomic.Int64
				base := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
				clock := func() time.Time { return base.Add(time.Duration(ticks.Load()/30) * time.Millisecond) }
				srv := thehivetest.New(thehivetest.WithOrganisation("soc"), thehivetest.WithClock(clock))
				t.Cleanup(srv.Close)
				c, err := thehive.NewClient(srv.URL(), thehive.WithAPIKey(thehivetest.APIKey), thehive.WithOrganisation("soc"),
					thehive.WithDialect(d))
				if err != nil {
					t.Fatal(err)
				}
				feed, stored := feedOf(c, srv, kind)
				var ids []string
				for i := range 60 {
					ids = append(ids, create(t, srv, kind, i))
				}

				var wg sync.WaitGroup
				wg.Go(func() {
					rng := rand.New(rand.NewPCG(1, 2))
					for i := range 600 {
						ticks.Add(1)
						if i%5 == 0 {
							id, err := createVia(ctx, c, kind, 1000+i)
							if err != nil {
								t.Error(err)
								return
							}
							ids = append(ids, id)
							continue
						}
						if err := updateVia(ctx, c, kind, ids[rng.IntN(len(ids))], strconv.Itoa(i)); err != nil {
							t.Error(err)
							return
						}
					}
				})

				rng := rand.New(rand.NewPCG(3, 4))
				saved, _ := (&thehive.ChangeCursor{}).MarshalText()
				last := map[string]state{}
				restarts := 0
				read := func() int {
					var cur thehive.ChangeCursor
					if err := cur.UnmarshalText(saved); err != nil {
						t.Fatal(err)
					}
					n := 0
					for ch, err := range feed(ctx, &cur, &thehive.ChangeOptions{PageSize: 7, SkewWindow: 5 * time.Millisecond}) {
						if err != nil {
							t.Fatal(err)
						}
						now := state{ch.At.UnixMilli(), ch.Description}
						if prev, ok := last[ch.ID]; ok && (now.at < prev.at || now == prev) {
							t.Fatalf("%s: %+v yielded after %+v", ch.ID, now, prev)
						}
						last[ch.ID] = now
						n++
						saved, _ = cur.MarshalText() // persisted once the change is handled
						if rng.IntN(30) == 0 {
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
				objs := stored()
				if len(objs) != 180 {
					t.Fatalf("%d objects stored, want 180", len(objs))
				}
				for _, o := range objs {
					id := fmt.Sprint(o["_id"])
					if got, want := last[id], (state{versionOf(o), fmt.Sprint(o["description"])}); got != want {
						t.Errorf("%s: last state yielded %+v, the object is at %+v", id, got, want)
					}
				}
			})
		}
	}
}

// state is what the test tells an object's states apart by: its version
// time and its description, which every update changes.
type state struct {
	at   int64
	desc string
}

// change is what the test checks of a change.
type change struct {
	ID, Description string
	At              time.Time
}

// feedOf returns the change feed of kind and the fake's stored objects of
// that kind.
func feedOf(c *thehive.Client, srv *thehivetest.Server, kind string) (
	func(context.Context, *thehive.ChangeCursor, *thehive.ChangeOptions) func(func(*change, error) bool),
	func() []map[string]any) {
	if kind == "case" {
		return func(ctx context.Context, cur *thehive.ChangeCursor, o *thehive.ChangeOptions) func(func(*change, error) bool) {
			return func(yield func(*change, error) bool) {
				for ch, err := range c.Cases.Changes(ctx, cur, o) {
					if !yield(strip(ch, func(c *thehive.Case) string { return c.Description }), err) {
						return
					}
				}
			}
		}, srv.Cases
	}
	return func(ctx context.Context, cur *thehive.ChangeCursor, o *thehive.ChangeOptions) func(func(*change, error) bool) {
		return func(yield func(*change, error) bool) {
			for ch, err := range c.Alerts.Changes(ctx, cur, o) {
				if !yield(strip(ch, func(a *thehive.Alert) string { return a.Description }), err) {
					return
				}
			}
		}
	}, srv.Alerts
}

// strip keeps what the test checks of a change.
func strip[T any](ch *thehive.Change[T], desc func(*T) string) *change {
	if ch == nil {
		return nil
	}
	return &change{ID: ch.ID, At: ch.At, Description: desc(ch.Record)}
}

func create(t *testing.T, srv *thehivetest.Server, kind string, i int) string {
	t.Helper()
	if kind == "case" {
		return srv.AddCase(thehivetest.Case{Title: fmt.Sprint("case ", i), Description: "d"})
	}
	return srv.AddAlert(thehivetest.Alert{Type: "siem", Source: "feed", SourceRef: fmt.Sprint("R-", i), Title: "t", Description: "d"})
}

func createVia(ctx context.Context, c *thehive.Client, kind string, i int) (string, error) {
	if kind == "case" {
		cs, err := c.Cases.Create(ctx, &thehive.CaseInput{Title: fmt.Sprint("case ", i), Description: "d"})
		if err != nil {
			return "", err
		}
		return cs.ID, nil
	}
	a, err := c.Alerts.Create(ctx, &thehive.AlertInput{Type: "siem", Source: "feed", SourceRef: fmt.Sprint("R-", i), Title: "t", Description: "d"})
	if err != nil {
		return "", err
	}
	return a.ID, nil
}

func updateVia(ctx context.Context, c *thehive.Client, kind, id, text string) error {
	if kind == "case" {
		return c.Cases.Update(ctx, id, &thehive.CaseUpdate{Description: &text})
	}
	return c.Alerts.Update(ctx, id, &thehive.AlertUpdate{Description: &text})
}
