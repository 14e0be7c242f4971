package paging

import (
	"context"
	"errors"
	"github.com/incidentkit/incidentkit"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// fakeAPI serves items 0..total-1 in pages of size, recording every fetch.
type fakeAPI struct {
	total, size int
	failAt      int // fetch number (1-based) that fails; 0 = never
	fetches     []Cursor
}

var errFetch = errors.New("fetch failed")

func (a *fakeAPI) fetch(_ context.Context, c Cursor) (*Page[int], error) {
	a.fetches = append(a.fetches, c)
	if a.failAt == len(a.fetches) {
		return nil, errFetch
	}
	p := &Page[int]{Meta: Meta{Offset: c.Offset, Limit: a.size, Total: a.total, TotalKnown: true}}
	for i := c.Offset; i < c.Offset+a.size && i < a.total; i++ {
		p.Items = append(p.Items, i)
	}
	p.Next = NextOffset(p.Meta, len(p.Items))
	return p, nil
}

func seqOf(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func TestItems(t *testing.T) {
	tests := []struct {
		name        string
		total, size int
		opts        Options
		want        []int
		wantFetches int
	}{
		{name: "several pages", total: 7, size: 3, opts: Options{}, want: seqOf(7), wantFetches: 3},
		{name: "exact multiple", total: 6, size: 3, opts: Options{}, want: seqOf(6), wantFetches: 2},
		{name: "empty result", total: 0, size: 3, opts: Options{}, want: nil, wantFetches: 1},
		{name: "cap inside a page", total: 7, size: 3, opts: Options{MaxItems: 4}, want: seqOf(4), wantFetches: 2},
		{name: "cap at a page boundary fetches nothing more", total: 9, size: 3, opts: Options{MaxItems: 3}, want: seqOf(3), wantFetches: 1},
		{name: "cap above the total", total: 5, size: 3, opts: Options{MaxItems: 50}, want: seqOf(5), wantFetches: 2},
		{name: "page cap", total: 9, size: 3, opts: Options{MaxPages: 2}, want: seqOf(6), wantFetches: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := &fakeAPI{total: tt.total, size: tt.size}
			got, err := Collect(Items(context.Background(), api.fetch, tt.opts))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("items = %v, want %v", got, tt.want)
			}
			if len(api.fetches) != tt.wantFetches {
				t.Errorf("fetches = %d, want %d", len(api.fetches), tt.wantFetches)
			}
		})
	}
}

func TestItemsIsLazy(t *testing.T) {
	api := &fakeAPI{total: 10, size: 2}
	seq := Items(context.Background(), api.fetch, Options{})
	if len(api.fetches) != 0 {
		t.Fatalf("building the sequence fetched %d pages", len(api.fetches))
	}
	for range seq {
		break
	}
	if len(api.fetches) != 1 {
		t.Fatalf("breaking after the first item fetched %d pages, want 1", len(api.fetches))
	}
}

func TestBreakStopsFetching(t *testing.T) {
	api := &fakeAPI{total: 10, size: 2}
	n := 0
	for _, err := range Items(context.Background(), api.fetch, Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 3 { // the first item of the second page
			break
		}
	}
	if len(api.fetches) != 2 {
		t.Errorf("fetches = %d, want 2", len(api.fetches))
	}
}

func TestRangingTwiceStartsOver(t *testing.T) {
	api := &fakeAPI{total: 5, size: 2}
	seq := Items(context.Background(), api.fetch, Options{})
	first, err := Collect(seq)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Collect(seq)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(first, second) || !reflect.DeepEqual(first, seqOf(5)) {
		t.Errorf("first %v, second %v", first, second)
	}
	if api.fetches[3] != (Cursor{}) {
		t.Errorf("second range began at %+v, want the zero cursor", api.fetches[3])
	}
}

