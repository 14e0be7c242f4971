package encodedquery

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
	opValChanges      = "VALCHANGES"
	opChangesFrom     = "CHANGESFROM"
	opChangesTo       = "CHANGESTO"
)

// matchOperator finds the operator at the start of s. Spellings are tried
// longest first so that the longest wins ("NOT IN" before "IN", "<=" before
// "<"). noValue is set for operators that take no value.
func matchOperator(s string) (op string, noValue, ok bool) {
	for _, o := range [...]struct {
		op      string
		noValue bool
	}{
		{opGtOrEqualsField, false}, {opLtOrEqualsField, false}, {opInHierarchy, false},
		{opEmptyString, true}, {opStartsWith, false}, {opChangesFrom, false}, {opIsNotEmpty, true},
		{opRelativeGt, false}, {opRelativeLt, false}, {opValChanges, true}, {opChangesTo, false},
		{opNotLike, false}, {opNotLikeShort, false}, {opEndsWith, false}, {opAnything, true}, {opGtField, false}, {opLtField, false},
		{opIsEmpty, true}, {opBetween, false}, {opNotSameAs, false}, {opDynamic, false}, {opNotIn, false},
		{opSameAs, false}, {opNotOn, false}, {opLike, false},
		{opNe, false}, {opLte, false}, {opGte, false}, {opIn, false}, {opOn, false},
		{opEq, false}, {opLt, false}, {opGt, false},
	} {
		if len(s) >= len(o.op) && s[:len(o.op)] == o.op {
			return o.op, o.noValue, true
		}
	}
	return "", false, false
}
