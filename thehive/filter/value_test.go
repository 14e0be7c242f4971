package filter

import "testing"

func TestValidNumber(t *testing.T) {
	for s, want := range map[string]bool{
		"0": true, "-0": true, "12": true, "12.5": true, "1e9": true, "1E+9": true, "-1.5e-3": true,
		"": false, "-": false, "00": false, "01": false, "1.": false, ".5": false, "1e": false,
		"1e+": false, " 1": false, "1 ": false, "+1": false, "NaN": false, "0x10": false, "1.2.3": false,
	} {
		if got := validNumber(s); got != want {
			t.Errorf("validNumber(%q) = %v, want %v", s, got, want)
		}
	}
}