func TestErrorYieldedOnceAndEnds(t *testing.T) {
	api := &fakeAPI{total: 10, size: 2, failAt: 2}
	var items []int
	var errs []error
	for it, err := range Items(context.Background(), api.fetch, Options{}) {
		if err != nil {
			errs = append(errs, err)
			continue // a caller that ignores the error must still see the end
		}
		items = append(items, it)
	}
	if len(errs) != 1 || !errors.Is(errs[0], errFetch) {
		t.Errorf("errors = %v, want one errFetch", errs)
	}
	if !reflect.DeepEqual(items, []int{0, 1}) {
		t.Errorf("items = %v", items)
	}
	if len(api.fetches) != 2 {
		t.Errorf("fetches = %d, want 2", len(api.fetches))
	}
}

func TestCollectReturnsItemsBeforeTheError(t *testing.T) {
	api := &fakeAPI{total: 10, size: 3, failAt: 3}
	got, err := Collect(Items(context.Background(), api.fetch, Options{}))
	if !errors.Is(err, errFetch) || !reflect.DeepEqual(got, seqOf(6)) {
		t.Errorf("Collect = %v, %v", got, err)
	}
}

func TestWantTellsTheFetcherHowManyAreLeft(t *testing.T) {
	api := &fakeAPI{total: 100, size: 4}
	if _, err := Collect(Items(context.Background(), api.fetch, Options{MaxItems: 10})); err != nil {
		t.Fatal(err)
	}
	var wants []int
	for _, c := range api.fetches {
		wants = append(wants, c.Want)
	}
	if !reflect.DeepEqual(wants, []int{10, 6, 2}) {
		t.Errorf("Want per fetch = %v, want [10 6 2]", wants)
	}
}

func TestShortPageDoesNotEndTheData(t *testing.T) {
	// A server that filters after the limit: page two is short (and
	// page three empty) but its next link says more data follows.
	pages := map[string]*Page[string]{
		"":   {Items: []string{"a", "b"}, Next: &Cursor{URL: "p2"}},
		"p2": {Items: []string{"c"}, Next: &Cursor{URL: "p3"}},
		"p3": {Items: nil, Next: &Cursor{URL: "p4"}},
		"p4": {Items: []string{"d"}},
	}
	fetch := func(_ context.Context, c Cursor) (*Page[string], error) { return pages[c.URL], nil }
	got, err := Collect(Items(context.Background(), fetch, Options{}))
	if err != nil || !reflect.DeepEqual(got, []string{"a", "b", "c", "d"}) {
		t.Errorf("got %v, %v", got, err)
	}
}

// keyed is a page of ids with their keys.
func keyed(next *Cursor, ids ...string) *Page[string] {
	p := &Page[string]{Items: ids, Next: next}
	for _, id := range ids {
		p.Keys = append(p.Keys, Key(id))
	}
	return p
}

