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

// ImpactUrgency returns an impact and urgency that m turns into p, for
// creating a record with a given priority: of the cells holding p, the
// one where impact and urgency are closest (P3 on the default matrix is
// 2/2, not 1/3), the higher impact on a tie (P2 is 1/2). It fails when
// no cell holds p.
func (m Matrix) ImpactUrgency(p Priority) (impact, urgency int, err error) {
	best := -1
	for i := range 3 {
		for u := range 3 {
			if m[i][u] != p {
				continue
			}
			if d := abs(i - u); best < 0 || d < best {
				best, impact, urgency = d, i+1, u+1
			}
		}
	}
	if best < 0 {
		return 0, 0, invalidf("no impact and urgency give %v", p)
	}
	return impact, urgency, nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
