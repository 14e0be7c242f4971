package encodedquery

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

type state string

func TestBuild(t *testing.T) {
	f := func(s string) Field { return Field(s) }
	a, b, c, d := f("a").Eq(1), f("b").Eq(2), f("c").Eq(3), f("d").Eq(4)
	nyc := time.FixedZone("EST", -5*3600)
	two := 2
	tests := []struct {
		name string
		q    Query
		want string
	}{
		{name: "zero", q: Query{}, want: ""},
		{name: "eq string", q: f("short_description").Eq("Phishing mail"), want: "short_description=Phishing mail"},
		{name: "eq int", q: f("priority").Eq(1), want: "priority=1"},
		{name: "eq uint", q: f("reassignment_count").Eq(uint8(3)), want: "reassignment_count=3"},
		{name: "eq bool", q: f("active").Eq(true), want: "active=true"},
		{name: "eq false", q: f("active").Eq(false), want: "active=false"},
		{name: "eq float", q: f("cost").Eq(12.5), want: "cost=12.5"},
		{name: "eq named string type", q: f("state").Eq(state("6")), want: "state=6"},
		{name: "eq pointer", q: f("priority").Eq(&two), want: "priority=2"},
		{name: "eq empty", q: f("category").Eq(""), want: "category="},
		{name: "ne", q: f("state").Ne(7), want: "state!=7"},
		{name: "lt", q: f("priority").Lt(3), want: "priority<3"},
		{name: "lte", q: f("priority").Lte(2), want: "priority<=2"},
		{name: "gt", q: f("impact").Gt(1), want: "impact>1"},
		{name: "gte", q: f("urgency").Gte(2), want: "urgency>=2"},
		{name: "time to UTC", q: f("opened_at").Gte(time.Date(2026, 11, 23, 9, 30, 0, 0, nyc)), want: "opened_at>=2026-11-23 14:30:00"},
		{name: "like", q: f("short_description").Like("vpn"), want: "short_descriptionLIKEvpn"},
		{name: "not like", q: f("short_description").NotLike("test"), want: "short_descriptionNOT LIKEtest"},
		{name: "starts with", q: f("number").StartsWith("INC"), want: "numberSTARTSWITHINC"},
		{name: "ends with", q: f("u_ref").EndsWith("-2026"), want: "u_refENDSWITH-2026"},
		{name: "in", q: f("state").In(1, 2, 3), want: "stateIN1,2,3"},
		{name: "in slice", q: f("category").In([]string{"network", "security"}), want: "categoryINnetwork,security"},
		{name: "not in", q: f("state").NotIn([]int{6, 7}, 8), want: "stateNOT IN6,7,8"},
		{name: "in hierarchy", q: f("cmdb_ci").InHierarchy("abc"), want: "cmdb_ciIN_HIERARCHYabc"},
		{name: "is empty", q: f("assigned_to").IsEmpty(), want: "assigned_toISEMPTY"},
		{name: "is not empty", q: f("assigned_to").IsNotEmpty(), want: "assigned_toISNOTEMPTY"},
		{name: "anything", q: f("caller_id").Anything(), want: "caller_idANYTHING"},
		{name: "empty string", q: f("u_note").EmptyString(), want: "u_noteEMPTYSTRING"},
		{name: "between numbers", q: f("priority").Between(1, 3), want: "priorityBETWEEN1@3"},
		{name: "between times", q: f("opened_at").Between(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)),
			want: "opened_atBETWEEN2026-01-01 00:00:00@2026-01-02 00:00:00"},
		{name: "same as", q: f("opened_by").SameAs("caller_id"), want: "opened_bySAMEAScaller_id"},
		{name: "not same as", q: f("opened_by").NotSameAs("caller_id"), want: "opened_byNSAMEAScaller_id"},
		{name: "gt field", q: f("resolved_at").GtField("due_date"), want: "resolved_atGT_FIELDdue_date"},
		{name: "lt field", q: f("resolved_at").LtField("due_date"), want: "resolved_atLT_FIELDdue_date"},
		{name: "gte field", q: f("resolved_at").GteField("due_date"), want: "resolved_atGT_OR_EQUALS_FIELDdue_date"},
		{name: "lte field", q: f("resolved_at").LteField("due_date"), want: "resolved_atLT_OR_EQUALS_FIELDdue_date"},
		{name: "dynamic", q: f("assigned_to").Dynamic("90d1921e5f510100a9ad2572f2b477fe"), want: "assigned_toDYNAMIC90d1921e5f510100a9ad2572f2b477fe"},
		{name: "on today", q: f("opened_at").On(Today), want: "opened_atONToday@javascript:gs.beginningOfToday()@javascript:gs.endOfToday()"},
		{name: "not on last week", q: f("opened_at").NotOn(LastWeek),
			want: "opened_atNOTONLast week@javascript:gs.beginningOfLastWeek()@javascript:gs.endOfLastWeek()"},
		{name: "relative after", q: f("opened_at").RelativeAfter(2, Hour), want: "opened_atRELATIVEGT@hour@ago@2"},
		{name: "relative before ahead", q: f("due_date").RelativeBefore(-3, Day), want: "due_dateRELATIVELT@dayofweek@ahead@3"},
		{name: "relative on or after", q: f("sla_due").RelativeOnOrAfter(1, Minute), want: "sla_dueRELATIVEGE@minute@ago@1"},
		{name: "relative on or before", q: f("sys_updated_on").RelativeOnOrBefore(1, Year), want: "sys_updated_onRELATIVELE@year@ago@1"},
		{name: "relative on", q: f("opened_at").RelativeOn(1, Day), want: "opened_atRELATIVEEE@dayofweek@ago@1"},
		{name: "relative month", q: f("sys_created_on").RelativeAfter(6, Month), want: "sys_created_onRELATIVEGT@month@ago@6"},
		{name: "val changes", q: f("state").ValChanges(), want: "stateVALCHANGES"},
		{name: "changes from", q: f("state").ChangesFrom(1), want: "stateCHANGESFROM1"},
		{name: "changes to", q: f("state").ChangesTo(6), want: "stateCHANGESTO6"},
		{name: "dot walk", q: f("caller_id.department.name").Eq("IT"), want: "caller_id.department.name=IT"},
		{name: "script on request", q: f("assigned_to").Eq(JS("gs.getUserID()")), want: "assigned_to=javascript:gs.getUserID()"},
		{name: "caret escaped", q: f("short_description").Eq("foo^NQactive=true"), want: "short_description=foo^^NQactive=true"},
		{name: "caret at end", q: f("short_description").Eq("x^"), want: "short_description=x^^"},
		{name: "caret in list", q: f("category").In("a^b", "c"), want: "categoryINa^^b,c"},
		{name: "and", q: And(a, b), want: "a=1^b=2"},
		{name: "or", q: Or(a, b, c), want: "a=1^ORb=2^ORc=3"},
		{name: "a and (b or c)", q: And(a, Or(b, c)), want: "a=1^b=2^ORc=3"},
		{name: "(b or c) and a", q: Or(b, c).And(a), want: "b=2^ORc=3^a=1"},
		{name: "(a and b) or (c and d)", q: Or(And(a, b), And(c, d)), want: "a=1^b=2^NQc=3^d=4"},
		{name: "a or (b and c)", q: Or(a, And(b, c)), want: "a=1^NQb=2^c=3"},
		{name: "(a or b) and (c or d)", q: And(Or(a, b), Or(c, d)), want: "a=1^ORb=2^c=3^ORd=4"},
		{name: "((a and b) or c) and d", q: And(Or(And(a, b), c), d), want: "a=1^b=2^d=4^NQc=3^d=4"},
		{name: "(a or (b and c)) and (d or a)", q: And(Or(a, And(b, c)), Or(d, a)), want: "a=1^d=4^ORa=1^NQb=2^c=3^d=4^ORa=1"},
		{name: "nested or flattens", q: Or(Or(a, b), Or(c, d)), want: "a=1^ORb=2^ORc=3^ORd=4"},
		{name: "zero operands vanish", q: And(Query{}, a, Query{}), want: "a=1"},
		{name: "order", q: f("active").Eq(true).OrderBy("number"), want: "active=true^ORDERBYnumber"},
		{name: "order desc", q: f("active").Eq(true).OrderByDesc("opened_at", "number"), want: "active=true^ORDERBYDESCopened_at^ORDERBYDESCnumber"},
		{name: "order only", q: Query{}.OrderBy("sys_id"), want: "ORDERBYsys_id"},
		{name: "orders survive and", q: And(a.OrderBy("x"), b.OrderByDesc("y")), want: "a=1^b=2^ORDERBYx^ORDERBYDESCy"},
		{name: "raw fragment", q: Raw("123TEXTQUERY321=malware"), want: "123TEXTQUERY321=malware"},
		{name: "raw combines", q: And(a, Raw("b=2^ORc=3")), want: "a=1^b=2^ORc=3"},
		{name: "raw with nq distributes", q: And(Raw("b=2^NQc=3"), a), want: "b=2^a=1^NQc=3^a=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if back := encodeAndParse(t, tt.q, tt.want); !back.Equal(tt.q) || !reflect.DeepEqual(normal(back), normal(tt.q)) {
				t.Fatalf("Parse(%q) = %#v, want %#v", tt.want, back, tt.q)
			}
		})
	}
}

