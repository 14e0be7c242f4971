package sla

import (
	"strconv"
	"strings"
)

// Priority is an incident priority from P1 (critical) to P5 (planning).
type Priority int

// Priorities, most urgent first.
const (
	P1 Priority = 1 // Critical
	P2 Priority = 2 // High
	P3 Priority = 3 // Medium
	P4 Priority = 4 // Low
	P5 Priority = 5 // Planning
)

// String returns "P1".."P5", or "Priority(n)" for values outside that range.
func (p Priority) String() string {
	if p.Valid() {
		return "P" + strconv.Itoa(int(p))
	}
	return "Priority(" + strconv.Itoa(int(p)) + ")"
}

// Valid reports whether p is one of P1..P5.
func (p Priority) Valid() bool { return p >= P1 && p <= P5 }

// ParsePriority leniently parses a priority string: "P1", "p 1", "1",
// "1 - Critical", "critical", "High", "Moderate", "planning" and so on.
// Case and surrounding spacing are ignored.
func ParsePriority(s string) (Priority, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "" {
		return 0, invalidf("empty priority")
	}
	if p, ok := byName(t); ok {
		return p, nil
	}
	// Leading number, optionally after "p", optionally followed by " - Label".
	num := strings.TrimSpace(strings.TrimPrefix(t, "p"))
	end := 0
	for end < len(num) && num[end] >= '0' && num[end] <= '9' {
		end++
	}
	if end > 0 && end <= 2 {
		n, _ := strconv.Atoi(num[:end])
		rest := strings.TrimSpace(num[end:])
		rest = strings.TrimSpace(strings.TrimLeft(rest, "-–:."))
		p := Priority(n)
		if p.Valid() {
			if rest == "" {
				return p, nil
			}
			if q, ok := byName(rest); ok && q == p {
				return p, nil
			}
		}
	}
	return 0, invalidf("unrecognised priority %q", s)
}

func byName(s string) (Priority, bool) {
	switch strings.Join(strings.Fields(s), " ") {
	case "critical":
		return P1, true
	case "high":
		return P2, true
	case "medium", "moderate":
		return P3, true
	case "low":
		return P4, true
	case "planning":
		return P5, true
	}
	return 0, false
}
