package soak

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"maps"
	"math/rand/v2"
	"net/http"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/cyderes/cyderestest"
	"github.com/incidentkit/incidentkit/incidentkittest"
	"github.com/incidentkit/incidentkit/outbox"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/thehive"
)

var ensureOps = flag.Int("soak.ensure", 600, "operations TestEnsureOutboxSoak sends through Ensure and the outbox (CI runs 12,000)")

const (
	// ensureDeadline bounds each attempt of an effect while faults are
	// injected; the delay fault outlasts it. It is short because each
	// delayed attempt costs one.
	ensureDeadline = 50 * time.Millisecond
	// ensureWorlds is how many sets of fakes the records are spread over:
	// the fakes look records up by scanning them all, so a single set
	// would make a long soak slower with every record it adds.
	ensureWorlds = 32
	// restartEvery is how often the process dies and starts again.
	restartEvery = 250
)

// The kinds of effect, each made safe to repeat by one Ensure call (a
// promotion by two: the alert's, then the promotion's).
const (
	kindIncident = "incident" // a ServiceNow incident, keyed by its correlation ID
	kindAlert    = "alert"    // a TheHive alert, keyed by type, source and sourceRef
	kindCase     = "case"     // a TheHive case, keyed by a tag
	kindPromote  = "promote"  // the case an alert is promoted into, keyed by the alert
	kindComment  = "comment"  // a Cyderes ticket comment, keyed by a marker
)

var effectKinds = []string{kindIncident, kindAlert, kindCase, kindPromote, kindComment}

// effect is an operation as the outbox keeps it: its kind, its natural
// key (for a promotion, the alert's) and, for a comment, its ticket.
type effect struct {
	Kind   string `json:"kind"`
	Token  string `json:"token"`
	Ticket string `json:"ticket,omitempty"`
}

// key is the effect's key in the outbox and in the census of the fakes.
func (e effect) key() string { return e.Kind + "/" + e.Token }

// world is the set of fakes that holds the effect's records, chosen by
// its token, so that a promotion goes where its alert is.
func (e effect) world() int {
	h := fnv.New32a()
	h.Write([]byte(e.Token))
	return int(h.Sum32() % ensureWorlds)
}

// ensureFaults are the misbehaviours drawn before an attempt. The first
// three lose the answer to a write that took effect; the next five refuse
// or lose a request before it takes effect; the delay outlasts the
// attempt's deadline.
var ensureFaults = []incidentkittest.Fault{
	{Status: http.StatusBadGateway, Handled: true},
	{Status: http.StatusGatewayTimeout, Handled: true},
	{Truncate: true},
	{Drop: true},
	{Status: http.StatusBadGateway},
	{Status: http.StatusServiceUnavailable},
	{Status: http.StatusTooManyRequests},
	{Status: http.StatusBadGateway, HTML: true},
	{Delay: 2 * ensureDeadline},
}

// drawFault draws one of ensureFaults; a delay half as often as the
// others, since each costs a whole deadline.
func drawFault(rng *rand.Rand) incidentkittest.Fault {
	for {
		if f := ensureFaults[rng.IntN(len(ensureFaults))]; f.Delay == 0 || rng.IntN(2) == 0 {
			return f
		}
	}
}

// creates holds the paths (path.Match patterns) of each kind's create
// requests, which the faults hit; a promotion's are the alert's and the
// promotion's.
var creates = map[string][]string{
	kindIncident: {"/api/now/table/incident"},
	kindAlert:    {"/api/v1/alert"},
	kindCase:     {"/api/v1/case"},
	kindPromote:  {"/api/v1/alert", "/api/v1/alert/*/case"},
	kindComment:  {"/v2/tickets/*/comment"},
}

// lookups holds the method and path of each kind's lookup, which a third
// of the faults hit instead: a lookup that fails after a lost answer
// leaves the outcome unknown, which Ensure must say.
var lookups = map[string][2]string{
	kindIncident: {http.MethodGet, "/api/now/table/incident"},
	kindAlert:    {http.MethodPost, "/api/v1/query"},
	kindCase:     {http.MethodPost, "/api/v1/query"},
	kindPromote:  {http.MethodPost, "/api/v1/query"},
	kindComment:  {http.MethodGet, "/v2/tickets/*"},
}

// requestTo matches the requests of method whose path matches pattern.
func requestTo(method, pattern string) func(*http.Request) bool {
	return func(r *http.Request) bool {
		ok, _ := path.Match(pattern, r.URL.Path)
		return ok && r.Method == method
	}
}

