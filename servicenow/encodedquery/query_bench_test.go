package encodedquery

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

var benchSince = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// BenchmarkBuild builds and encodes a realistic triage query.
func BenchmarkBuild(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		q := And(
			Field("active").Eq(true),
			Or(Field("priority").Lte(2), Field("category").Eq("security")),
			Field("assignment_group").In("d625dccec0a8016700a222a0f7900d06", "287ebd7da9fe198100f92cc8d1d2154e"),
			Field("opened_at").Gte(benchSince),
			Field("short_description").NotLike("test"),
		).OrderByDesc("opened_at")
		if _, err := q.Encode(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildBaseline is the same query by string concatenation, with
// no validation and no escaping.
func BenchmarkBuildBaseline(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var sb strings.Builder
		sb.WriteString("active=" + strconv.FormatBool(true))
		sb.WriteString("^priority<=" + strconv.Itoa(2) + "^ORcategory=security")
		sb.WriteString("^assignment_groupIN" + strings.Join([]string{"d625dccec0a8016700a222a0f7900d06", "287ebd7da9fe198100f92cc8d1d2154e"}, ","))
		sb.WriteString("^opened_at>=" + benchSince.UTC().Format(TimeLayout))
		sb.WriteString("^short_descriptionNOT LIKEtest^ORDERBYDESCopened_at")
		if sb.Len() == 0 {
			b.Fatal("empty")
		}
	}
}

// BenchmarkOr1000 builds and encodes the Or of 1,000 conditions.
func BenchmarkOr1000(b *testing.B) {
	qs := make([]Query, 1000)
	for i := range qs {
		qs[i] = Field("number").Eq("INC" + strconv.Itoa(i))
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Or(qs...).Encode(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAndChain1000 builds q = q.And(c) 1,000 times and encodes it,
// against BenchmarkAndFlat1000, which gives And every condition at once.
func BenchmarkAndChain1000(b *testing.B) { benchChain(b, andChain) }

// benchChain builds a chain of 1,000 conditions and encodes it.
func benchChain(b *testing.B, chain func(int) Query) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := chain(1000).Encode(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAndFlat1000 is the baseline of BenchmarkAndChain1000.
func BenchmarkAndFlat1000(b *testing.B) { benchFlat(b, And) }

// benchFlat builds 1,000 conditions and combines them in one call.
func benchFlat(b *testing.B, combine func(...Query) Query) {
	b.ReportAllocs()
	for b.Loop() {
		qs := make([]Query, 1000)
		for i := range qs {
			qs[i] = Field("a").Eq(i)
		}
		if _, err := combine(qs...).Encode(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOrChain1000 builds q = q.Or(c) 1,000 times and encodes it,
// against BenchmarkOrFlat1000, which gives Or every condition at once.
func BenchmarkOrChain1000(b *testing.B) { benchChain(b, orChain) }

// BenchmarkOrFlat1000 is the baseline of BenchmarkOrChain1000.
func BenchmarkOrFlat1000(b *testing.B) { benchFlat(b, Or) }
