package sla

// ServiceNowPriorities maps ServiceNow's numeric priority field to Priority.
type ServiceNowPriorities map[int]Priority

// DefaultServiceNowPriorities returns the identity table 1→P1 … 5→P5.
func DefaultServiceNowPriorities() ServiceNowPriorities {
	return ServiceNowPriorities{1: P1, 2: P2, 3: P3, 4: P4, 5: P5}
}

// Priority returns the Priority for a ServiceNow priority value.
func (t ServiceNowPriorities) Priority(v int) (Priority, bool) {
	p, ok := t[v]
	return p, ok
}

// Value returns the ServiceNow priority value for p.
func (t ServiceNowPriorities) Value(p Priority) (int, bool) { return keyOf(t, p) }

// TheHiveSeverities maps Priority to TheHive severity (1 Low … 4 Critical).
type TheHiveSeverities map[Priority]int

// DefaultTheHiveSeverities returns P1↔4, P2↔3, P3↔2, P4↔1 (P5 has no severity).
func DefaultTheHiveSeverities() TheHiveSeverities {
	return TheHiveSeverities{P1: 4, P2: 3, P3: 2, P4: 1}
}

// Severity returns TheHive severity for p.
func (t TheHiveSeverities) Severity(p Priority) (int, bool) {
	s, ok := t[p]
	return s, ok
}

// Priority returns the Priority for TheHive severity s.
func (t TheHiveSeverities) Priority(s int) (Priority, bool) { return keyOf(t, s) }

// keyOf returns a key that m maps to v; ok is false when there is none.
func keyOf[M ~map[K]V, K, V comparable](m M, v V) (key K, ok bool) {
	for k, x := range m {
		if x == v {
			return k, true
		}
	}
	return key, false
}

// MISPThreatLevels maps MISP threat levels (1 high, 2 medium, 3 low, 4
// undefined) and TheHive severities (1 low … 4 critical) both ways, as
// TheHive 4's MISP connector does: Levels for an import (Missing for an
// absent or unlisted level), Severities for an export (a severity not
// listed follows TheHive's rule, 4 − severity within 1..4).
type MISPThreatLevels struct {
	Levels     map[int]int
	Missing    int
	Severities map[int]int
}

// DefaultMISPThreatLevels returns TheHive 4's tables: import 1→3, 2→2,
// 3→1, 4 or missing→2 (MispImportSrv: 4 − level for levels 1..3, else 2);
// export 1→3, 2→2, 3→1, 4→1 (MispExportSrv: min(4, max(1, 4 − severity))).
func DefaultMISPThreatLevels() MISPThreatLevels {
	return MISPThreatLevels{Levels: map[int]int{1: 3, 2: 2, 3: 1, 4: 2}, Missing: 2,
		Severities: map[int]int{1: 3, 2: 2, 3: 1, 4: 1}}
}

// Severity returns TheHive severity for a MISP threat level (0 = missing).
func (t MISPThreatLevels) Severity(level int) int {
	if s, ok := t.Levels[level]; ok {
		return s
	}
	return t.Missing
}

// ThreatLevel returns the MISP threat level for a TheHive severity, for
// exporting a case to MISP.
func (t MISPThreatLevels) ThreatLevel(severity int) int {
	if l, ok := t.Severities[severity]; ok {
		return l
	}
	return min(4, max(1, 4-severity))
}