// census adds to n the records of w by effect key, read from the fakes'
// state directly: incidents by correlation ID, alerts by sourceRef, cases
// by tag (a promoted case by its alert's), comments by their marker line.
func census(n map[string]int, w *world) map[string]int {
	for _, r := range w.sn.Records("incident") {
		n[kindIncident+"/"+r["correlation_id"]]++
	}
	for _, a := range w.th.Alerts() {
		n[kindAlert+"/"+fmt.Sprint(a["sourceRef"])]++
	}
	for _, c := range w.th.Cases() {
		tags, _ := c["tags"].([]any)
		for _, tag := range tags {
			if ref, ok := strings.CutPrefix(fmt.Sprint(tag), "promoted:"); ok {
				n[kindPromote+"/"+ref]++
			} else {
				n[kindCase+"/"+fmt.Sprint(tag)]++
			}
		}
	}
	for _, tk := range w.cy.Tickets() {
		for _, c := range tk.Comments {
			n[kindComment+"/"+c.Body[strings.LastIndex(c.Body, "\n")+1:]]++
		}
	}
	return n
}

// ensureSoak is one run: its sets of fakes, the dice of its faults and
// what its attempts found.
type ensureSoak struct {
	t      *testing.T
	worlds []*world
	rng    *rand.Rand
	faulty bool          // inject faults before attempts
	limit  time.Duration // each attempt's deadline
	errs   map[string]int
	// attempts and faulted count the attempts and those with faults;
	// falseFailures and untyped count the errors that broke a rule.
	attempts, faulted, falseFailures, untyped int
	// unsettled counts the errors saying the outcome is unknown.
	unsettled int
}

// apply attempts e once, under its own deadline. Before four attempts in
// ten it injects one or two faults on the create requests of e's system.
func (s *ensureSoak) apply(ctx context.Context, e effect) error {
	w := s.worlds[e.world()]
	if s.faulty && s.rng.Float64() < 0.4 {
		s.faulted++
		inject := map[string]func(int, incidentkittest.Fault){kindIncident: w.sn.Inject, kindComment: w.cy.Inject}[e.Kind]
		if inject == nil {
			inject = w.th.Inject
		}
		for range 1 + s.rng.IntN(2) {
			f := drawFault(s.rng)
			f.Match = requestTo(http.MethodPost, creates[e.Kind][s.rng.IntN(len(creates[e.Kind]))])
			if s.rng.IntN(3) == 0 {
				f.Match = requestTo(lookups[e.Kind][0], lookups[e.Kind][1])
			}
			inject(1, f)
		}
	}
	s.attempts++
	ctx, cancel := context.WithTimeout(ctx, s.limit)
	start := time.Now()
	err := s.ensure(ctx, w, e)
	cancel()
	w.sn.ClearFaults()
	w.th.ClearFaults()
	w.cy.ClearFaults()
	if d := time.Since(start); d > s.limit+time.Second { // slack for a loaded machine
		s.t.Errorf("%s took %v, past its deadline", e.key(), d)
	}
	return err
}

// ensure makes e's Ensure call (a promotion's two), checking each error.
func (s *ensureSoak) ensure(ctx context.Context, w *world, e effect) error {
	switch e.Kind {
	case kindIncident:
		_, _, err := w.snc.Incidents.Ensure(ctx, &servicenow.IncidentInput{ShortDescription: incidentkit.Ptr("Incident " + e.Token),
			CorrelationID: incidentkit.Set(e.Token)})
		return s.check(w, e, err)
	case kindCase:
		_, _, err := w.thc.Cases.Ensure(ctx, &thehive.CaseInput{Title: "Case " + e.Token, Description: "soak"}, e.Token)
		return s.check(w, e, err)
	case kindComment:
		_, err := w.cyc.Comments.Ensure(ctx, e.Ticket, &cyderes.CommentInput{Author: "soak", Body: "Escalation note."}, e.Token)
		return s.check(w, e, err)
	}
	a, _, err := w.thc.Alerts.Ensure(ctx, &thehive.AlertInput{Type: "soak", Source: "ensure-soak", SourceRef: e.Token,
		Title: "Alert " + e.Token, Description: "soak"})
	if err != nil || e.Kind == kindAlert {
		return s.check(w, effect{Kind: kindAlert, Token: e.Token}, err)
	}
	_, _, err = w.thc.Alerts.EnsurePromoted(ctx, a.ID, &thehive.CaseInput{Title: "Promoted " + e.Token, Description: "soak",
		Tags: []string{"promoted:" + e.Token}})
	return s.check(w, e, err)
}

// check counts err and holds it to the rules: every error is typed, and
// an Ensure that failed, unless its context ended or its error says the
// outcome is unknown (a lost answer whose lookup failed too), made
// nothing.
func (s *ensureSoak) check(w *world, e effect, err error) error {
	if err == nil {
		return nil
	}
	s.errs[errorKind(err)]++
	if !typed(err) {
		s.untyped++
		s.t.Errorf("%s: untyped error %T: %v", e.key(), err, err)
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return err
	}
	if incidentkit.OutcomeUnknown(err) { // Ensure says it cannot tell: not a false failure
		s.unsettled++
		return err
	}
	if n := census(map[string]int{}, w)[e.key()]; n > 0 {
		s.falseFailures++
		s.t.Errorf("%s: Ensure failed (%v), but the record exists", e.key(), err)
	}
	return err
}

