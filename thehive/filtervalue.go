package thehive

import "github.com/incidentkit/incidentkit/thehive/filter"

// FilterValue encodes t for a filter in dialect d the way request bodies
// encode it: RED is 4 in V1 and 3 in V0, and AMBER+STRICT, which TheHive
// 3/4 lack, is an error matching ErrUnsupported there. It makes
// filter.Eq("tlp", TLPRed) mean the same level in both dialects.
func (t TLP) FilterValue(d filter.Dialect) (any, error) {
	sp := specFor(d)
	if sp == nil {
		return nil, inputErr("filter TLP", "unknown dialect "+d.String())
	}
	return sp.encodeTLP(t, "filter TLP")
}

// FilterValue encodes p for a filter: its number, the same in both
// dialects; a level outside 0-3 is an input error.
func (p PAP) FilterValue(filter.Dialect) (any, error) {
	if err := checkPAP(p, "filter PAP"); err != nil {
		return nil, err
	}
	return int(p), nil
}

// FilterValue encodes s for a filter: its number, 1-4 in both dialects;
// any other value is an input error.
func (s Severity) FilterValue(filter.Dialect) (any, error) {
	if err := checkSeverity(s, "filter severity"); err != nil {
		return nil, err
	}
	return int(s), nil
}