func TestPagesThatAddNothingEndTheSequence(t *testing.T) {
	tests := []struct {
		name string
		// page answers the n-th fetch (from 0) at c.
		page      func(n int, c Cursor) *Page[string]
		wantItems int
		wantCalls int
		wantErr   bool
	}{
		{
			name: "next link to itself",
			page: func(n int, _ Cursor) *Page[string] {
				return keyed(&Cursor{URL: "https://x.test/same"}, "r"+strconv.Itoa(n))
			},
			wantItems: 1 + MaxStalls, wantCalls: 1 + MaxStalls, wantErr: true,
		},
		{
			name:      "offset ignored, same page every time",
			page:      func(_ int, c Cursor) *Page[string] { return keyed(&Cursor{Offset: c.Offset + 2}, "a", "b") },
			wantItems: 2, wantCalls: 1 + MaxStalls, wantErr: true,
		},
		{
			name: "next cursor back to the first page",
			page: func(n int, _ Cursor) *Page[string] {
				return keyed(&Cursor{Offset: n % 2 * 2}, "r"+strconv.Itoa(n))
			},
			wantItems: 2 + MaxStalls, wantCalls: 2 + MaxStalls, wantErr: true,
		},
		{
			name: "a repeat shifted in by an insert is dropped",
			page: func(n int, c Cursor) *Page[string] {
				switch n {
				case 0:
					return keyed(&Cursor{Offset: 2}, "a", "b")
				case 1:
					return keyed(&Cursor{Offset: 4}, "b", "c")
				}
				return keyed(nil, "d")
			},
			wantItems: 4, wantCalls: 3,
		},
		{
			name: "fewer repeated pages than the bound are tolerated",
			page: func(n int, c Cursor) *Page[string] {
				if n == 0 || n == MaxStalls {
					return keyed(&Cursor{Offset: c.Offset + 2}, "a"+strconv.Itoa(n), "b"+strconv.Itoa(n))
				}
				if n > MaxStalls {
					return keyed(nil)
				}
				return keyed(&Cursor{Offset: c.Offset + 2}, "a0", "b0")
			},
			wantItems: 4, wantCalls: MaxStalls + 2,
		},
		{
			name: "fewer empty pages than the bound are tolerated",
			page: func(n int, c Cursor) *Page[string] {
				if n < MaxStalls-1 {
					return keyed(&Cursor{Offset: c.Offset + 2})
				}
				return keyed(nil, "z")
			},
			wantItems: 1, wantCalls: MaxStalls,
		},
		{
			name:      "empty pages that say more follows, for ever",
			page:      func(_ int, c Cursor) *Page[string] { return keyed(&Cursor{Offset: c.Offset + 2}) },
			wantItems: 0, wantCalls: MaxStalls, wantErr: true,
		},
		{
			name: "items without keys are never repeats",
			page: func(n int, c Cursor) *Page[string] {
				if n == 3 {
					return &Page[string]{Items: []string{"a"}}
				}
				return &Page[string]{Items: []string{"a"}, Next: &Cursor{Offset: c.Offset + 1}}
			},
			wantItems: 4, wantCalls: 4,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			fetch := func(_ context.Context, c Cursor) (*Page[string], error) {
				calls++
				if calls > 100 {
					t.Fatal("the sequence did not end")
				}
				return tt.page(calls-1, c), nil
			}
			got, err := Collect(Items(context.Background(), fetch, Options{Service: "svc"}))
			var pe *incidentkit.PagingError
			if tt.wantErr != errors.As(err, &pe) || tt.wantErr && (!errors.Is(err, incidentkit.ErrServer) || pe.Service != "svc") {
				t.Fatalf("err = %v, want a PagingError: %v", err, tt.wantErr)
			}
			if len(got) != tt.wantItems || calls != tt.wantCalls {
				t.Errorf("items = %v, calls = %d; want %d items, %d calls", got, calls, tt.wantItems, tt.wantCalls)
			}
		})
	}
}

func TestWindowForgetsTheOldest(t *testing.T) {
	var w window[int]
	for i := range 5 {
		if !w.add(i, 3) {
			t.Fatalf("%d was not new", i)
		}
	}
	if w.has(0) || w.has(1) || !w.has(2) || !w.has(4) || len(w.set) != 3 {
		t.Fatalf("window holds %v", w.set)
	}
	if w.add(4, 3) {
		t.Fatal("4 was new again")
	}
}

func TestKey(t *testing.T) {
	if Key("") != 0 || Key([]byte(nil)) != 0 {
		t.Error("an empty id has a key")
	}
	if Key("a") == 0 || Key("a") != Key([]byte("a")) || Key("a") == Key("b") {
		t.Error("keys do not tell ids apart")
	}
}

