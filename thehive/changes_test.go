package thehive

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

// TestChangeRequests checks the requests a feed's pass sends: the
// creation sweep, then the update sweep, each in its dialect's names, from
// the skew window before the cursor's times.
func TestChangeRequests(t *testing.T) {
	since := time.UnixMilli(1_795_428_000_000)
	for _, tt := range []struct {
		name    string
		dialect Dialect
		cursor  *ChangeCursor
		want    []string // request bodies
	}{
		{name: "V1 from the start", dialect: V1, cursor: &ChangeCursor{}, want: []string{
			`{"query":[{"_name":"listAlert"},{"_name":"filter","_has":"_createdAt"},{"_name":"sort","_fields":[{"_createdAt":"asc"}]},{"_name":"page","from":0,"to":5,"extraData":["total"]}]}`,
			`{"query":[{"_name":"listAlert"},{"_name":"filter","_has":"_updatedAt"},{"_name":"sort","_fields":[{"_updatedAt":"asc"}]},{"_name":"page","from":0,"to":5,"extraData":["total"]}]}`,
		}},
		{name: "V1 from a time", dialect: V1, cursor: NewChangeCursor(since), want: []string{
			`{"query":[{"_name":"listAlert"},{"_name":"filter","_gte":{"_field":"_createdAt","_value":1795427999000}},{"_name":"sort","_fields":[{"_createdAt":"asc"}]},{"_name":"page","from":0,"to":5,"extraData":["total"]}]}`,
			`{"query":[{"_name":"listAlert"},{"_name":"filter","_gte":{"_field":"_updatedAt","_value":1795427999000}},{"_name":"sort","_fields":[{"_updatedAt":"asc"}]},{"_name":"page","from":0,"to":5,"extraData":["total"]}]}`,
		}},
		{name: "V0 from a time", dialect: V0, cursor: NewChangeCursor(since), want: []string{
			`{"query":{"_gte":{"createdAt":1795427999000}},"range":"0-5","sort":["+createdAt"]}`,
			`{"query":{"_gte":{"updatedAt":1795427999000}},"range":"0-5","sort":["+updatedAt"]}`,
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newMock(t, tt.dialect)
			answerAll(m, testkit.Answer{Body: `[]`, Header: testkit.Headers("X-Total", "0")})
			for _, err := range c.Alerts.Changes(context.Background(), tt.cursor, &ChangeOptions{PageSize: 5, SkewWindow: time.Second}) {
				t.Fatal(err)
			}
			reqs := m.Requests()
			if len(reqs) != len(tt.want) {
				t.Fatalf("sent %d requests, want %d", len(reqs), len(tt.want))
			}
			for i, want := range tt.want {
				testkit.JSONEqual(t, reqs[i].Body, want)
			}
			if tt.cursor.Kind() != "alert" {
				t.Errorf("cursor kind %q after an alert feed", tt.cursor.Kind())
			}
		})
	}
}

