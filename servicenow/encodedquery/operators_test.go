package encodedquery

import "testing"

// TestOperatorOrder checks that an operator that is a prefix of another is
// listed after it, which matchOperator and misread rely on.
func TestOperatorOrder(t *testing.T) {
	ops := operators()
	for i, a := range ops {
		for j := 0; j < len(a.op); j++ {
			if !opByte(a.op[j]) {
				t.Errorf("opByte(%q) is false but %q holds it", a.op[j], a.op)
			}
		}
		for _, b := range ops[i+1:] {
			if len(b.op) > len(a.op) && b.op[:len(a.op)] == a.op {
				t.Errorf("%q is listed before %q, which it prefixes", a.op, b.op)
			}
		}
	}
}

// FuzzMisread checks misread against parsing the concatenation.
func FuzzMisread(f *testing.F) {
	f.Add(uint8(0), "=5")
	f.Add(uint8(28), "_HIERARCHY")
	f.Add(uint8(24), "x")
	f.Fuzz(func(t *testing.T, i uint8, value string) {
		ops := operators()
		op := ops[int(i)%len(ops)].op
		got, _, _ := matchOperator(op + value)
		if want := got != op; misread(op, value) != want {
			t.Fatalf("misread(%q, %q) = %v, want %v", op, value, !want, want)
		}
	})
}
