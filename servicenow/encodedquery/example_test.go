package encodedquery_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

func Example() {
	type F = encodedquery.Field
	since := time.Date(2026, 11, 23, 9, 0, 0, 0, time.FixedZone("CET", 3600))
	q := encodedquery.And(
		F("active").Eq(true),
		encodedquery.Or(F("priority").Lte(2), F("category").Eq("security")),
		F("opened_at").Gte(since),
		F("short_description").NotLike("test^NQactive=false"),
	).OrderByDesc("opened_at")
	s, err := q.Encode()
	fmt.Println(s, err)
	// Output: active=true^priority<=2^ORcategory=security^opened_at>=2026-11-23 08:00:00^short_descriptionNOT LIKEtest^^NQactive=false^ORDERBYDESCopened_at <nil>
}

func ExampleOr() {
	type F = encodedquery.Field
	// (P1 and unassigned) or (P2 and on hold): two top-level alternatives.
	q := encodedquery.Or(
		encodedquery.And(F("priority").Eq(1), F("assigned_to").IsEmpty()),
		encodedquery.And(F("priority").Eq(2), F("state").Eq(3)),
	)
	fmt.Println(q)
	// Output: priority=1^assigned_toISEMPTY^NQpriority=2^state=3
}

func ExampleParse() {
	q, err := encodedquery.Parse("active=true^stateIN1,2^ORDERBYnumber")
	fmt.Println(q.Len(), q.Ordered(), err)
	more := q.And(encodedquery.Field("category").Eq("network"))
	fmt.Println(more)
	// Output:
	// 2 true <nil>
	// active=true^stateIN1,2^category=network^ORDERBYnumber
}

func ExampleField_In() {
	_, err := encodedquery.Field("category").In("a,b").Encode()
	fmt.Println(err)
	// Output: encodedquery: field "category": the list item "a,b" holds a comma, which has no escape
}

func ExampleRaw() {
	// A text search has no builder method; the fragment combines like any
	// other query, and its order term counts for Ordered.
	q := encodedquery.And(
		encodedquery.Raw("123TEXTQUERY321=ransomware^ORDERBYDESCsys_updated_on"),
		encodedquery.Field("active").Eq(true),
	)
	fmt.Println(q, q.Ordered())
	// Output: 123TEXTQUERY321=ransomware^active=true^ORDERBYDESCsys_updated_on true
}

func ExampleError() {
	_, err := encodedquery.Field("opened_at").Between("2026-01-01@x", "2026-02-01").Encode()
	var e *encodedquery.Error
	if errors.As(err, &e) {
		fmt.Println(e.Field, errors.Is(err, encodedquery.ErrInvalid))
	}
	// Output: opened_at true
}