// normal drops the difference between nil and empty slices.
func normal(q Query) Query {
	if len(q.groups) == 0 {
		q.groups = nil
	}
	if len(q.orders) == 0 {
		q.orders = nil
	}
	q.room, q.alts = nil, nil // spare capacity is bookkeeping, not content
	return q
}

func TestBuildRejects(t *testing.T) {
	f := func(s string) Field { return Field(s) }
	big := Or(And(f("a").Eq(1), f("b").Eq(2)), And(f("c").Eq(3), f("d").Eq(4)))
	tests := []struct {
		name string
		q    Query
		want string
	}{
		{name: "empty field", q: f("").Eq(1), want: "empty field"},
		{name: "upper-case field", q: f("Priority").Eq(1), want: "a-z"},
		{name: "field injection", q: f("a=1^NQb").Eq(1), want: "a-z"},
		{name: "empty dot part", q: f("caller_id..name").Eq(1), want: "empty part"},
		{name: "newline value", q: f("a").Eq("x\ny"), want: "line break"},
		{name: "cr value", q: f("a").Like("x\r"), want: "line break"},
		{name: "comma in list", q: f("a").In("x,y"), want: "comma"},
		{name: "empty list", q: f("a").In(), want: "empty list"},
		{name: "empty slice", q: f("a").NotIn([]string{}), want: "empty list"},
		{name: "at in between", q: f("a").Between("x@y", "z"), want: "@"},
		{name: "nil value", q: f("a").Eq(nil), want: "nil"},
		{name: "nil pointer", q: f("a").Eq((*int)(nil)), want: "nil pointer"},
		{name: "nan", q: f("a").Gt(math.NaN()), want: "NaN"},
		{name: "infinity", q: f("a").Lt(math.Inf(1)), want: "infinities"},
		{name: "zero time", q: f("a").Eq(time.Time{}), want: "zero time"},
		{name: "struct value", q: f("a").Eq(struct{}{}), want: "cannot be encoded"},
		{name: "javascript text", q: f("a").Eq("javascript:gs.getUserID()"), want: "javascript"},
		{name: "javascript text spaced", q: f("a").Eq("  JavaScript:alert(1)"), want: "javascript"},
		{name: "empty script", q: f("a").Eq(JS(" ")), want: "empty script"},
		{name: "ambiguous lt", q: f("a").Lt("=5"), want: "another operator"},
		{name: "ambiguous in", q: f("a").In("_HIERARCHYx"), want: "another operator"},
		{name: "bad other field", q: f("a").SameAs("B"), want: "a-z"},
		{name: "bad dynamic", q: f("a").Dynamic("me"), want: "sys_id"},
		{name: "bad period", q: f("a").On("Someday"), want: "period"},
		{name: "bad unit", q: f("a").RelativeAfter(1, "fortnight"), want: "unit"},
		{name: "bad order field", q: Query{}.OrderBy("a^b"), want: "a-z"},
		{name: "error survives and", q: And(f("a").Eq(1), f("B").Eq(2)), want: "a-z"},
		{name: "error survives or", q: Or(f("B").Eq(2), f("a").Eq(1)), want: "a-z"},
		{name: "raw newline", q: Raw("a=1\nb=2"), want: "line break"},
		{name: "raw leading or", q: Raw("ORa=1"), want: "nothing before"},
		{name: "size cap", q: And(big, big, big, big, big, big, big, big, big, big), want: "exceed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := tt.q.Encode()
			if err == nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Encode = %q, %v; want an ErrInvalid mentioning %q", s, err, tt.want)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("%T is not *Error", err)
			}
		})
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in, want string
		ordered  bool
	}{
		{in: "active=true^EQ", want: "active=true", ordered: false},
		{in: "a=1^^^b=2", want: "a=1^^^b=2", ordered: false},
		{in: "short_descriptionNOTLIKEx", want: "short_descriptionNOTLIKEx", ordered: false},
		{in: "RLQUERYtask_sla.task,>=1^sla.name=P1^ENDRLQUERY^active=true", want: "RLQUERYtask_sla.task,>=1^sla.name=P1^ENDRLQUERY^active=true", ordered: false},
		{in: "ORDERBYDESCopened_at^active=true", want: "active=true^ORDERBYDESCopened_at", ordered: true},
		{in: "priority=1^NQ^NQstate=2", want: "priority=1^NQstate=2", ordered: false},
		{in: "", want: "", ordered: false},
		{in: "a=1^ORDERBYCaller", want: "a=1^ORDERBYCaller", ordered: true},
		{in: "ORDERBY", want: "ORDERBY", ordered: true},
		{in: "a=1^ORDERBYcaller_id.name", want: "a=1^ORDERBYcaller_id.name", ordered: true},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got, _ := q.Encode(); got != tt.want || q.Ordered() != tt.ordered {
			t.Errorf("Parse(%q) encodes %q (ordered %v), want %q (%v)", tt.in, got, q.Ordered(), tt.want, tt.ordered)
		}
	}
	if _, err := Parse("ORa=1"); !errors.Is(err, ErrInvalid) {
		t.Errorf("leading OR: %v", err)
	}
}

