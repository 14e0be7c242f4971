package encodedquery

// Equal reports whether q and r have the same structure: the same
// conditions in the same groups and order, the same order terms, and
// errors that are both nil or both set. Two equal queries encode to the
// same string.
func (q Query) Equal(r Query) bool {
	if (q.err == nil) != (r.err == nil) || len(q.groups) != len(r.groups) || len(q.orders) != len(r.orders) {
		return false
	}
	for i, o := range q.orders {
		if r.orders[i] != o {
			return false
		}
	}
	for i, g := range q.groups {
		h := r.groups[i]
		if len(g) != len(h) {
			return false
		}
		for j, c := range g {
			if len(c) != len(h[j]) {
				return false
			}
			for k, a := range c {
				if h[j][k] != a {
					return false
				}
			}
		}
	}
	return true
}
