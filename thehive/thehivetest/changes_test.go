package thehivetest_test

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

	"github.com/incidentkit/incidentkit/internal/testkit"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// TestChangeFeedUnderConcurrentWriters follows cases and alerts while a
// writer creates and updates them, dozens within each millisecond of the
// fake's clock, and restarts the feed from its persisted cursor at random
// points: every object's last state is yielded, and no state twice.
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
				ops := kindOps(ctx, c, srv)[kind]
				var ids []string
				for i := range 60 {
					ids = append(ids, ops.seed(i))
				}

				var wg sync.WaitGroup
				wg.Go(func() {
					rng := rand.New(rand.NewPCG(1, 2))
					for i := range 600 {
						ticks.Add(1)
						var err error
						if i%5 == 0 {
							var id string
							id, err = ops.create(1000 + i)
							ids = append(ids, id)
						} else {
							err = ops.update(ids[rng.IntN(len(ids))], strconv.Itoa(i))
						}
						if err != nil {
							t.Error(err)
							return
						}
					}
				})
				done := make(chan struct{})
				go func() { wg.Wait(); close(done) }()

				last := map[string]state{}
				restarts, _ := testkit.FollowWithRestarts(t,
					func(cur *thehive.ChangeCursor) iter.Seq2[state, error] {
						return ops.feed(cur, &thehive.ChangeOptions{PageSize: 7, SkewWindow: 5 * time.Millisecond})
					},
					func(now state) {
						if prev, ok := last[now.id]; ok && (now.at < prev.at || now == prev) {
							t.Fatalf("%+v yielded after %+v", now, prev)
						}
						last[now.id] = now
					},
					testkit.Restarts{Writing: done, OneIn: 30, Seed: 3})
				if restarts < 5 {
					t.Errorf("only %d restarts", restarts)
				}
				objs := ops.stored()
				if len(objs) != 180 {
					t.Fatalf("%d objects stored, want 180", len(objs))
				}
				for _, o := range objs {
					id := fmt.Sprint(o["_id"])
					if got, want := last[id], (state{id, versionOf(o), fmt.Sprint(o["description"])}); got != want {
						t.Errorf("last state yielded %+v, the object is at %+v", got, want)
					}
				}
			})
		}
	}
}

// state is what the test tells an object's states apart by: its version
// time and its description, which every update changes.
type state struct {
	id   string
	at   int64
	desc string
}

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

// ops are what the test does with one kind of object.
type ops struct {
	seed   func(i int) string
	create func(i int) (string, error)
	update func(id, description string) error
	feed   func(cur *thehive.ChangeCursor, o *thehive.ChangeOptions) iter.Seq2[state, error]
	stored func() []map[string]any
}

// kindOps returns the test's operations on cases and on alerts.
func kindOps(ctx context.Context, c *thehive.Client, srv *thehivetest.Server) map[string]ops {
	return map[string]ops{
		"case": {
			seed: func(i int) string {
				return srv.AddCase(thehivetest.Case{Title: fmt.Sprint("case ", i), Description: "d"})
			},
			create: func(i int) (string, error) {
				cs, err := c.Cases.Create(ctx, &thehive.CaseInput{Title: fmt.Sprint("case ", i), Description: "d"})
				return idOf(cs, err, func(cs *thehive.Case) string { return cs.ID })
			},
			update: func(id, text string) error { return c.Cases.Update(ctx, id, &thehive.CaseUpdate{Description: &text}) },
			feed: func(cur *thehive.ChangeCursor, o *thehive.ChangeOptions) iter.Seq2[state, error] {
				return states(c.Cases.Changes(ctx, cur, o), func(cs *thehive.Case) string { return cs.Description })
			},
			stored: srv.Cases,
		},
		"alert": {
			seed: func(i int) string {
				return srv.AddAlert(thehivetest.Alert{Type: "siem", Source: "feed", SourceRef: fmt.Sprint("R-", i), Title: "t", Description: "d"})
			},
			create: func(i int) (string, error) {
				a, err := c.Alerts.Create(ctx, &thehive.AlertInput{Type: "siem", Source: "feed", SourceRef: fmt.Sprint("R-", i), Title: "t", Description: "d"})
				return idOf(a, err, func(a *thehive.Alert) string { return a.ID })
			},
			update: func(id, text string) error { return c.Alerts.Update(ctx, id, &thehive.AlertUpdate{Description: &text}) },
			feed: func(cur *thehive.ChangeCursor, o *thehive.ChangeOptions) iter.Seq2[state, error] {
				return states(c.Alerts.Changes(ctx, cur, o), func(a *thehive.Alert) string { return a.Description })
			},
			stored: srv.Alerts,
		},
	}
}

// idOf returns the id of a record a call made, or its error.
func idOf[T any](rec *T, err error, id func(*T) string) (string, error) {
	if err != nil {
		return "", err
	}
	return id(rec), nil
}

// states maps a feed's changes to the states the test checks.
func states[T any](seq iter.Seq2[*thehive.Change[T], error], desc func(*T) string) iter.Seq2[state, error] {
	return func(yield func(state, error) bool) {
		for ch, err := range seq {
			var s state
			if ch != nil {
				s = state{ch.ID, ch.At.UnixMilli(), desc(ch.Record)}
			}
			if !yield(s, err) {
				return
			}
		}
	}
}
