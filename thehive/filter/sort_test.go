package filter

import (
	"errors"
	"strings"
	"testing"
)

func TestSort(t *testing.T) {
	tests := []struct {
		name   string
		sorts  []Sort
		wantV1 string
		wantV0 string
	}{
		{name: "none", sorts: nil, wantV1: `null`, wantV0: `null`},
		{name: "one desc", sorts: []Sort{Desc("createdAt")}, wantV1: `[{"createdAt":"desc"}]`, wantV0: `["-createdAt"]`},
		{name: "several", sorts: []Sort{Desc("severity"), Asc("title"), Asc("_createdAt")},
			wantV1: `[{"severity":"desc"},{"title":"asc"},{"_createdAt":"asc"}]`, wantV0: `["-severity","+title","+_createdAt"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v1, err := SortV1(tt.sorts...)
			if err != nil {
				t.Fatalf("SortV1: %v", err)
			}
			if s := mustJSON(t, v1); s != tt.wantV1 {
				t.Errorf("SortV1 = %s, want %s", s, tt.wantV1)
			}
			v0, err := SortV0(tt.sorts...)
			if err != nil {
				t.Fatalf("SortV0: %v", err)
			}
			if s := mustJSON(t, v0); s != tt.wantV0 {
				t.Errorf("SortV0 = %s, want %s", s, tt.wantV0)
			}
		})
	}
}

func TestSortErrors(t *testing.T) {
	tests := []struct {
		name   string
		sorts  []Sort
		onlyV0 bool
		want   string
	}{
		{name: "zero sort", sorts: []Sort{{}}, onlyV0: false, want: "filter: sort[0]: field name is empty"},
		{name: "empty field", sorts: []Sort{Asc("a"), Desc("")}, onlyV0: false, want: "filter: sort[1]: field name is empty"},
		{name: "spaces", sorts: []Sort{Asc("title ")}, onlyV0: false, want: "surrounding spaces"},
		{name: "duplicate", sorts: []Sort{Asc("a"), Desc("b"), Desc("a")}, onlyV0: false, want: `filter: sort[2]: field "a" is already sorted on`},
		{name: "sign v0", sorts: []Sort{Asc("-createdAt")}, onlyV0: true, want: "starts with a sign"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v0, err0 := SortV0(tt.sorts...)
			v1, err1 := SortV1(tt.sorts...)
			if err0 == nil || v0 != nil {
				t.Fatalf("SortV0 = %v, %v; want an error", v0, err0)
			}
			if !errors.Is(err0, ErrInvalid) || !strings.Contains(err0.Error(), tt.want) {
				t.Errorf("SortV0 error %q: want ErrInvalid containing %q", err0, tt.want)
			}
			if tt.onlyV0 {
				if err1 != nil {
					t.Errorf("SortV1: %v", err1)
				}
				return
			}
			if err1 == nil || v1 != nil {
				t.Fatalf("SortV1 = %v, %v; want an error", v1, err1)
			}
			if !errors.Is(err1, ErrInvalid) || !strings.Contains(err1.Error(), tt.want) {
				t.Errorf("SortV1 error %q: want ErrInvalid containing %q", err1, tt.want)
			}
		})
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
