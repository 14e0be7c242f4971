package thehive

import (
	"slices"
	"strings"
)

// TLP is a Traffic Light Protocol level. Its constants are semantic: the
// client encodes them for the dialect (RED is 4 in V1 and 3 in V0, and
// AMBER+STRICT exists only in V1). Decoded objects prefer the server's
// tlpLabel over the number.
type TLP int

// TLP levels.
const (
	TLPClear       TLP = 0 // CLEAR, called WHITE by TheHive 3 and 4
	TLPGreen       TLP = 1 // GREEN
	TLPAmber       TLP = 2 // AMBER
	TLPAmberStrict TLP = 3 // AMBER+STRICT, V1 only
	TLPRed         TLP = 4 // RED, sent as 3 in V0
)

// tlpNames are the TLP labels by level; tlpAliases the other spellings
// ParseTLP accepts.
var (
	tlpNames   = []string{TLPClear: "CLEAR", TLPGreen: "GREEN", TLPAmber: "AMBER", TLPAmberStrict: "AMBER+STRICT", TLPRed: "RED"}
	tlpAliases = map[string]TLP{"WHITE": TLPClear, "AMBER_STRICT": TLPAmberStrict}
)

// String returns the level's label ("CLEAR", "GREEN", "AMBER",
// "AMBER+STRICT", "RED"), or "TLP(n)" for an unknown level.
func (t TLP) String() string { return enumName(t, "TLP", tlpNames) }

// ParseTLP returns the level for a label such as "amber+strict" or "WHITE".
func ParseTLP(label string) (TLP, bool) {
	label = strings.ToUpper(strings.TrimSpace(label))
	if i := slices.Index(tlpNames, label); i >= 0 {
		return TLP(i), true
	}
	t, ok := tlpAliases[label]
	return t, ok
}

// encodeTLP returns t's wire number in the dialect of sp.
func (sp *dialectSpec) encodeTLP(t TLP, field string) (int, error) {
	if t < TLPClear || t > TLPRed {
		return 0, inputErr(field, t.String()+" is outside 0-4")
	}
	n := sp.tlpWire[t]
	if n < 0 {
		return 0, sp.unsupported(field, t.String()+" is not available", "")
	}
	return n, nil
}

// readTLP returns the level for a wire number n and an optional label in
// the dialect of sp: the label wins, and a number the dialect does not
// define is kept as it is.
func (sp *dialectSpec) readTLP(n TLP, label string) TLP {
	if t, ok := ParseTLP(label); ok {
		return t
	}
	if n >= 0 && int(n) < len(sp.tlpLevel) {
		return sp.tlpLevel[n]
	}
	return n
}

// PAP is a Permissible Actions Protocol level, 0 (CLEAR) to 3 (RED), the
// same in both dialects.
type PAP int

// PAP levels.
const (
	PAPClear PAP = 0 // CLEAR (WHITE in TheHive 3/4)
	PAPGreen PAP = 1 // GREEN
	PAPAmber PAP = 2 // AMBER
	PAPRed   PAP = 3 // RED
)

// papNames are the PAP labels by level.
var papNames = []string{PAPClear: "CLEAR", PAPGreen: "GREEN", PAPAmber: "AMBER", PAPRed: "RED"}

// String returns "CLEAR", "GREEN", "AMBER" or "RED", or "PAP(n)".
func (p PAP) String() string { return enumName(p, "PAP", papNames) }

// checkPAP rejects a level outside 0-3.
func checkPAP(p PAP, field string) error {
	if p < PAPClear || p > PAPRed {
		return inputErr(field, p.String()+" is outside 0-3")
	}
	return nil
}
