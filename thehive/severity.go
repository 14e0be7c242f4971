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

// String returns "Low", "Medium", "High" or "Critical", or "Severity(n)"
// for any other value.
func (s Severity) String() string {
	switch s {
	case SeverityLow:
		return "Low"
	case SeverityMedium:
		return "Medium"
	case SeverityHigh:
		return "High"
	case SeverityCritical:
		return "Critical"
	}
	return "Severity(" + strconv.Itoa(int(s)) + ")"
}

// Valid reports whether s is between 1 and 4.
func (s Severity) Valid() bool { return s >= SeverityLow && s <= SeverityCritical }
