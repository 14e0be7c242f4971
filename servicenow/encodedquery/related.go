package encodedquery

import (
	"regexp"
	"strings"
)

// countCondition is a related-list count: an operator and a whole number.
var countCondition = regexp.MustCompile(`^(>=|<=|>|<|=)[0-9]+$`)

// Related matches records by their related records (an RLQUERY
// sub-query): the records of table whose field references the record, of
// which there must be count (">=1", ">0", "=0", ...), among those that
// match conditions (the zero Query: all of them). m2m marks table as a
// many-to-many table. For example, incidents with a breached SLA:
//
//	Related("task_sla", "task", ">=1", false, Field("has_breached").Eq(true))
//
// The sub-query is one node: combined with other queries it is never
// split, and its conditions cannot hold alternatives (^NQ) or orders.
// ServiceNow wants it at the end of the query: put it last in And.
func Related(table, field, count string, m2m bool, conditions Query) Query {
	switch {
	case checkField(table) != nil || strings.Contains(table, "."):
		return fail("", "RLQUERY needs a table name, not "+quote(table))
	case checkField(field) != nil:
		return fail("", "RLQUERY needs a reference field name, not "+quote(field))
	case !countCondition.MatchString(count):
		return fail("", "RLQUERY needs a count condition such as >=1 or =0, not "+quote(count))
	case conditions.err != nil:
		return Query{err: conditions.err}
	case len(conditions.groups) > 1 || len(conditions.orders) > 0:
		return fail("", "an RLQUERY's conditions cannot hold alternatives or orders")
	}
	inner, err := conditions.Encode()
	if err != nil {
		return Query{err: err}
	}
	var b strings.Builder
	b.WriteString("RLQUERY" + table + "." + field + "," + count)
	if m2m {
		b.WriteString(",m2m")
	}
	if inner != "" {
		b.WriteString("^" + inner)
	}
	b.WriteString("^ENDRLQUERY")
	return Query{groups: []group{{{{value: b.String(), raw: true, nested: true}}}}}
}

// TextSearch matches records whose text index holds terms (the
// 123TEXTQUERY321 term; the table must be text-indexed).
func TextSearch(terms string) Query {
	if strings.TrimSpace(terms) == "" {
		return fail("", "a text search needs terms")
	}
	if hasLineBreak(terms) {
		return fail("", "a line break cannot be encoded")
	}
	return Query{groups: []group{{{{value: "123TEXTQUERY321=" + terms, raw: true}}}}}
}
