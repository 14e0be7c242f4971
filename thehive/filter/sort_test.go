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
		{"none", nil, `null`, `null`},
		{"one desc", []Sort{Desc("createdAt")}, `[{"createdAt":"desc"}]`, `["-createdAt"]`},
		{"several", []Sort{Desc("severity"), Asc("title"), Asc("_createdAt")},
			`[{"severity":"desc"},{"title":"asc"},{"_createdAt":"asc"}]`, `["-severity","+title","+_createdAt"]`},
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
		{"zero sort", []Sort{{}}, false, "invalid sort[0]: field name is empty"},
		{"empty field", []Sort{Asc("a"), Desc("")}, false, "invalid sort[1]: field name is empty"},
		{"spaces", []Sort{Asc("title ")}, false, "surrounding spaces"},
		{"duplicate", []Sort{Asc("a"), Desc("b"), Desc("a")}, false, `invalid sort[2]: field "a" is already sorted on`},
		{"sign v0", []Sort{Asc("-createdAt")}, true, "starts with a sign"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v0, err0 := SortV0(tt.sorts...)
			v1, err1 := SortV1(tt.sorts...)
			if err0 == nil || v0 != nil {
				t.Fatalf("SortV0 = %v, %v; want an error", v0, err0)
			}
			if !errors.Is(err0, ErrInvalidInput) || !strings.Contains(err0.Error(), tt.want) {
				t.Errorf("SortV0 error %q: want ErrInvalidInput containing %q", err0, tt.want)
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
			if !errors.Is(err1, ErrInvalidInput) || !strings.Contains(err1.Error(), tt.want) {
				t.Errorf("SortV1 error %q: want ErrInvalidInput containing %q", err1, tt.want)
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
