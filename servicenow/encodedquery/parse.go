package encodedquery

import (
	"strconv"
	"strings"
)

// Parse reads an encoded query into a Query. Parsing an encoded Query gives
// an equal Query (see Query.Equal), and encoding a parsed canonical string
// gives it back.
// Conditions the parser does not model (a text search, RLQUERY or JOIN
// parts, operators it does not know) are kept verbatim in their place. A
// trailing "^EQ", which the platform's list views append, is dropped.
func Parse(s string) (Query, error) {
	q := parse(s)
	return q, q.err
}

// Raw returns a Query for a hand-written encoded-query fragment, for parts
// of the language the builder does not cover. The fragment is parsed, so
// it combines with other queries without changing its grouping; what the
// parser does not model is kept verbatim. Its errors are returned by
// Encode. A "^" meant inside a value must already be written "^^".
func Raw(fragment string) Query { return parse(fragment) }

func parse(s string) Query {
	if hasLineBreak(s) {
		return fail("", "a line break cannot be encoded")
	}
	// Every condition but the first follows a caret: count them before
	// splitting anything.
	if strings.Count(s, "^")+1 > 2*MaxQueryConditions+1 {
		return fail("", "the query holds more than "+strconv.Itoa(MaxQueryConditions)+" conditions")
	}
	var q Query
	var g group
	closeGroup := func() {
		if len(g) > 0 {
			q.groups = append(q.groups, g)
			g = nil
		}
	}
	toks := splitTerms(s)
	for i := 0; i < len(toks); i++ {
		tok := toks[i]
		for strings.HasPrefix(tok, "NQ") {
			closeGroup()
			tok = tok[2:]
		}
		switch {
		case tok == "" || tok == "EQ":
			continue
		case strings.HasPrefix(tok, "RLQUERY"):
			// A related-list sub-query runs to its ENDRLQUERY as one node,
			// whatever it holds (its own ^NQ included).
			var b strings.Builder
			writeEscaped(&b, tok)
			for i+1 < len(toks) && tok != "ENDRLQUERY" {
				i++
				tok = toks[i]
				b.WriteByte('^')
				writeEscaped(&b, tok)
			}
			g = append(g, clause{{value: b.String(), raw: true, nested: true}})
			continue
		case strings.HasPrefix(tok, "ORDERBYDESC") && checkField(tok[len("ORDERBYDESC"):]) == nil:
			q.orders = append(q.orders, order{tok[len("ORDERBYDESC"):], true})
			continue
		case strings.HasPrefix(tok, "ORDERBY") && checkField(tok[len("ORDERBY"):]) == nil:
			q.orders = append(q.orders, order{tok[len("ORDERBY"):], false})
			continue
		case strings.HasPrefix(tok, "ORDERBY"):
			// An order term the parser does not model (a field name it
			// would reject): kept verbatim, and Ordered still sees it.
			g = append(g, clause{{value: tok, raw: true}})
			continue
		case strings.HasPrefix(tok, "OR") && len(tok) > 2:
			if len(g) == 0 {
				return fail("", "an OR condition with nothing before it: "+quote(tok))
			}
			last := &g[len(g)-1]
			*last = append(*last, parseAtom(tok[2:]))
			continue
		}
		g = append(g, clause{parseAtom(tok)})
	}
	closeGroup()
	if n := q.Len(); n > MaxQueryConditions {
		return fail("", "the query holds more than "+strconv.Itoa(MaxQueryConditions)+" conditions")
	}
	return q
}

// splitTerms splits s at single carets, turning "^^" back into "^".
func splitTerms(s string) []string {
	if !strings.Contains(s, "^") {
		return []string{s}
	}
	var out []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '^' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '^' {
			b.WriteByte('^')
			i++
			continue
		}
		out = append(out, b.String())
		b.Reset()
	}
	return append(out, b.String())
}

// parseAtom reads one condition; anything it does not model is kept raw.
func parseAtom(tok string) atom {
	end := 0
	for end < len(tok) && (tok[end] >= 'a' && tok[end] <= 'z' || tok[end] >= '0' && tok[end] <= '9' || tok[end] == '_' || tok[end] == '.') {
		end++
	}
	field := tok[:end]
	if checkField(field) != nil {
		return atom{value: tok, raw: true}
	}
	op, noValue, ok := matchOperator(tok[end:])
	if !ok {
		return atom{value: tok, raw: true}
	}
	value := tok[end+len(op):]
	if noValue && value != "" {
		return atom{value: tok, raw: true}
	}
	return atom{field: field, op: op, value: value}
}

func quote(s string) string {
	if len(s) > 60 {
		s = s[:60] + "…"
	}
	return `"` + s + `"`
}