// TestChangeFeedReadsAnInstantWhole checks that a full page whose objects
// all share one time is followed by one request for that whole instant,
// and that the sweep goes on after it.
func TestChangeFeedReadsAnInstantWhole(t *testing.T) {
	c, m := newMock(t, V1)
	m.On("POST", "=~/api/v1/query",
		testkit.Answer{Body: `[{"_id":"~1","_createdAt":1000},{"_id":"~2","_createdAt":1000}]`, Header: testkit.Headers("X-Total", "4")},
		testkit.Answer{Body: `[{"_id":"~1","_createdAt":1000},{"_id":"~2","_createdAt":1000},{"_id":"~3","_createdAt":1000}]`,
			Header: testkit.Headers("X-Total", "3")},
		testkit.Answer{Body: `[{"_id":"~4","_createdAt":1001}]`, Header: testkit.Headers("X-Total", "1")},
		testkit.Answer{Body: `[]`, Header: testkit.Headers("X-Total", "0")},
	)
	var got []string
	for ch, err := range c.Cases.Changes(context.Background(), &ChangeCursor{}, &ChangeOptions{PageSize: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		if !ch.Created {
			t.Errorf("%s: Created is false for an object never updated", ch.ID)
		}
		got = append(got, ch.ID)
	}
	if want := "~1 ~2 ~3 ~4"; strings.Join(got, " ") != want {
		t.Errorf("yielded %q, want %q", strings.Join(got, " "), want)
	}
	reqs := m.Requests()
	if len(reqs) != 4 {
		t.Fatalf("sent %d requests, want 4", len(reqs))
	}
	testkit.JSONEqual(t, reqs[1].Body, `{"query":[{"_name":"listCase"},{"_name":"filter","_eq":{"_field":"_createdAt","_value":1000}},`+
		`{"_name":"sort","_fields":[{"_createdAt":"asc"}]},{"_name":"page","from":0,"to":6,"extraData":["total"]}]}`)
	testkit.JSONEqual(t, reqs[2].Body, `{"query":[{"_name":"listCase"},{"_name":"filter","_gte":{"_field":"_createdAt","_value":1001}},`+
		`{"_name":"sort","_fields":[{"_createdAt":"asc"}]},{"_name":"page","from":0,"to":2,"extraData":["total"]}]}`)
}

// TestChangeFeedEndsAgainstAServerIgnoringTheFilter checks that a server
// answering the same page whatever it is asked ends the feed with a
// PagingError instead of looping.
func TestChangeFeedEndsAgainstAServerIgnoringTheFilter(t *testing.T) {
	c, m := newMock(t, V1)
	answerAll(m, testkit.Answer{Body: `[{"_id":"~1","_createdAt":1000},{"_id":"~2","_createdAt":2000}]`, Header: testkit.Headers("X-Total", "2")})
	var yielded int
	var last error
	for _, err := range c.Cases.Changes(context.Background(), &ChangeCursor{}, &ChangeOptions{PageSize: 2}) {
		if err != nil {
			last = err
			continue
		}
		yielded++
	}
	var pe *incidentkit.PagingError
	if !errors.As(last, &pe) || !errors.Is(last, ErrServer) {
		t.Fatalf("feed ended with %v, want a PagingError", last)
	}
	if yielded != 1 {
		t.Errorf("yielded %d changes, want 1", yielded)
	}
	wantSent(t, m, 4)
}

// TestChangeFeedBadInput checks what is refused before anything is sent.
func TestChangeFeedBadInput(t *testing.T) {
	caseCursor := &ChangeCursor{kind: "case"}
	for _, tt := range []struct {
		name string
		cur  *ChangeCursor
		opts *ChangeOptions
	}{
		{name: "nil cursor", cur: nil},
		{name: "cursor of cases", cur: caseCursor},
		{name: "negative page size", cur: &ChangeCursor{}, opts: &ChangeOptions{PageSize: -1}},
		{name: "negative skew window", cur: &ChangeCursor{}, opts: &ChangeOptions{SkewWindow: -time.Second}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newMock(t, V1)
			err := firstErr(c.Alerts.Changes(context.Background(), tt.cur, tt.opts))
			testkit.InputError(t, err, "thehive")
			wantSent(t, m, 0)
		})
	}
	for _, text := range []string{`not json`, `{"v":9,"kind":"case"}`, `[]`} {
		var cur ChangeCursor
		if err := cur.UnmarshalText([]byte(text)); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("UnmarshalText(%s) = %v, want an input error", text, err)
		}
	}
}

// TestChangeCursorRoundTrip checks that a cursor survives MarshalText and
// UnmarshalText whole.
func TestChangeCursorRoundTrip(t *testing.T) {
	cur := &ChangeCursor{kind: "alert", created: time.UnixMilli(1000).UTC(), updated: time.UnixMilli(2000).UTC(), seen: map[string]seenVersion{"~1": {At: 2000}}}
	b, err := cur.MarshalText()
	if err != nil {
		t.Fatal(err)
	}
	var back ChangeCursor
	if err := back.UnmarshalText(b); err != nil {
		t.Fatal(err)
	}
	c, u := back.Position()
	if back.Kind() != "alert" || !c.Equal(cur.created) || !u.Equal(cur.updated) || back.seen["~1"] != cur.seen["~1"] {
		t.Errorf("round trip of %s gave %+v", b, back)
	}
}

// TestStateSumIgnoresExtraData checks that two reads of an object differ
// in checksum when its state differs, and not when only what TheHive
// computes at each read (extraData) does.
func TestStateSumIgnoresExtraData(t *testing.T) {
	base := stateSum([]byte(`{"_id":"~1","title":"a","extraData":{"total":1}}`))
	for _, tt := range []struct {
		raw  string
		same bool
	}{
		{raw: `{"_id":"~1","title":"a","extraData":{"total":7}}`, same: true},
		{raw: `{"_id":"~1","title":"a"}`, same: true},
		{raw: `{"_id":"~1","title":"b","extraData":{"total":1}}`, same: false},
		{raw: `{"_id":"~1","title":"a","tags":["x"]}`, same: false},
	} {
		if got := stateSum([]byte(tt.raw)) == base; got != tt.same {
			t.Errorf("stateSum(%s) same as the first: %v, want %v", tt.raw, got, tt.same)
		}
	}
}