func TestContextEndsBetweenPages(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	api := &fakeAPI{total: 10, size: 2}
	var err error
	n := 0
	for _, e := range Items(ctx, api.fetch, Options{}) {
		if e != nil {
			err = e
			break
		}
		if n++; n == 2 {
			cancel()
		}
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if len(api.fetches) != 1 {
		t.Errorf("fetches = %d, want 1", len(api.fetches))
	}
}

func TestNilPageEnds(t *testing.T) {
	fetch := func(context.Context, Cursor) (*Page[int], error) { return nil, nil }
	got, err := Collect(Items(context.Background(), fetch, Options{}))
	if err != nil || len(got) != 0 {
		t.Errorf("got %v, %v", got, err)
	}
}

func TestPagesYieldsMetadata(t *testing.T) {
	api := &fakeAPI{total: 5, size: 2}
	var offsets []int
	for p, err := range Pages(context.Background(), api.fetch, Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		if !p.Meta.TotalKnown || p.Meta.Total != 5 {
			t.Errorf("meta = %+v", p.Meta)
		}
		offsets = append(offsets, p.Meta.Offset)
	}
	if !reflect.DeepEqual(offsets, []int{0, 2, 4}) {
		t.Errorf("offsets = %v", offsets)
	}
}

func TestBadArguments(t *testing.T) {
	api := &fakeAPI{total: 5, size: 2}
	cases := map[string]func() error{
		"nil fetch": func() error {
			_, err := Collect(Items[int](context.Background(), nil, Options{}))
			return err
		},
		"negative max items": func() error {
			_, err := Collect(Items(context.Background(), api.fetch, Options{MaxItems: -1}))
			return err
		},
		"negative max pages": func() error {
			_, err := Collect(Items(context.Background(), api.fetch, Options{MaxPages: -1}))
			return err
		},
	}
	for name, f := range cases {
		if err := f(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if len(api.fetches) != 0 {
		t.Errorf("bad arguments still fetched %d pages", len(api.fetches))
	}
}

func TestNextOffset(t *testing.T) {
	tests := []struct {
		name string
		meta Meta
		got  int
		want *Cursor
	}{
		{name: "full page, total unknown", meta: Meta{Offset: 0, Limit: 10}, got: 10, want: &Cursor{Offset: 10}},
		{name: "short page, total unknown, goes on past the limit", meta: Meta{Offset: 20, Limit: 10}, got: 4, want: &Cursor{Offset: 30}},
		{name: "empty page ends", meta: Meta{Offset: 20, Limit: 10}, got: 0, want: nil},
		{name: "total reached", meta: Meta{Offset: 90, Limit: 10, Total: 100, TotalKnown: true}, got: 10, want: nil},
		{name: "total not reached", meta: Meta{Offset: 80, Limit: 10, Total: 100, TotalKnown: true}, got: 7, want: &Cursor{Offset: 90}},
		{name: "no limit recorded steps by what came", meta: Meta{Offset: 5}, got: 5, want: &Cursor{Offset: 10}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NextOffset(tt.meta, tt.got); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("NextOffset = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestForeignNextLinkIsNotFollowed(t *testing.T) {
	var asked []string
	fetch := func(_ context.Context, c Cursor) (*Page[string], error) {
		asked = append(asked, c.URL)
		return keyed(&Cursor{URL: "https://evil.test/next?token=x"}, "a"), nil
	}
	opts := Options{Service: "svc", SameOrigin: func(u string) bool { return strings.HasPrefix(u, "https://home.test/") },
		Redact: func(u string) string { return strings.ReplaceAll(u, "token=x", "token=REDACTED") }}
	got, err := Collect(Items(context.Background(), fetch, opts))
	var pe *incidentkit.PagingError
	if !errors.As(err, &pe) || !errors.Is(err, incidentkit.ErrServer) || errors.Is(err, incidentkit.ErrInvalidInput) {
		t.Fatalf("err = %v, want a PagingError matching ErrServer only", err)
	}
	if pe.URL != "https://evil.test/next?token=REDACTED" || pe.Pages != 1 {
		t.Errorf("error = %+v", pe)
	}
	if len(got) != 1 || len(asked) != 1 {
		t.Errorf("items %v, fetches %q: the foreign link was followed", got, asked)
	}
}
