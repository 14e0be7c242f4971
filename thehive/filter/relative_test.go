package filter

import "testing"

func TestRelativeDateString(t *testing.T) {
	tests := []struct {
		r    RelativeDate
		want string
	}{
		{r: Ago(2, Days), want: "2 days behind"},
		{r: FromNow(1, Hours).StartOfDay(), want: "1 hours ahead, startOfDay"},
		{r: Ago(6, Months).EndOfDay().In("Australia/Darwin"), want: "6 months behind, endOfDay (Australia/Darwin)"},
	}
	for _, tt := range tests {
		if got := tt.r.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func TestEnumStrings(t *testing.T) {
	for got, want := range map[string]string{
		Minutes.String(): "minutes", Years.String(): "years",
		Behind.String(): "behind", Ahead.String(): "ahead",
		StartOfDay.String(): "startOfDay", EndOfDay.String(): "endOfDay",
	} {
		if got != want {
			t.Errorf("String() = %q, want %q", got, want)
		}
	}
}

func TestRelativeUnits(t *testing.T) {
	for _, u := range []Unit{Minutes, Hours, Days, Weeks, Months, Years} {
		if _, err := EncodeV1(Gte("_createdAt", Ago(3, u))); err != nil {
			t.Errorf("unit %s: %v", u, err)
		}
	}
}