func TestZeroAndLen(t *testing.T) {
	if !(Query{}).IsZero() || Field("a").Eq(1).IsZero() || (Query{}).OrderBy("a").IsZero() {
		t.Error("IsZero")
	}
	if n := And(Or(Field("a").Eq(1), Field("b").Eq(2)), Field("c").Eq(3)).Len(); n != 3 {
		t.Errorf("Len = %d", n)
	}
	if s := Field("B").Eq(1).String(); !strings.HasPrefix(s, "!(") {
		t.Errorf("String of a broken query = %q", s)
	}
}

func TestEqual(t *testing.T) {
	a, b := Field("a").Eq(1), Field("b").Eq(2)
	tests := []struct {
		name string
		x, y Query
		want bool
	}{
		{name: "zero", x: Query{}, y: Query{}, want: true},
		{name: "same", x: And(a, b), y: And(a, b), want: true},
		{name: "parsed", x: Or(a, b), y: mustParse(t, "a=1^ORb=2"), want: true},
		{name: "and vs or", x: And(a, b), y: Or(a, b), want: false},
		{name: "order of conditions", x: And(a, b), y: And(b, a), want: false},
		{name: "groups", x: Or(And(a, b), a), y: And(a, b), want: false},
		{name: "clause length", x: Or(a, b), y: a, want: false},
		{name: "orders", x: a.OrderBy("x"), y: a.OrderByDesc("x"), want: false},
		{name: "order count", x: a.OrderBy("x"), y: a, want: false},
		{name: "error", x: Field("B").Eq(1), y: Query{}, want: false},
		{name: "value", x: Field("a").Eq(1), y: Field("a").Eq(2), want: false},
	}
	for _, tt := range tests {
		if got := tt.x.Equal(tt.y); got != tt.want {
			t.Errorf("%s: Equal = %v, want %v", tt.name, got, tt.want)
		}
		if got := tt.y.Equal(tt.x); got != tt.want {
			t.Errorf("%s: reversed Equal = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func mustParse(t *testing.T, s string) Query {
	t.Helper()
	q, err := Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestEnumStrings(t *testing.T) {
	if LastWeek.String() != "Last week" || Day.String() != "dayofweek" {
		t.Errorf("String: %q %q", LastWeek.String(), Day.String())
	}
}

// TestSizeCap checks the two limits: only the expansion of And over
// alternatives is bounded by MaxConditions, while flat conjunctions and
// disjunctions build up to MaxQueryConditions, which Encode and Parse
// enforce (Parse before it splits the string).
func TestSizeCap(t *testing.T) {
	wide := make([]any, 0, MaxConditions)
	ors := make([]Query, 0, MaxConditions)
	for i := range MaxConditions {
		wide = append(wide, i)
		ors = append(ors, Field("a").Eq(i))
	}
	full := Or(ors...)
	if full.Len() != MaxConditions || full.Err() != nil {
		t.Fatalf("Or of %d conditions: Len %d, %v", MaxConditions, full.Len(), full.Err())
	}
	if q := Field("b").In(wide...); q.Err() != nil || q.Len() != 1 {
		t.Fatalf("a long In list is one condition: %v", q.Err())
	}
	for name, q := range map[string]Query{
		"or past the expansion cap":  Or(full, Field("b").Eq(1)),
		"and past the expansion cap": And(full, Field("b").Eq(1)),
	} {
		if _, err := q.Encode(); err != nil || q.Len() != MaxConditions+1 {
			t.Errorf("%s: a flat query must build: %v", name, err)
		}
	}
	distributed := And(Or(full, And(Field("b").Eq(1), Field("c").Eq(2))), Field("d").Eq(3))
	if err := distributed.Err(); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "exceed") {
		t.Errorf("distributed past the cap: %v", err)
	}
	huge := make([]Query, MaxQueryConditions+1)
	for i := range huge {
		huge[i] = Field("a").Eq(i)
	}
	if _, err := Or(huge...).Encode(); !errors.Is(err, ErrInvalid) {
		t.Errorf("Encode past MaxQueryConditions: %v", err)
	}
	var b strings.Builder
	for i := range MaxQueryConditions + 1 {
		if i > 0 {
			b.WriteString("^OR")
		}
		b.WriteString("a=1")
	}
	if _, err := Parse(b.String()); !errors.Is(err, ErrInvalid) {
		t.Errorf("Parse past the cap: %v", err)
	}
}

// encodeAndParse checks that q encodes to want and that want parses back
// into a query that encodes the same, and returns the parsed query.
func encodeAndParse(t *testing.T, q Query, want string) Query {
	t.Helper()
	got, err := q.Encode()
	if err != nil || got != want {
		t.Fatalf("Encode = %q, %v; want %q", got, err, want)
	}
	back, err := Parse(got)
	if err != nil {
		t.Fatalf("Parse(%q): %v", got, err)
	}
	if again, _ := back.Encode(); again != got {
		t.Fatalf("parsed and re-encoded %q, want %q", again, got)
	}
	return back
}
