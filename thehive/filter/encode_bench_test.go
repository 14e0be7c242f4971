package filter

import (
	"encoding/json"
	"testing"
	"time"
)

// The realistic filter: open high-severity phishing or malware cases of one
// month that have an assignee and are not duplicates.
var (
	benchFrom = time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC)
	benchTo   = benchFrom.AddDate(0, 1, 0)
)

func benchFilter() Filter {
	return And(
		In("status", "New", "InProgress"),
		Gte("severity", 3),
		Or(Eq("tags", "phishing"), Eq("tags", "malware"), StartsWith("title", "[EDR]")),
		Between("_createdAt", benchFrom, benchTo),
		Has("assignee"),
		Not(Eq("resolutionStatus", "Duplicated")),
	)
}

// BenchmarkEncodeV1 builds the filter, encodes it and marshals it, as a
// client does for every search.
func BenchmarkEncodeV1(b *testing.B) {
	benchEncode(b, EncodeV1, benchFilter)
}

// BenchmarkEncodeV0 is BenchmarkEncodeV1 for the v0 dialect, as the
// filter it was first measured with (without Has).
func BenchmarkEncodeV0(b *testing.B) {
	benchEncode(b, EncodeV0, func() Filter {
		return And(
			In("status", "Open"),
			Gte("severity", 3),
			Or(Eq("tags", "phishing"), Eq("tags", "malware"), StartsWith("title", "[EDR]")),
			Between("createdAt", benchFrom, benchTo),
			Not(Eq("resolutionStatus", "Duplicated")),
		)
	})
}

// benchEncode builds a filter with build, encodes it with encode and
// marshals it, on every iteration.
func benchEncode(b *testing.B, encode func(Filter) (map[string]any, error), build func() Filter) {
	b.ReportAllocs()
	for b.Loop() {
		m, err := encode(build())
		if err != nil {
			b.Fatal(err)
		}
		if _, err := json.Marshal(m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBaselineV1 writes the same filter by hand as a map literal and
// marshals it: the cost without this package.
func BenchmarkBaselineV1(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		m := map[string]any{"_and": []any{
			map[string]any{"_in": map[string]any{"_field": "status", "_values": []any{"New", "InProgress"}}},
			map[string]any{"_gte": map[string]any{"_field": "severity", "_value": 3}},
			map[string]any{"_or": []any{
				map[string]any{"_eq": map[string]any{"_field": "tags", "_value": "phishing"}},
				map[string]any{"_eq": map[string]any{"_field": "tags", "_value": "malware"}},
				map[string]any{"_startsWith": map[string]any{"_field": "title", "_value": "[EDR]"}},
			}},
			map[string]any{"_between": map[string]any{"_field": "_createdAt", "_from": benchFrom.UnixMilli(), "_to": benchTo.UnixMilli()}},
			map[string]any{"_has": "assignee"},
			map[string]any{"_not": map[string]any{"_eq": map[string]any{"_field": "resolutionStatus", "_value": "Duplicated"}}},
		}}
		if _, err := json.Marshal(m); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBenchFilterMatchesBaseline keeps the two benchmarks doing the same work.
func TestBenchFilterMatchesBaseline(t *testing.T) {
	m, err := EncodeV1(benchFilter())
	if err != nil {
		t.Fatal(err)
	}
	want := `{"_and":[{"_in":{"_field":"status","_values":["New","InProgress"]}},` +
		`{"_gte":{"_field":"severity","_value":3}},` +
		`{"_or":[{"_eq":{"_field":"tags","_value":"phishing"}},{"_eq":{"_field":"tags","_value":"malware"}},{"_startsWith":{"_field":"title","_value":"[EDR]"}}]},` +
		`{"_between":{"_field":"_createdAt","_from":1733011200000,"_to":1735689600000}},` +
		`{"_has":"assignee"},` +
		`{"_not":{"_eq":{"_field":"resolutionStatus","_value":"Duplicated"}}}]}`
	if got := mustJSON(t, m); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// BenchmarkChain1000 builds a 1,000-condition filter one operand at a
// time (f = And(f, c)) and encodes it, against BenchmarkBaselineFlat1000,
// which gives the same conditions to one And.
func BenchmarkChain1000(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := EncodeV1(chain(1000)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBaselineFlat1000 is BenchmarkChain1000 with every operand
// given at once.
func BenchmarkBaselineFlat1000(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := EncodeV1(flat(1000)); err != nil {
			b.Fatal(err)
		}
	}
}
