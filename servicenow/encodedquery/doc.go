// Package encodedquery builds and parses ServiceNow encoded queries, the
// sysparm_query language of the Table API.
//
// A Query is an immutable value built from conditions on fields and
// combined with And and Or in any shape:
//
//	q := encodedquery.And(
//		encodedquery.Field("active").Eq(true),
//		encodedquery.Or(
//			encodedquery.Field("priority").Lte(2),
//			encodedquery.Field("category").Eq("security"),
//		),
//	).OrderByDesc("opened_at")
//	s, err := q.Encode() // active=true^priority<=2^ORcategory=security^ORDERBYDESCopened_at
//
// ServiceNow's grammar has a fixed precedence: "^OR" binds tighter than
// "^", and "^NQ" starts a new top-level alternative. Every tree is
// normalised into that shape (distributing And over alternatives where it
// must), so the server evaluates exactly the grouping the caller wrote. A
// distribution whose normal form would hold more than MaxConditions
// conditions is an error rather than an exponentially long string; flat
// conjunctions and disjunctions build in time proportional to their size
// (q = q.And(c) in a loop included) up to MaxQueryConditions, which Encode
// and Parse enforce.
//
// Values are typed: strings, integers, floats, booleans (true/false),
// time.Time (converted to UTC and written as YYYY-MM-DD HH:MM:SS), and
// slices for In. A "^" inside a value is written "^^", the platform's
// escape. Input that has no safe encoding is an error, never a different
// query: a newline anywhere, a "," inside an In item, an "@" inside a
// Between bound, a field name other than lower-case letters, digits and
// underscores (dot-walked with "."), or a string value starting with
// "javascript:" (send scripts explicitly with JS). Builder methods never
// panic: the first error is kept in the Query and returned by Encode.
//
// Parse reads an encoded query back into the same structure: parsing an
// encoded Query gives an equal Query, and encoding a parsed canonical
// string gives that string. Parts the parser does not model (text
// searches, related-list and join queries) are kept verbatim, and Raw
// turns such a fragment into a Query that combines like any other.
// Query.Equal compares structures; Alternatives, Orders and Match read a
// query's conditions back, for example to evaluate it against records.
package encodedquery