// TestEnsureOutboxSoak sends every create through the outbox and an
// Ensure call while the fakes lose answers to writes, refuse requests and
// stall, and while the process dies now and then between an effect and
// its removal from the box (the box closed, opened again and drained).
// In the end every effect happened exactly once and none is left in the
// box; no Ensure reported a failure for a record that was made (an error
// saying the outcome is unknown is not one: it is counted apart); every
// error was typed; and no response body or goroutine leaked.
func TestEnsureOutboxSoak(t *testing.T) {
	n := *ensureOps
	goroutines := runtime.NumGoroutine()
	s := &ensureSoak{t: t, rng: rand.New(rand.NewPCG(11, uint64(n))), faulty: true, limit: ensureDeadline, errs: map[string]int{}}
	tickets := make([][]string, ensureWorlds)
	for i := range ensureWorlds {
		w, err := newWorld(5 * time.Millisecond)
		if err != nil {
			t.Fatal(err)
		}
		s.worlds = append(s.worlds, w)
		for range 4 {
			tickets[i] = append(tickets[i], w.cy.AddTicket(cyderestest.Ticket{Escalated: true}))
		}
	}
	file := filepath.Join(t.TempDir(), "soak.db")
	box, err := outbox.Open[effect](file)
	if err != nil {
		t.Fatal(err)
	}
	drained := 0
	drain := func() {
		r, err := box.Drain(context.Background(), func(ctx context.Context, e outbox.Entry[effect]) error { return s.apply(ctx, e.Effect) })
		if err != nil {
			t.Fatal(err)
		}
		drained += r.Done
	}

	start := time.Now()
	want := map[string]bool{} // the record of every effect, and a promotion's alert
	var unpromoted []string   // alerts no promotion has taken yet
	restarts, failedFirst := 0, 0
	for i := range n {
		e := effect{Kind: effectKinds[s.rng.IntN(len(effectKinds))], Token: fmt.Sprintf("ens-%06d", i)}
		switch e.Kind {
		case kindAlert:
			unpromoted = append(unpromoted, e.Token)
		case kindPromote: // an alert ensured earlier, else one of its own
			if len(unpromoted) > 0 {
				e.Token, unpromoted = unpromoted[0], unpromoted[1:]
			}
		case kindComment:
			e.Ticket = tickets[e.world()][s.rng.IntN(len(tickets[e.world()]))]
		}
		want[e.key()] = true
		if e.Kind == kindPromote {
			want[kindAlert+"/"+e.Token] = true
		}
		if i == 0 || i%restartEvery != 0 {
			if err := box.Do(context.Background(), e.key(), e, s.apply); err != nil {
				failedFirst++
			}
			continue
		}
		// The process dies after the effect but before removing it from
		// the box; started again, it drains the box first.
		if _, err := box.Add(e.key(), e); err != nil {
			t.Fatal(err)
		}
		_ = s.apply(context.Background(), e)
		if err := box.Close(); err != nil {
			t.Fatal(err)
		}
		if box, err = outbox.Open[effect](file); err != nil {
			t.Fatal(err)
		}
		restarts++
		drain()
	}
	// With the faults gone, what is left must drain; a loaded machine
	// gets more time per attempt.
	s.faulty, s.limit = false, 20*ensureDeadline
	for range 3 {
		if left, err := box.Len(); err != nil || left == 0 {
			break
		}
		drain()
	}
	pending, err := box.Pending()
	for _, p := range pending {
		t.Errorf("%s is still pending after %d failed attempts: %s", p.Key, p.Attempts, p.LastError)
	}
	if err != nil {
		t.Error(err)
	}
	elapsed := time.Since(start)

	got := map[string]int{}
	for _, w := range s.worlds {
		census(got, w)
	}
	duplicates, lost := 0, 0
	for _, k := range slices.Sorted(maps.Keys(want)) {
		switch c := got[k]; {
		case c > 1:
			duplicates++
			t.Errorf("%s exists %d times", k, c)
		case c == 0:
			lost++
			t.Errorf("%s is missing", k)
		}
	}

	if err := box.Close(); err != nil {
		t.Error(err)
	}
	leaks := 0
	for _, w := range s.worlds {
		w.close()
		leaks += int(w.bodies.open.Load())
	}
	if leaks != 0 {
		t.Errorf("%d response bodies were never closed", leaks)
	}
	if left := settle(goroutines); left > 2 {
		leaks += left
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines left over:\n%s", left, buf[:runtime.Stack(buf, true)])
	}
	t.Logf("%d operations in %v (%d attempts, %d with faults; %d failed first, %d restarts, %d drained): "+
		"%d duplicates, %d lost side effects (%d left in the box), %d false failures (%d outcomes reported unknown), "+
		"%d untyped errors, %d leaks; errors by type: %v",
		n, elapsed.Round(time.Millisecond), s.attempts, s.faulted, failedFirst, restarts, drained,
		duplicates, lost, len(pending), s.falseFailures, s.unsettled, s.untyped, leaks, s.errs)
}
