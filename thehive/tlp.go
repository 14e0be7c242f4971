package thehive

import (
	"strconv"
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

// String returns the level's label ("CLEAR", "GREEN", "AMBER",
// "AMBER+STRICT", "RED"), or "TLP(n)" for an unknown level.
func (t TLP) String() string {
	switch t {
	case TLPClear:
		return "CLEAR"
	case TLPGreen:
		return "GREEN"
	case TLPAmber:
		return "AMBER"
	case TLPAmberStrict:
		return "AMBER+STRICT"
	case TLPRed:
		return "RED"
	}
	return "TLP(" + strconv.Itoa(int(t)) + ")"
}

// ParseTLP returns the level for a label such as "amber+strict" or "WHITE".
func ParseTLP(label string) (TLP, bool) {
	switch strings.ToUpper(strings.TrimSpace(label)) {
	case "CLEAR", "WHITE":
		return TLPClear, true
	case "GREEN":
		return TLPGreen, true
	case "AMBER":
		return TLPAmber, true
	case "AMBER+STRICT", "AMBER_STRICT":
		return TLPAmberStrict, true
	case "RED":
		return TLPRed, true
	}
	return 0, false
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

// String returns "CLEAR", "GREEN", "AMBER" or "RED", or "PAP(n)".
func (p PAP) String() string {
	switch p {
	case PAPClear:
		return "CLEAR"
	case PAPGreen:
		return "GREEN"
	case PAPAmber:
		return "AMBER"
	case PAPRed:
		return "RED"
	}
	return "PAP(" + strconv.Itoa(int(p)) + ")"
}

// checkPAP rejects a level outside 0-3.
func checkPAP(p PAP, field string) error {
	if p < PAPClear || p > PAPRed {
		return inputErr(field, p.String()+" is outside 0-3")
	}
	return nil
}
