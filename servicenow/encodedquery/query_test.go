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
		{"zero", Query{}, ""},
		{"eq string", f("short_description").Eq("Phishing mail"), "short_description=Phishing mail"},
		{"eq int", f("priority").Eq(1), "priority=1"},
		{"eq uint", f("reassignment_count").Eq(uint8(3)), "reassignment_count=3"},
		{"eq bool", f("active").Eq(true), "active=true"},
		{"eq false", f("active").Eq(false), "active=false"},
		{"eq float", f("cost").Eq(12.5), "cost=12.5"},
		{"eq named string type", f("state").Eq(state("6")), "state=6"},
		{"eq pointer", f("priority").Eq(&two), "priority=2"},
		{"eq empty", f("category").Eq(""), "category="},
		{"ne", f("state").Ne(7), "state!=7"},
		{"lt", f("priority").Lt(3), "priority<3"},
		{"lte", f("priority").Lte(2), "priority<=2"},
		{"gt", f("impact").Gt(1), "impact>1"},
		{"gte", f("urgency").Gte(2), "urgency>=2"},
		{"time to UTC", f("opened_at").Gte(time.Date(2026, 11, 23, 9, 30, 0, 0, nyc)), "opened_at>=2026-11-23 14:30:00"},
		{"like", f("short_description").Like("vpn"), "short_descriptionLIKEvpn"},
		{"not like", f("short_description").NotLike("test"), "short_descriptionNOT LIKEtest"},
		{"starts with", f("number").StartsWith("INC"), "numberSTARTSWITHINC"},
		{"ends with", f("u_ref").EndsWith("-2026"), "u_refENDSWITH-2026"},
		{"in", f("state").In(1, 2, 3), "stateIN1,2,3"},
		{"in slice", f("category").In([]string{"network", "security"}), "categoryINnetwork,security"},
		{"not in", f("state").NotIn([]int{6, 7}, 8), "stateNOT IN6,7,8"},
		{"in hierarchy", f("cmdb_ci").InHierarchy("abc"), "cmdb_ciIN_HIERARCHYabc"},
		{"is empty", f("assigned_to").IsEmpty(), "assigned_toISEMPTY"},
		{"is not empty", f("assigned_to").IsNotEmpty(), "assigned_toISNOTEMPTY"},
		{"anything", f("caller_id").Anything(), "caller_idANYTHING"},
		{"empty string", f("u_note").EmptyString(), "u_noteEMPTYSTRING"},
		{"between numbers", f("priority").Between(1, 3), "priorityBETWEEN1@3"},
		{"between times", f("opened_at").Between(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)),
			"opened_atBETWEEN2026-01-01 00:00:00@2026-01-02 00:00:00"},
		{"same as", f("opened_by").SameAs("caller_id"), "opened_bySAMEAScaller_id"},
		{"not same as", f("opened_by").NotSameAs("caller_id"), "opened_byNSAMEAScaller_id"},
		{"gt field", f("resolved_at").GtField("due_date"), "resolved_atGT_FIELDdue_date"},
		{"lt field", f("resolved_at").LtField("due_date"), "resolved_atLT_FIELDdue_date"},
		{"gte field", f("resolved_at").GteField("due_date"), "resolved_atGT_OR_EQUALS_FIELDdue_date"},
		{"lte field", f("resolved_at").LteField("due_date"), "resolved_atLT_OR_EQUALS_FIELDdue_date"},
		{"dynamic", f("assigned_to").Dynamic("90d1921e5f510100a9ad2572f2b477fe"), "assigned_toDYNAMIC90d1921e5f510100a9ad2572f2b477fe"},
		{"on today", f("opened_at").On(Today), "opened_atONToday@javascript:gs.beginningOfToday()@javascript:gs.endOfToday()"},
		{"not on last week", f("opened_at").NotOn(LastWeek),
			"opened_atNOTONLast week@javascript:gs.beginningOfLastWeek()@javascript:gs.endOfLastWeek()"},
		{"relative after", f("opened_at").RelativeAfter(2, Hour), "opened_atRELATIVEGT@hour@ago@2"},
		{"relative before ahead", f("due_date").RelativeBefore(-3, Day), "due_dateRELATIVELT@dayofweek@ahead@3"},
		{"relative on or after", f("sla_due").RelativeOnOrAfter(1, Minute), "sla_dueRELATIVEGE@minute@ago@1"},
		{"relative on or before", f("sys_updated_on").RelativeOnOrBefore(1, Year), "sys_updated_onRELATIVELE@year@ago@1"},
		{"relative month", f("sys_created_on").RelativeAfter(6, Month), "sys_created_onRELATIVEGT@month@ago@6"},
		{"val changes", f("state").ValChanges(), "stateVALCHANGES"},
		{"changes from", f("state").ChangesFrom(1), "stateCHANGESFROM1"},
		{"changes to", f("state").ChangesTo(6), "stateCHANGESTO6"},
		{"dot walk", f("caller_id.department.name").Eq("IT"), "caller_id.department.name=IT"},
		{"script on request", f("assigned_to").Eq(JS("gs.getUserID()")), "assigned_to=javascript:gs.getUserID()"},
		{"caret escaped", f("short_description").Eq("foo^NQactive=true"), "short_description=foo^^NQactive=true"},
		{"caret at end", f("short_description").Eq("x^"), "short_description=x^^"},
		{"caret in list", f("category").In("a^b", "c"), "categoryINa^^b,c"},
		{"and", And(a, b), "a=1^b=2"},
		{"or", Or(a, b, c), "a=1^ORb=2^ORc=3"},
		{"a and (b or c)", And(a, Or(b, c)), "a=1^b=2^ORc=3"},
		{"(b or c) and a", Or(b, c).And(a), "b=2^ORc=3^a=1"},
		{"(a and b) or (c and d)", Or(And(a, b), And(c, d)), "a=1^b=2^NQc=3^d=4"},
		{"a or (b and c)", Or(a, And(b, c)), "a=1^NQb=2^c=3"},
		{"(a or b) and (c or d)", And(Or(a, b), Or(c, d)), "a=1^ORb=2^c=3^ORd=4"},
		{"((a and b) or c) and d", And(Or(And(a, b), c), d), "a=1^b=2^d=4^NQc=3^d=4"},
		{"(a or (b and c)) and (d or a)", And(Or(a, And(b, c)), Or(d, a)), "a=1^d=4^ORa=1^NQb=2^c=3^d=4^ORa=1"},
		{"nested or flattens", Or(Or(a, b), Or(c, d)), "a=1^ORb=2^ORc=3^ORd=4"},
		{"zero operands vanish", And(Query{}, a, Query{}), "a=1"},
		{"order", f("active").Eq(true).OrderBy("number"), "active=true^ORDERBYnumber"},
		{"order desc", f("active").Eq(true).OrderByDesc("opened_at", "number"), "active=true^ORDERBYDESCopened_at^ORDERBYDESCnumber"},
		{"order only", Query{}.OrderBy("sys_id"), "ORDERBYsys_id"},
		{"orders survive and", And(a.OrderBy("x"), b.OrderByDesc("y")), "a=1^b=2^ORDERBYx^ORDERBYDESCy"},
		{"raw fragment", Raw("123TEXTQUERY321=malware"), "123TEXTQUERY321=malware"},
		{"raw combines", And(a, Raw("b=2^ORc=3")), "a=1^b=2^ORc=3"},
		{"raw with nq distributes", And(Raw("b=2^NQc=3"), a), "b=2^a=1^NQc=3^a=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.q.Encode()
			if err != nil || got != tt.want {
				t.Fatalf("Encode = %q, %v; want %q", got, err, tt.want)
			}
			back, err := Parse(got)
			if err != nil {
				t.Fatalf("Parse(%q): %v", got, err)
			}
			if !back.Equal(tt.q) || !reflect.DeepEqual(normal(back), normal(tt.q)) {
				t.Fatalf("Parse(%q) = %#v, want %#v", got, back, tt.q)
			}
			if again, _ := back.Encode(); again != got {
				t.Fatalf("re-encoded %q, want %q", again, got)
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
		{"empty field", f("").Eq(1), "empty field"},
		{"upper-case field", f("Priority").Eq(1), "a-z"},
		{"field injection", f("a=1^NQb").Eq(1), "a-z"},
		{"empty dot part", f("caller_id..name").Eq(1), "empty part"},
		{"newline value", f("a").Eq("x\ny"), "line break"},
		{"cr value", f("a").Like("x\r"), "line break"},
		{"comma in list", f("a").In("x,y"), "comma"},
		{"empty list", f("a").In(), "empty list"},
		{"empty slice", f("a").NotIn([]string{}), "empty list"},
		{"at in between", f("a").Between("x@y", "z"), "@"},
		{"nil value", f("a").Eq(nil), "nil"},
		{"nil pointer", f("a").Eq((*int)(nil)), "nil pointer"},
		{"nan", f("a").Gt(math.NaN()), "NaN"},
		{"infinity", f("a").Lt(math.Inf(1)), "infinities"},
		{"zero time", f("a").Eq(time.Time{}), "zero time"},
		{"struct value", f("a").Eq(struct{}{}), "cannot be encoded"},
		{"javascript text", f("a").Eq("javascript:gs.getUserID()"), "javascript"},
		{"javascript text spaced", f("a").Eq("  JavaScript:alert(1)"), "javascript"},
		{"empty script", f("a").Eq(JS(" ")), "empty script"},
		{"ambiguous lt", f("a").Lt("=5"), "another operator"},
		{"ambiguous in", f("a").In("_HIERARCHYx"), "another operator"},
		{"bad other field", f("a").SameAs("B"), "a-z"},
		{"bad dynamic", f("a").Dynamic("me"), "sys_id"},
		{"bad period", f("a").On("Someday"), "period"},
		{"bad unit", f("a").RelativeAfter(1, "fortnight"), "unit"},
		{"bad order field", Query{}.OrderBy("a^b"), "a-z"},
		{"error survives and", And(f("a").Eq(1), f("B").Eq(2)), "a-z"},
		{"error survives or", Or(f("B").Eq(2), f("a").Eq(1)), "a-z"},
		{"raw newline", Raw("a=1\nb=2"), "line break"},
		{"raw leading or", Raw("ORa=1"), "nothing before"},
		{"size cap", And(big, big, big, big, big, big, big, big, big, big), "exceed"},
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
		{"active=true^EQ", "active=true", false},
		{"a=1^^^b=2", "a=1^^^b=2", false},
		{"short_descriptionNOTLIKEx", "short_descriptionNOTLIKEx", false},
		{"RLQUERYtask_sla.task,>=1^sla.name=P1^ENDRLQUERY^active=true", "RLQUERYtask_sla.task,>=1^sla.name=P1^ENDRLQUERY^active=true", false},
		{"ORDERBYDESCopened_at^active=true", "active=true^ORDERBYDESCopened_at", true},
		{"priority=1^NQ^NQstate=2", "priority=1^NQstate=2", false},
		{"", "", false},
		{"a=1^ORDERBYCaller", "a=1^ORDERBYCaller", true},
		{"ORDERBY", "ORDERBY", true},
		{"a=1^ORDERBYcaller_id.name", "a=1^ORDERBYcaller_id.name", true},
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
		{"zero", Query{}, Query{}, true},
		{"same", And(a, b), And(a, b), true},
		{"parsed", Or(a, b), mustParse(t, "a=1^ORb=2"), true},
		{"and vs or", And(a, b), Or(a, b), false},
		{"order of conditions", And(a, b), And(b, a), false},
		{"groups", Or(And(a, b), a), And(a, b), false},
		{"clause length", Or(a, b), a, false},
		{"orders", a.OrderBy("x"), a.OrderByDesc("x"), false},
		{"order count", a.OrderBy("x"), a, false},
		{"error", Field("B").Eq(1), Query{}, false},
		{"value", Field("a").Eq(1), Field("a").Eq(2), false},
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
		"or past cap":          Or(full, Field("b").Eq(1)),
		"flat and past cap":    And(full, Field("b").Eq(1)),
		"distributed past cap": And(Or(full, And(Field("b").Eq(1), Field("c").Eq(2))), Field("d").Eq(3)),
	} {
		if err := q.Err(); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "exceed") {
			t.Errorf("%s: %v", name, err)
		}
	}
	var b strings.Builder
	for i := range MaxConditions + 1 {
		if i > 0 {
			b.WriteString("^OR")
		}
		b.WriteString("a=1")
	}
	if _, err := Parse(b.String()); !errors.Is(err, ErrInvalid) {
		t.Errorf("Parse past the cap: %v", err)
	}
}
