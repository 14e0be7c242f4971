package filter

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// String renders f as the Go expression that builds it, such as
// And(Eq("status", "New"), Gte("severity", 3)), for logs and test failures.
// The zero Filter renders as "Filter{}". Times are shown in RFC 3339 form.
func (f Filter) String() string {
	if f.n == nil {
		return "Filter{}"
	}
	var b strings.Builder
	f.write(&b)
	return b.String()
}

func (f Filter) write(b *strings.Builder) {
	n := f.n
	if n == nil {
		b.WriteString("Filter{}")
		return
	}
	b.WriteString(n.op.name())
	b.WriteByte('(')
	switch n.op {
	case opAnd, opOr, opNot:
		kids := n.kids
		if n.op != opNot {
			kids = n.operands()
		}
		for i, k := range kids {
			if i > 0 {
				b.WriteString(", ")
			}
			k.write(b)
		}
	case opID:
		b.WriteString(strconv.Quote(n.field))
	case opHas:
		b.WriteString(strconv.Quote(n.field))
	case opParentID:
		b.WriteString(strconv.Quote(n.typ) + ", " + strconv.Quote(n.field))
	case opParent, opChild:
		b.WriteString(strconv.Quote(n.typ) + ", ")
		n.kids[0].write(b)
	case opIn:
		b.WriteString(strconv.Quote(n.field))
		for _, v := range n.vals {
			b.WriteString(", ")
			writeValue(b, v)
		}
	case opBetween:
		b.WriteString(strconv.Quote(n.field) + ", ")
		writeValue(b, n.from)
		b.WriteString(", ")
		writeValue(b, n.to)
	default:
		b.WriteString(strconv.Quote(n.field) + ", ")
		writeValue(b, n.value)
	}
	b.WriteByte(')')
}

func writeValue(b *strings.Builder, v any) {
	switch x := v.(type) {
	case string:
		b.WriteString(strconv.Quote(x))
	case time.Time:
		b.WriteString(x.Format(time.RFC3339Nano))
	case *time.Time:
		if x == nil {
			b.WriteString("nil")
			return
		}
		b.WriteString(x.Format(time.RFC3339Nano))
	case RelativeDate:
		b.WriteString("RelativeDate(" + x.String() + ")")
	case nil:
		b.WriteString("nil")
	default:
		fmt.Fprintf(b, "%v", x)
	}
}
