package filter

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"
)

// mustJSON marshals v or fails the test.
func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	return string(b)
}

// wantJSON checks that the call named fn returned no error and a got
// that encodes to want.
func wantJSON(t *testing.T, fn string, got any, err error, want string) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", fn, err)
	}
	if s := mustJSON(t, got); s != want {
		t.Errorf("%s =\n %s\nwant\n %s", fn, s, want)
	}
}

// encodeCase is a filter and the JSON one dialect encodes it to.
type encodeCase struct {
	name string
	f    Filter
	want string
}

// testEncode checks each case of tests against enc, the encoder named fn.
func testEncode(t *testing.T, fn string, enc func(Filter) (map[string]any, error), tests []encodeCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := enc(tt.f)
			wantJSON(t, fn, got, err, tt.want)
		})
	}
}

// tlp is a test enum whose numbers differ per dialect, like TheHive's TLP.
type tlp int

const (
	tlpAmberStrict tlp = iota + 10
	tlpRed
)

func (v tlp) FilterValue(d Dialect) (any, error) {
	switch v {
	case tlpRed:
		if d == V0 {
			return 3, nil
		}
		return 4, nil
	case tlpAmberStrict:
		if d == V0 {
			return nil, errors.New("AMBER+STRICT does not exist in TheHive 3/4")
		}
		return 3, nil
	}
	return nil, fmt.Errorf("unknown tlp %d", int(v))
}

// looping is a Valuer that answers with another Valuer.
type looping struct{}

func (looping) FilterValue(Dialect) (any, error) { return tlpRed, nil }

// ptrValuer implements Valuer on a pointer receiver.
type ptrValuer struct{ n int }

func (p *ptrValuer) FilterValue(Dialect) (any, error) { return p.n, nil }

type severity int
type status string
type score float64

var (
	t0 = time.Date(2024, 12, 17, 8, 47, 4, 596_000_000, time.UTC) // 1734425224596
	t1 = t0.Add(24 * time.Hour)                                   // 1734511624596
)
