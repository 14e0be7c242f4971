package filter_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/incidentkit/incidentkit/thehive/filter"
)

// Open high-severity phishing cases from December 2024, newest first, as a
// TheHive 5 query.
func Example() {
	from := time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(0, 1, 0)
	f := filter.And(
		filter.In("status", "New", "InProgress"),
		filter.Gte("severity", 3),
		filter.And(filter.Eq("tags", "phishing"), filter.Between("_createdAt", from, to)),
	)
	flt, err := filter.EncodeV1(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	sort, err := filter.SortV1(filter.Desc("_createdAt"))
	if err != nil {
		fmt.Println(err)
		return
	}
	flt["_name"] = "filter"
	body := map[string]any{"query": []any{
		map[string]any{"_name": "listCase"},
		flt,
		map[string]any{"_name": "sort", "_fields": sort},
		map[string]any{"_name": "page", "from": 0, "to": 100},
	}}
	out, _ := json.MarshalIndent(body, "", "  ")
	fmt.Println(string(out))
	// Output:
	// {
	//   "query": [
	//     {
	//       "_name": "listCase"
	//     },
	//     {
	//       "_and": [
	//         {
	//           "_in": {
	//             "_field": "status",
	//             "_values": [
	//               "New",
	//               "InProgress"
	//             ]
	//           }
	//         },
	//         {
	//           "_gte": {
	//             "_field": "severity",
	//             "_value": 3
	//           }
	//         },
	//         {
	//           "_eq": {
	//             "_field": "tags",
	//             "_value": "phishing"
	//           }
	//         },
	//         {
	//           "_between": {
	//             "_field": "_createdAt",
	//             "_from": 1733011200000,
	//             "_to": 1735689600000
	//           }
	//         }
	//       ],
	//       "_name": "filter"
	//     },
	//     {
	//       "_fields": [
	//         {
	//           "_createdAt": "desc"
	//         }
	//       ],
	//       "_name": "sort"
	//     },
	//     {
	//       "_name": "page",
	//       "from": 0,
	//       "to": 100
	//     }
	//   ]
	// }
}

// The same filter encodes differently for TheHive 3 and 4.
func ExampleEncodeV0() {
	f := filter.And(
		filter.Eq("status", "Open"),
		filter.Gt("severity", 2),
		filter.StartsWith("title", "[SIEM]"),
	)
	q, err := filter.EncodeV0(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	out, _ := json.Marshal(map[string]any{"query": q})
	fmt.Println(string(out))
	sort, _ := filter.SortV0(filter.Desc("createdAt"), filter.Asc("title"))
	fmt.Println(sort)
	// Output:
	// {"query":{"_and":[{"_field":"status","_value":"Open"},{"_gt":{"severity":2}},{"_wildcard":{"_field":"title","_value":"[SIEM]*"}}]}}
	// [-createdAt +title]
}

// A filter that the chosen dialect cannot express is an error, never a
// silent rewrite.
func ExampleUnsupportedError() {
	_, err := filter.EncodeV0(filter.Ne("status", "Resolved"))
	fmt.Println(err)
	fmt.Println(errors.Is(err, filter.ErrUnsupported), errors.Is(err, filter.ErrInvalid))

	_, err = filter.EncodeV1(filter.In("tags"))
	fmt.Println(err)
	// Output:
	// filter: Ne cannot be expressed in the TheHive v0 dialect; use Not(Eq(field, value))
	// true true
	// filter: _in: In needs at least one value
}

// Cases created yesterday, by the server's clock and in its time zone.
func ExampleRelativeDate() {
	f := filter.Between("_createdAt",
		filter.Ago(1, filter.Days).StartOfDay(),
		filter.Ago(0, filter.Days).StartOfDay())
	m, _ := filter.EncodeV1(f)
	out, _ := json.Marshal(m)
	fmt.Println(string(out))
	// Output:
	// {"_between":{"_field":"_createdAt","_from":{"amount":1,"look":"behind","modifier":"startOfDay","unit":"days"},"_to":{"amount":0,"look":"behind","modifier":"startOfDay","unit":"days"}}}
}
