package servicenow

import (
	"strconv"

	"github.com/incidentkit/incidentkit/sla"
)

// SLA returns the priority as package sla's (PriorityCritical is sla.P1,
// PriorityPlanning sla.P5). An unknown value is an input error.
func (p Priority) SLA() (sla.Priority, error) {
	n, err := strconv.Atoi(string(p))
	if err != nil || n < 1 || n > 5 {
		return 0, inputErr("priority", strconv.Quote(string(p))+" is not a priority from 1 to 5")
	}
	return sla.Priority(n), nil
}

// PriorityFromSLA returns ServiceNow's priority for p.
func PriorityFromSLA(p sla.Priority) (Priority, error) {
	if !p.Valid() {
		return "", inputErr("priority", p.String()+" is not a priority from P1 to P5")
	}
	return Priority(strconv.Itoa(int(p))), nil
}

// Level returns the impact as package sla's matrix takes it: 1 (high) to
// 3 (low).
func (i Impact) Level() (int, error) { return level("impact", string(i)) }

// Level returns the urgency as package sla's matrix takes it: 1 (high)
// to 3 (low).
func (u Urgency) Level() (int, error) { return level("urgency", string(u)) }

func level(what, v string) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 3 {
		return 0, inputErr(what, strconv.Quote(v)+" is not a level from 1 to 3")
	}
	return n, nil
}

// PriorityOf returns the priority m gives impact and urgency, as the
// instance computes it from its own matrix (sla.DefaultMatrix is the
// platform's default).
func PriorityOf(m sla.Matrix, i Impact, u Urgency) (Priority, error) {
	il, err := i.Level()
	if err != nil {
		return "", err
	}
	ul, err := u.Level()
	if err != nil {
		return "", err
	}
	p, err := m.Priority(il, ul)
	if err != nil {
		return "", inputErr("priority", err.Error())
	}
	return PriorityFromSLA(p)
}

// ImpactUrgency returns the impact and urgency to write so that the
// instance, using matrix m, computes priority p (priority itself is
// read-only); the method of the same name on sla.Matrix says which cell
// is chosen.
func ImpactUrgency(m sla.Matrix, p sla.Priority) (Impact, Urgency, error) {
	i, u, err := m.ImpactUrgency(p)
	if err != nil {
		return "", "", inputErr("priority", err.Error())
	}
	return Impact(strconv.Itoa(i)), Urgency(strconv.Itoa(u)), nil
}
