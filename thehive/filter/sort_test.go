package filter

import (
	"errors"
	"strings"
	"testing"
)

// sortCase is a list of sort keys and what each dialect makes of it: the
// JSON in TestSort, a part of the error message in TestSortErrors ("" for
// no error).
type sortCase struct {
	name           string
	sorts          []Sort
	wantV1, wantV0 string
}

func TestSort(t *testing.T) {
	testSorts(t, wantJSON, []sortCase{
		{name: "none", sorts: nil, wantV1: `null`, wantV0: `null`},
		{name: "one desc", sorts: []Sort{Desc("createdAt")}, wantV1: `[{"createdAt":"desc"}]`, wantV0: `["-createdAt"]`},
		{name: "several", sorts: []Sort{Desc("severity"), Asc("title"), Asc("_createdAt")},
			wantV1: `[{"severity":"desc"},{"title":"asc"},{"_createdAt":"asc"}]`, wantV0: `["-severity","+title","+_createdAt"]`},
	})
}

func TestSortErrors(t *testing.T) {
	testSorts(t, wantSortError, []sortCase{
		{name: "zero sort", sorts: []Sort{{}}, wantV1: "filter: sort[0]: field name is empty", wantV0: "filter: sort[0]: field name is empty"},
		{name: "empty field", sorts: []Sort{Asc("a"), Desc("")}, wantV1: "filter: sort[1]: field name is empty",
			wantV0: "filter: sort[1]: field name is empty"},
		{name: "spaces", sorts: []Sort{Asc("title ")}, wantV1: "surrounding spaces", wantV0: "surrounding spaces"},
		{name: "duplicate", sorts: []Sort{Asc("a"), Desc("b"), Desc("a")}, wantV1: `filter: sort[2]: field "a" is already sorted on`,
			wantV0: `filter: sort[2]: field "a" is already sorted on`},
		{name: "sign v0", sorts: []Sort{Asc("-createdAt")}, wantV1: "", wantV0: "starts with a sign"},
	})
}

// testSorts runs SortV0 and SortV1 on the keys of each case and hands
// each result to check with the case's expectation for that dialect.
func testSorts(t *testing.T, check func(t *testing.T, fn string, keys any, err error, want string), tests []sortCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v0, err := SortV0(tt.sorts...)
			check(t, "SortV0", v0, err, tt.wantV0)
			v1, err := SortV1(tt.sorts...)
			check(t, "SortV1", v1, err, tt.wantV1)
		})
	}
}

// wantSortError checks what the sort function named fn returned: no error
// when want is empty, else no keys (a nil slice) and an error matching
// ErrInvalid whose message contains want.
func wantSortError(t *testing.T, fn string, keys any, err error, want string) {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Errorf("%s: %v", fn, err)
		}
		return
	}
	if err == nil || mustJSON(t, keys) != "null" {
		t.Fatalf("%s = %v, %v; want an error", fn, keys, err)
	}
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), want) {
		t.Errorf("%s error %q: want ErrInvalid containing %q", fn, err, want)
	}
}

func TestSortAccessors(t *testing.T) {
	s := Desc("createdAt")
	if s.Field() != "createdAt" || !s.Descending() || s.String() != "-createdAt" {
		t.Errorf("Desc: %q %v %q", s.Field(), s.Descending(), s.String())
	}
	s = Asc("title")
	if s.Field() != "title" || s.Descending() || s.String() != "+title" {
		t.Errorf("Asc: %q %v %q", s.Field(), s.Descending(), s.String())
	}
}
