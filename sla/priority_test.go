package sla

import (
	"errors"
	"testing"
)

func TestParsePriority(t *testing.T) {
	tests := []struct {
		in   string
		want Priority
		ok   bool
	}{
		{"P1", P1, true}, {"p 2", P2, true}, {"3", P3, true}, {"1 - Critical", P1, true},
		{"  critical ", P1, true}, {"High", P2, true}, {"MODERATE", P3, true}, {"4 - Low", P4, true},
		{"5 - Planning", P5, true}, {"planning", P5, true},
		{"", 0, false}, {"P6", 0, false}, {"0", 0, false}, {"1 - Low", 0, false}, {"urgent", 0, false},
	}
	for _, tt := range tests {
		got, err := ParsePriority(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParsePriority(%q) = %v, %v; want %v ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestMatrixAndTables(t *testing.T) {
	m := DefaultMatrix()
	want := [3][3]Priority{{1, 2, 3}, {2, 3, 4}, {3, 4, 5}}
	for i := 1; i <= 3; i++ {
		for u := 1; u <= 3; u++ {
			if p, err := m.Priority(i, u); err != nil || p != want[i-1][u-1] {
				t.Errorf("Priority(%d,%d) = %v, %v", i, u, p, err)
			}
		}
	}
	for _, bad := range [][2]int{{0, 1}, {4, 1}, {1, 0}, {1, 4}} {
		if _, err := m.Priority(bad[0], bad[1]); err == nil {
			t.Errorf("Priority(%v) accepted", bad)
		}
	}
	m[2][2] = P4
	if p, _ := m.Priority(3, 3); p != P4 {
		t.Error("matrix not replaceable")
	}
	if p, _ := DefaultMatrix().Priority(3, 3); p != P5 {
		t.Error("default matrix shared")
	}
	hive := DefaultTheHiveSeverities()
	for p, s := range map[Priority]int{P1: 4, P2: 3, P3: 2, P4: 1} {
		if got, ok := hive.Severity(p); !ok || got != s {
			t.Errorf("Severity(%v) = %d", p, got)
		}
		if got, ok := hive.Priority(s); !ok || got != p {
			t.Errorf("Priority(%d) = %v", s, got)
		}
	}
	if _, ok := hive.Severity(P5); ok {
		t.Error("P5 has a severity")
	}
	misp := DefaultMISPThreatLevels()
	for lvl, s := range map[int]int{1: 3, 2: 2, 3: 1, 4: 2, 0: 2, 9: 2} {
		if got := misp.Severity(lvl); got != s {
			t.Errorf("MISP %d = %d, want %d", lvl, got, s)
		}
	}
	sn := DefaultServiceNowPriorities()
	for v := 1; v <= 5; v++ {
		p, ok := sn.Priority(v)
		back, ok2 := sn.Value(p)
		if !ok || !ok2 || int(p) != v || back != v {
			t.Errorf("ServiceNow %d -> %v -> %d", v, p, back)
		}
	}
	if P3.String() != "P3" || Priority(9).String() != "Priority(9)" || Breached.String() != "breached" {
		t.Error("String")
	}
	pol := DefaultPolicy()
	if tg, ok := pol.Target(P1); !ok || tg.Response != 15*60e9 || tg.Resolve != 4*3600e9 {
		t.Errorf("P1 target %+v", tg)
	}
	if _, ok := pol.Target(P5); ok {
		t.Error("P5 has a default target")
	}
}

func FuzzParsePriority(f *testing.F) {
	for _, s := range []string{"P1", "1 - Critical", "high", " p 5 ", "7", "-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePriority(s)
		if err == nil && !p.Valid() {
			t.Fatalf("ParsePriority(%q) = invalid %v", s, p)
		}
		if err == nil {
			if q, err := ParsePriority(p.String()); err != nil || q != p {
				t.Fatalf("round trip %v: %v %v", p, q, err)
			}
		}
	})
}

// TestMappingsBothWays checks the inverse matrix and TheHive 4's MISP
// export rule (MispExportSrv.scala: min(4, max(1, 4 − severity))).
func TestMappingsBothWays(t *testing.T) {
	m := DefaultMatrix()
	for _, tt := range []struct {
		p       Priority
		impact  int
		urgency int
	}{{P1, 1, 1}, {P2, 1, 2}, {P3, 2, 2}, {P4, 2, 3}, {P5, 3, 3}} {
		i, u, err := m.ImpactUrgency(tt.p)
		if err != nil || i != tt.impact || u != tt.urgency {
			t.Errorf("ImpactUrgency(%v) = %d/%d, %v; want %d/%d", tt.p, i, u, err, tt.impact, tt.urgency)
		}
		if back, _ := m.Priority(i, u); back != tt.p {
			t.Errorf("%d/%d gives %v back, not %v", i, u, back, tt.p)
		}
	}
	if _, _, err := m.ImpactUrgency(Priority(9)); !errors.Is(err, ErrInvalid) {
		t.Errorf("a priority no cell holds: %v", err)
	}
	misp := DefaultMISPThreatLevels()
	for severity, level := range map[int]int{1: 3, 2: 2, 3: 1, 4: 1, 0: 4, 7: 1} {
		if got := misp.ThreatLevel(severity); got != level {
			t.Errorf("severity %d exports as threat level %d, want %d", severity, got, level)
		}
	}
	misp.Severities = nil // the rule alone gives the same for 1..4
	for severity, level := range map[int]int{1: 3, 2: 2, 3: 1, 4: 1} {
		if got := misp.ThreatLevel(severity); got != level {
			t.Errorf("by the rule, severity %d exports as %d, want %d", severity, got, level)
		}
	}
}
