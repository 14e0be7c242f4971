package encodedquery

import "strings"

// Operator spellings, as they appear between a field and its value.
const (
	opEq              = "="
	opNe              = "!="
	opLike            = "LIKE"
	opNotLike         = "NOT LIKE"
	opNotLikeShort    = "NOTLIKE" // read, never written
	opStartsWith      = "STARTSWITH"
	opEndsWith        = "ENDSWITH"
	opIn              = "IN"
	opNotIn           = "NOT IN"
	opInHierarchy     = "IN_HIERARCHY"
	opIsEmpty         = "ISEMPTY"
	opIsNotEmpty      = "ISNOTEMPTY"
	opAnything        = "ANYTHING"
	opEmptyString     = "EMPTYSTRING"
	opLt              = "<"
	opLte             = "<="
	opGt              = ">"
	opGte             = ">="
	opBetween         = "BETWEEN"
	opSameAs          = "SAMEAS"
	opNotSameAs       = "NSAMEAS"
	opGtField         = "GT_FIELD"
	opLtField         = "LT_FIELD"
	opGtOrEqualsField = "GT_OR_EQUALS_FIELD"
	opLtOrEqualsField = "LT_OR_EQUALS_FIELD"
	opDynamic         = "DYNAMIC"
	opOn              = "ON"
	opNotOn           = "NOTON"
	opRelativeGt      = "RELATIVEGT"
	opRelativeLt      = "RELATIVELT"
	opRelativeGe      = "RELATIVEGE"
	opRelativeLe      = "RELATIVELE"
	opRelativeEe      = "RELATIVEEE"
	opValChanges      = "VALCHANGES"
	opChangesFrom     = "CHANGESFROM"
	opChangesTo       = "CHANGESTO"
	opInstanceOf      = "INSTANCEOF"
	opMoreThan        = "MORETHAN"
	opLessThan        = "LESSTHAN"
	opDatePart        = "DATEPART"
)

type opSpec struct {
	op      string
	noValue bool
}

// operators lists every spelling the parser knows. An operator that is a
// prefix of another comes after it, so the first match is the longest.
func operators() [40]opSpec {
	return [...]opSpec{
		{opGtOrEqualsField, false}, {opLtOrEqualsField, false}, {opInHierarchy, false}, {opInstanceOf, false},
		{opEmptyString, true}, {opStartsWith, false}, {opChangesFrom, false}, {opIsNotEmpty, true},
		{opRelativeGt, false}, {opRelativeLt, false}, {opRelativeGe, false}, {opRelativeLe, false}, {opRelativeEe, false},
		{opValChanges, true}, {opChangesTo, false}, {opMoreThan, false}, {opLessThan, false}, {opDatePart, false},
		{opNotLike, false}, {opNotLikeShort, false}, {opEndsWith, false}, {opAnything, true},
		{opGtField, false}, {opLtField, false}, {opIsEmpty, true}, {opBetween, false},
		{opNotSameAs, false}, {opDynamic, false}, {opNotIn, false}, {opSameAs, false},
		{opNotOn, false}, {opLike, false}, {opNe, false}, {opLte, false}, {opGte, false},
		{opIn, false}, {opOn, false}, {opEq, false}, {opLt, false}, {opGt, false},
	}
}

// matchOperator finds the operator at the start of s, the longest that
// matches ("NOT IN" before "IN", "<=" before "<"). noValue is set for
// operators that take no value.
func matchOperator(s string) (op string, noValue, ok bool) {
	for _, o := range operators() {
		if strings.HasPrefix(s, o.op) {
			return o.op, o.noValue, true
		}
	}
	return "", false, false
}

// misread reports whether op followed by value would read back as a longer
// operator, as "<" followed by "=5" reads as "<=" followed by "5". It
// equals matchOperator(op+value) != op without building the string.
func misread(op, value string) bool {
	if value == "" || !opByte(value[0]) {
		return false
	}
	for _, o := range operators() {
		if len(o.op) > len(op) && strings.HasPrefix(o.op, op) && strings.HasPrefix(value, o.op[len(op):]) {
			return true
		}
	}
	return false
}

// opByte reports whether c occurs in an operator spelling.
func opByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c == '_' || c == ' ' || c == '=' || c == '<' || c == '>' || c == '!'
}
