package thehive

import "strconv"

// Severity is a case's or alert's severity, 1 (low) to 4 (critical).
type Severity int

// Severities.
const (
	SeverityLow      Severity = 1
	SeverityMedium   Severity = 2
	SeverityHigh     Severity = 3
	SeverityCritical Severity = 4
)

// severityNames are the severities' names by value.
var severityNames = []string{SeverityLow: "Low", SeverityMedium: "Medium", SeverityHigh: "High", SeverityCritical: "Critical"}

// String returns "Low", "Medium", "High" or "Critical", or "Severity(n)"
// for any other value.
func (s Severity) String() string { return enumName(s, "Severity", severityNames) }

// enumName returns the name of v in names (indexed by value), or
// "kind(n)" for a value without one.
func enumName[T ~int](v T, kind string, names []string) string {
	if v >= 0 && int(v) < len(names) && names[v] != "" {
		return names[v]
	}
	return kind + "(" + strconv.Itoa(int(v)) + ")"
}

// Valid reports whether s is between 1 and 4.
func (s Severity) Valid() bool { return s >= SeverityLow && s <= SeverityCritical }
