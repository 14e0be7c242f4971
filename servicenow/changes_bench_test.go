package servicenow

import (
	"bytes"
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/internal/testkit"
)

const (
	feedTotal   = 100_000
	feedPerTick = 1_000 // records sharing each sys_updated_on second
	feedPage    = 1_000
)

// feedEpoch is the first record's update time.
var feedEpoch = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// feedRecords are feedTotal incidents of about twenty fields, feedPerTick
// to each second of sys_updated_on, in (sys_updated_on, sys_id) order,
// rendered on first use.
var feedRecords = sync.OnceValue(func() [][]byte {
	out := make([][]byte, feedTotal)
	var b bytes.Buffer
	for i := range feedTotal {
		b.Reset()
		at := feedEpoch.Add(time.Duration(i/feedPerTick) * time.Second).Format(TimeLayout)
		fmt.Fprintf(&b, `{"sys_id":"%032x","number":"INC%07d","short_description":"Suspicious login from new device %d",`+
			`"description":"User reported an unexpected MFA prompt while travelling.","state":"2","impact":"2","urgency":"1",`+
			`"priority":"2","category":"security","subcategory":"phishing","hold_reason":"","close_code":"","close_notes":"",`+
			`"assignment_group":"d625dccec0a8016700a222a0f7900d06","assigned_to":"5137153cc611227c000bbd1bd8cd2005",`+
			`"caller_id":"681ccaf9c0a8016400b98a06818d57c7","opened_at":"%s","resolved_at":"","closed_at":"",`+
			`"sys_created_on":"%s","sys_updated_on":"%s","sys_mod_count":"1"}`, i, i, i, at, at, at)
		out[i] = bytes.Clone(b.Bytes())
	}
	return out
})

var (
	afterTime = regexp.MustCompile(`^sys_updated_on>=([0-9: -]+)\^`)
	afterKey  = regexp.MustCompile(`^sys_updated_on>([0-9: -]+)\^NQsys_updated_on=[0-9: -]+\^sys_id>([0-9a-f]+)\^`)
)

// feedStart returns the index of the first record a request asks for: by
// the keyset a change feed sends, or else by sysparm_offset.
func feedStart(r *http.Request) (int, error) {
	q := r.URL.Query()
	recs := feedRecords()
	key := func(i int) (time.Time, string) {
		return feedEpoch.Add(time.Duration(i/feedPerTick) * time.Second), fmt.Sprintf("%032x", i)
	}
	parse := func(s string) (time.Time, error) { return time.ParseInLocation(TimeLayout, s, time.UTC) }
	if m := afterKey.FindStringSubmatch(q.Get("sysparm_query")); m != nil {
		at, err := parse(m[1])
		return sort.Search(len(recs), func(i int) bool {
			t, id := key(i)
			return t.After(at) || (t.Equal(at) && id > m[2])
		}), err
	}
	if m := afterTime.FindStringSubmatch(q.Get("sysparm_query")); m != nil {
		at, err := parse(m[1])
		return sort.Search(len(recs), func(i int) bool { t, _ := key(i); return !t.Before(at) }), err
	}
	return strconv.Atoi(q.Get("sysparm_offset"))
}

// serveFeed serves feedRecords the way the Table API answers a listing
// and a change feed's keyset queries: sysparm_limit records from the one
// asked for, with X-Total-Count the number matching.
func serveFeed(tb testing.TB) *httptest.Server {
	recs := feedRecords()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start, err := feedStart(r)
		limit, lerr := strconv.Atoi(r.URL.Query().Get("sysparm_limit"))
		if err != nil || lerr != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		end := min(start+limit, len(recs))
		var b bytes.Buffer
		b.WriteString(`{"result":[`)
		for i := start; i < end; i++ {
			if i > start {
				b.WriteByte(',')
			}
			b.Write(recs[i])
		}
		b.WriteString(`]}`)
		w.Header().Set("Content-Type", "application/json")
		matching := len(recs)
		if r.URL.Query().Get("sysparm_offset") == "0" && start > 0 {
			matching = len(recs) - start // a keyset query matches what follows its key
		}
		w.Header().Set("X-Total-Count", strconv.Itoa(matching))
		_, _ = w.Write(b.Bytes())
	}))
	tb.Cleanup(srv.Close)
	return srv
}

// feedTable returns the incident table of the feed server, read into the
// baseline's struct.
func feedTable(tb testing.TB) *Table[baselineIncident] {
	srv := serveFeed(tb)
	c, err := newBenchClient(srv.URL, srv.Client())
	if err != nil {
		tb.Fatal(err)
	}
	return NewTable[baselineIncident](c, "incident")
}

// TestChangeFeedExactlyOnceAcrossRestarts follows 100,000 updates, 1,000
// sharing each second, stopping at about fifty random points and resuming
// from the persisted cursor: every update is yielded exactly once.
func TestChangeFeedExactlyOnceAcrossRestarts(t *testing.T) {
	if testing.Short() || raceDetector {
		t.Skip("follows 100,000 records: run without -short and -race (.ci/run does)")
	}
	table := feedTable(t)
	seen := make(map[string]int, feedTotal)
	done := make(chan struct{})
	close(done)
	restarts, _ := testkit.FollowWithRestarts(t,
		func(cur *ChangeCursor) iter.Seq2[*Change[baselineIncident], error] {
			return table.Changes(context.Background(), cur, &ChangeOptions{PageSize: feedPage, SkewWindow: 2 * time.Second})
		},
		func(ch *Change[baselineIncident]) {
			if seen[ch.ID]++; seen[ch.ID] > 1 {
				t.Fatalf("%s yielded twice", ch.ID)
			}
		},
		testkit.Restarts{Writing: done, OneIn: feedTotal / 55, Seed: 7})
	if restarts < 50 {
		t.Errorf("%d restarts, want at least 50", restarts)
	}
	if len(seen) != feedTotal {
		t.Errorf("%d records yielded, want %d", len(seen), feedTotal)
	}
}

// BenchmarkChanges reads 100,000 updates, 1,000 sharing each second, with
// one pass of Table[T].Changes from the start, beside Table[T].All listing
// the same records by offset: the time per record of following a table
// against that of listing it.
func BenchmarkChanges(b *testing.B) {
	b.Run("all", func(b *testing.B) {
		table := feedTable(b)
		for b.Loop() {
			if err := listed(countAll(table.All(context.Background(), &ListOptions{PageSize: feedPage}))); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("changes", func(b *testing.B) {
		table := feedTable(b)
		for b.Loop() {
			var cur ChangeCursor
			n := 0
			for _, err := range table.Changes(context.Background(), &cur, &ChangeOptions{PageSize: feedPage}) {
				if err != nil {
					b.Fatal(err)
				}
				n++
			}
			if err := listed(n, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}
