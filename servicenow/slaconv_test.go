package servicenow

import (
	"errors"
	"testing"

	"github.com/incidentkit/incidentkit/sla"
)

// TestSLAConversions moves priorities, impacts and urgencies between the
// typed values and package sla without parsing strings.
func TestSLAConversions(t *testing.T) {
	for _, p := range []Priority{PriorityCritical, PriorityHigh, PriorityModerate, PriorityLow, PriorityPlanning} {
		s, err := p.SLA()
		if err != nil {
			t.Fatal(err)
		}
		if back, err := PriorityFromSLA(s); err != nil || back != p {
			t.Errorf("%v → %v → %v, %v", p, s, back, err)
		}
	}
	if s, _ := PriorityHigh.SLA(); s != sla.P2 {
		t.Errorf("High is %v", s)
	}
	m := sla.DefaultMatrix()
	if p, err := PriorityOf(m, ImpactMedium, UrgencyHigh); err != nil || p != PriorityHigh {
		t.Errorf("2/1 gives %v, %v", p, err)
	}
	i, u, err := ImpactUrgency(m, sla.P3)
	if err != nil || i != ImpactMedium || u != UrgencyMedium {
		t.Errorf("P3 from %v/%v, %v", i, u, err)
	}
	for name, err := range map[string]error{
		"unknown priority": func() error { _, err := Priority("9").SLA(); return err }(),
		"invalid sla":      func() error { _, err := PriorityFromSLA(sla.Priority(0)); return err }(),
		"empty impact":     func() error { _, err := PriorityOf(m, "", UrgencyLow); return err }(),
		"label as urgency": func() error { _, err := PriorityOf(m, ImpactLow, Urgency("High")); return err }(),
	} {
		if !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%s: %v, want an input error", name, err)
		}
	}
}
