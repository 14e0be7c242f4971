package encodedquery

import "testing"

// TestCompareValues orders numbers as numbers and the rest as text.
func TestCompareValues(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"2", "10", -1}, {"10", "2", 1}, {"1.50", "1.5", 0},
		{"2026-11-23 10:00:00", "2026-11-23 09:59:59", 1}, {"abc", "abd", -1}, {"", "1", -1}, {"x", "x", 0},
	} {
		if got := CompareValues(tt.a, tt.b); got != tt.want {
			t.Errorf("CompareValues(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
