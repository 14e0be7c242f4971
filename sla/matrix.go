package sla

// Matrix maps impact (row) and urgency (column), each 1 (high) to 3 (low),
// to a priority. It is a plain value: copy and change cells to match an
// instance's own lookup rules.
type Matrix [3][3]Priority

// DefaultMatrix returns ServiceNow's default impact × urgency lookup.
func DefaultMatrix() Matrix {
	return Matrix{
		{P1, P2, P3},
		{P2, P3, P4},
		{P3, P4, P5},
	}
}

// Priority returns the priority for impact and urgency, each in 1..3.
func (m Matrix) Priority(impact, urgency int) (Priority, error) {
	if impact < 1 || impact > 3 {
		return 0, invalidf("impact %d outside 1..3", impact)
	}
	if urgency < 1 || urgency > 3 {
		return 0, invalidf("urgency %d outside 1..3", urgency)
	}
	p := m[impact-1][urgency-1]
	if !p.Valid() {
		return 0, invalidf("matrix cell %d/%d holds invalid %v", impact, urgency, p)
	}
	return p, nil
}
