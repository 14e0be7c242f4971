package thehive

import (
	"context"
	"hash/fnv"
	"iter"
	"strconv"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/jsonwalk"
	"github.com/incidentkit/incidentkit/internal/paging"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// DefaultSkewWindow is how far back a change feed looks again, by default,
// for objects whose creation or update was committed after later ones.
const DefaultSkewWindow = time.Minute

// ChangeOptions shape a change feed. The zero value (or nil) follows every
// object.
type ChangeOptions struct {
	// Filter narrows the objects followed.
	Filter filter.Filter
	// PageSize is how many objects a request reads (DefaultPageSize when
	// 0).
	PageSize int
	// SkewWindow is how far back each pass looks again for late commits
	// (DefaultSkewWindow when 0).
	SkewWindow time.Duration
}

// Change is one change of a case or an alert: the object as it stands
// after it. TheHive stamps times to the millisecond and keeps no version
// number, so a feed tells two states of an object within one millisecond
// apart by their content: an object changed twice within a millisecond may
// be yielded twice with the same At.
type Change[T any] struct {
	Record *T
	ID     string
	// At is the object's version: its last update time, or its creation
	// time while it has never been updated.
	At time.Time
	// Created reports that the object had never been updated when it was
	// read: the change is its creation.
	Created bool
}

// Changes returns the changes of the cases matching opts since cur, and
// ends when it has caught up; range it again later to go on. See
// AlertService.Changes for how the feed reads TheHive.
func (s *CaseService) Changes(ctx context.Context, cur *ChangeCursor, opts *ChangeOptions) iter.Seq2[*Change[Case], error] {
	return changes[Case, caseWire](ctx, s.c, "case", s.c.sp.cases, cur, opts, func(c *Case) []byte { return c.Raw })
}

// Changes returns the changes of the alerts matching opts since cur, and
// ends when it has caught up; range it again later to go on. It moves cur
// along as it yields, so that a cursor persisted after handling a change
// (MarshalText) resumes after it: across restarts, no change is yielded
// twice and none is missed. Each object is yielded at its latest version:
// two updates between passes make one change.
//
// TheHive stamps an object's _createdAt when it is made and its _updatedAt
// at each update, in milliseconds, and leaves _updatedAt unset until the
// first update (ScalliGraph's metadata properties, "updatedAt" being
// UMapping.date.optional in TheHive 4's TheHiveQueryExecutor). A pass
// therefore sweeps twice — the objects created since the cursor's creation
// time, by _createdAt, then those updated since its update time, by
// _updatedAt — and the cursor's record of versions keeps an object met in
// both sweeps from being yielded twice. Each sweep reads forward from the
// last time read rather than by offset, so objects updated during a pass
// cannot shift others out of it; a page whose objects all share one
// instant is followed by one request for that whole instant, so any number
// of objects may share a time. Each pass starts SkewWindow before the
// cursor's times to catch late commits. TheHive 3/4 (V0) name the fields
// createdAt and updatedAt; the feed uses each dialect's names. A cursor of
// cases given to an alert feed, or the other way round, is an input
// error.
func (s *AlertService) Changes(ctx context.Context, cur *ChangeCursor, opts *ChangeOptions) iter.Seq2[*Change[Alert], error] {
	return changes[Alert, alertWire](ctx, s.c, "alert", s.c.sp.alerts, cur, opts, func(a *Alert) []byte { return a.Raw })
}

// timeFields names the fields holding when an object was made and last
// updated: TheHive 3/4's API names them createdAt and updatedAt.
func (sp *dialectSpec) timeFields() (created, updated string) {
	if sp.legacyNames {
		return "createdAt", "updatedAt"
	}
	return "_createdAt", "_updatedAt"
}

// createdField names the field holding when an object was made.
func (c *Client) createdField() string {
	created, _ := c.sp.timeFields()
	return created
}

// versioned is a record type whose Record says when it was made and
// last updated.
type versioned[T any] interface {
	recordOf[T]
	base() *Record
}

// changeFeed is one pass of a change feed over the listing l.
type changeFeed[T, W any, PT versioned[T], PW wireOf[T, W]] struct {
	c    *Client
	l    listing
	cur  *ChangeCursor
	o    ChangeOptions
	raw  func(*T) []byte // the object's JSON as read
	stop bool            // the consumer stopped ranging
}

func changes[T, W any, PT versioned[T], PW wireOf[T, W]](ctx context.Context, c *Client, kind string, l listing,
	cur *ChangeCursor, opts *ChangeOptions, raw func(*T) []byte) iter.Seq2[*Change[T], error] {
	return func(yield func(*Change[T], error) bool) {
		f := &changeFeed[T, W, PT, PW]{c: c, l: l, cur: cur, raw: raw}
		if opts != nil {
			f.o = *opts
		}
		if err := f.check(kind); err != nil {
			yield(nil, err)
			return
		}
		sp, err := c.spec(ctx)
		if err != nil {
			yield(nil, err)
			return
		}
		created, updated := sp.timeFields()
		for _, sw := range [...]struct {
			field string
			high  *time.Time
			at    func(*Record) time.Time
		}{
			{created, &cur.created, func(r *Record) time.Time { return r.CreatedAt.Time }},
			{updated, &cur.updated, func(r *Record) time.Time { return r.UpdatedAt.Time }},
		} {
			if err := f.sweep(ctx, sw.field, sw.high, sw.at, yield); err != nil || f.stop {
				if err != nil {
					yield(nil, err)
				}
				return
			}
		}
		cur.prune(f.o.SkewWindow)
	}
}

// check refuses a cursor of another kind and bad options, and fills in
// the defaults.
func (f *changeFeed[T, W, PT, PW]) check(kind string) error {
	switch {
	case f.l.err != nil:
		return f.l.err
	case f.cur == nil:
		return inputErr("change cursor", "is nil")
	case f.cur.kind != "" && f.cur.kind != kind:
		return inputErr("change cursor", "follows "+strconv.Quote(f.cur.kind)+" objects, not "+strconv.Quote(kind))
	case f.o.PageSize < 0:
		return inputErr("page size", strconv.Itoa(f.o.PageSize)+" is negative")
	case f.o.SkewWindow < 0:
		return inputErr("skew window", f.o.SkewWindow.String()+" is negative")
	}
	if f.o.PageSize == 0 {
		f.o.PageSize = DefaultPageSize
	}
	if f.o.SkewWindow == 0 {
		f.o.SkewWindow = DefaultSkewWindow
	}
	f.cur.kind = kind
	if f.cur.seen == nil {
		f.cur.seen = map[string]seenVersion{}
	}
	return nil
}

// sweep reads the objects whose field (a time, read from a record by at)
// is at or after the skew window before *high, in that field's order, and
// yields those not yet yielded at their version.
func (f *changeFeed[T, W, PT, PW]) sweep(ctx context.Context, field string, high *time.Time,
	at func(*Record) time.Time, yield func(*Change[T], error) bool) error {
	var from time.Time
	if !high.IsZero() {
		from = high.Add(-f.o.SkewWindow)
	}
	size, stalls, pages := f.o.PageSize, 0, 0
	for {
		after := filter.Gte(field, from.UnixMilli())
		if from.IsZero() {
			after = filter.Has(field)
		}
		p, err := fetchPage[T, W, PT, PW](ctx, f.c, &f.l, &ListOptions{Filter: f.within(after), Sort: []filter.Sort{filter.Asc(field)}}, 0, size)
		if err != nil {
			return err
		}
		pages++
		// Sweeps only move forward, and later passes start no earlier than
		// SkewWindow before the cursor: the record of versions keeps to
		// that window even in a long first pass.
		f.cur.prune(f.o.SkewWindow)
		items := p.Items
		if len(items) == 0 {
			return nil
		}
		prev := from
		first, last := at(PT(items[0]).base()), at(PT(items[len(items)-1]).base())
		full := len(items) == size
		switch {
		case full && first.Equal(last):
			// A page of one instant: read that instant whole, then go on
			// after it.
			if items, err = f.instant(ctx, field, last, p.Total); err != nil {
				return err
			}
			from = last.Add(time.Millisecond)
		case full:
			// The objects of the page's last instant may go on past it:
			// the next page starts at that instant and reads them again.
			cut := len(items)
			for cut > 0 && at(PT(items[cut-1]).base()).Equal(last) {
				cut--
			}
			items, from = items[:cut], last
		}
		moved := false
		for _, it := range items {
			fresh, goOn := f.emit(it, at, high, yield)
			if !goOn {
				f.stop = true
				return nil
			}
			moved = moved || fresh
		}
		if !full {
			return nil
		}
		// A server that ignores the filter answers the same page for ever.
		if stalls = stalls + 1; moved || from.After(prev) {
			stalls = 0
		}
		if stalls == paging.MaxStalls {
			return &incidentkit.PagingError{Service: serviceName, Pages: pages,
				Problem: strconv.Itoa(stalls) + " pages in a row brought no change and no later time"}
		}
	}
}

// within is f's filter and-ed with the caller's.
func (f *changeFeed[T, W, PT, PW]) within(sel filter.Filter) filter.Filter {
	if f.o.Filter.IsZero() {
		return sel
	}
	return filter.And(f.o.Filter, sel)
}

// instant reads every object whose field is t, in one request: total
// (when known) or a growing range says how many there are.
func (f *changeFeed[T, W, PT, PW]) instant(ctx context.Context, field string, t time.Time, total int) ([]*T, error) {
	o := &ListOptions{Filter: f.within(filter.Eq(field, t.UnixMilli())), Sort: []filter.Sort{filter.Asc(field)}}
	limit := max(total, 2*f.o.PageSize)
	for {
		p, err := fetchPage[T, W, PT, PW](ctx, f.c, &f.l, o, 0, limit+f.o.PageSize)
		if err != nil {
			return nil, err
		}
		if len(p.Items) < limit+f.o.PageSize {
			return p.Items, nil
		}
		limit = max(2*limit, p.Total)
	}
}

// emit yields it unless its version, or a later one, was yielded already,
// and moves the cursor along. It reports whether it yielded and whether
// to go on.
func (f *changeFeed[T, W, PT, PW]) emit(it *T, at func(*Record) time.Time, high *time.Time,
	yield func(*Change[T], error) bool) (fresh, goOn bool) {
	r := PT(it).base()
	version, created := r.UpdatedAt.Time, false
	if version.IsZero() {
		version, created = r.CreatedAt.Time, true
	}
	if t := at(r); t.After(*high) {
		*high = t
	}
	v := version.UnixMilli()
	sum := stateSum(f.raw(it))
	if prev, ok := f.cur.seen[r.ID]; ok && !prev.newer(v, sum) {
		return false, true
	}
	f.cur.seen[r.ID] = seenVersion{At: v, Sum: sum, Created: created}
	return true, yield(&Change[T]{Record: it, ID: r.ID, At: version, Created: created}, nil)
}

// stateSum is a checksum of an object's JSON without its extraData, which
// TheHive computes at each read (counts, totals) rather than stores.
func stateSum(raw []byte) uint64 {
	h := fnv.New64a()
	err := jsonwalk.Object(raw, func(name, v []byte) error {
		if string(name) != "extraData" {
			h.Write(name)
			h.Write(v)
		}
		return nil
	})
	if err != nil {
		h.Reset()
		h.Write(raw)
	}
	return h.Sum64()
}
