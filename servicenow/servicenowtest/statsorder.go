package servicenowtest

import (
	"sort"
	"strconv"
	"strings"
)

// group is what sysparm_order_by can sort an aggregate group by.
type group struct {
	key   []string
	stats map[string]any
	size  int
}

// orderGroups sorts entries (and groups, in step) by the Aggregate API's
// sysparm_order_by terms: a group-by field, COUNT, or an aggregate and a
// field ("AVG^business_stc"), each ascending unless "^DESC" follows.
// Without terms the groups stay in the order of their values.
func orderGroups(terms, groupBy []string, groups []group, entries []map[string]any) {
	if len(terms) == 0 {
		return
	}
	idx := make([]int, len(groups))
	for i := range idx {
		idx[i] = i
	}
	value := func(g group, term string) string {
		parts := strings.Split(term, "^")
		switch agg := strings.ToLower(parts[0]); {
		case agg == "count":
			return strconv.Itoa(g.size)
		case len(parts) > 1 && (agg == "avg" || agg == "min" || agg == "max" || agg == "sum"):
			m, _ := g.stats[agg].(map[string]string)
			return m[parts[1]]
		}
		for i, f := range groupBy {
			if f == parts[0] {
				return g.key[i]
			}
		}
		return ""
	}
	sort.SliceStable(idx, func(a, b int) bool {
		for _, term := range terms {
			term, desc := strings.CutSuffix(term, "^DESC")
			c := compare(value(groups[idx[a]], term), value(groups[idx[b]], term))
			if c != 0 {
				return (c < 0) != desc
			}
		}
		return false
	})
	sorted := make([]map[string]any, len(entries))
	for i, j := range idx {
		sorted[i] = entries[j]
	}
	copy(entries, sorted)
}
