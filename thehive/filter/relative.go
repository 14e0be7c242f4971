package filter

import (
	"strconv"
	"strings"
)

// Unit is the unit of a [RelativeDate].
type Unit string

// Units TheHive 5 accepts in a relative date.
const (
	Minutes Unit = "minutes"
	Hours   Unit = "hours"
	Days    Unit = "days"
	Weeks   Unit = "weeks"
	Months  Unit = "months"
	Years   Unit = "years"
)

// String returns the unit's wire name.
func (u Unit) String() string { return string(u) }

func (u Unit) valid() bool {
	switch u {
	case Minutes, Hours, Days, Weeks, Months, Years:
		return true
	}
	return false
}

// Look says whether a [RelativeDate] lies in the past or the future.
type Look string

// Directions of a relative date.
const (
	Behind Look = "behind"
	Ahead  Look = "ahead"
)

// String returns the direction's wire name.
func (l Look) String() string { return string(l) }

// Modifier moves a [RelativeDate] to the start or end of its day.
type Modifier string

// Modifiers of a relative date; the empty Modifier leaves the time of day
// alone.
const (
	StartOfDay Modifier = "startOfDay"
	EndOfDay   Modifier = "endOfDay"
)

// String returns the modifier's wire name.
func (m Modifier) String() string { return string(m) }

// RelativeDate is a date relative to the moment the server runs the query,
// such as "two days ago at the start of the day". Only the v1 dialect has
// relative dates, and only in Lt, Lte, Gt, Gte and Between.
type RelativeDate struct {
	// Amount is how many Units away from now; it must not be negative.
	Amount int
	// Unit is required.
	Unit Unit
	// Look is required: Behind (the past) or Ahead (the future).
	Look Look
	// Modifier is optional.
	Modifier Modifier
	// Timezone is an optional IANA zone such as "Europe/Paris" that the
	// server uses for Modifier; the server's own zone when empty.
	Timezone string
}

// Ago returns the relative date amount units in the past.
func Ago(amount int, unit Unit) RelativeDate {
	return RelativeDate{Amount: amount, Unit: unit, Look: Behind}
}

// FromNow returns the relative date amount units in the future.
func FromNow(amount int, unit Unit) RelativeDate {
	return RelativeDate{Amount: amount, Unit: unit, Look: Ahead}
}

// StartOfDay returns r moved to the start of its day.
func (r RelativeDate) StartOfDay() RelativeDate { r.Modifier = StartOfDay; return r }

// EndOfDay returns r moved to the end of its day.
func (r RelativeDate) EndOfDay() RelativeDate { r.Modifier = EndOfDay; return r }

// In returns r evaluated in the named time zone.
func (r RelativeDate) In(timezone string) RelativeDate { r.Timezone = timezone; return r }

// String describes r, for example "2 days behind, startOfDay".
func (r RelativeDate) String() string {
	s := strconv.Itoa(r.Amount) + " " + string(r.Unit) + " " + string(r.Look)
	if r.Modifier != "" {
		s += ", " + string(r.Modifier)
	}
	if r.Timezone != "" {
		s += " (" + r.Timezone + ")"
	}
	return s
}

// check returns a problem description, or "" when r is valid.
func (r RelativeDate) check() string {
	switch {
	case r.Amount < 0:
		return "relative date amount " + strconv.Itoa(r.Amount) + " is negative"
	case !r.Unit.valid():
		return "relative date unit " + strconv.Quote(string(r.Unit)) + " is not one of minutes, hours, days, weeks, months, years"
	case r.Look != Behind && r.Look != Ahead:
		return "relative date look " + strconv.Quote(string(r.Look)) + " is not behind or ahead"
	case r.Modifier != "" && r.Modifier != StartOfDay && r.Modifier != EndOfDay:
		return "relative date modifier " + strconv.Quote(string(r.Modifier)) + " is not startOfDay or endOfDay"
	case r.Timezone != "" && (strings.TrimSpace(r.Timezone) != r.Timezone || strings.ContainsAny(r.Timezone, " \t\r\n")):
		return "relative date timezone " + strconv.Quote(r.Timezone) + " is not a zone name"
	}
	return ""
}

// wire returns r's JSON object form.
func (r RelativeDate) wire() map[string]any {
	m := map[string]any{"amount": r.Amount, "unit": string(r.Unit), "look": string(r.Look)}
	if r.Modifier != "" {
		m["modifier"] = string(r.Modifier)
	}
	if r.Timezone != "" {
		m["timezone"] = r.Timezone
	}
	return m
}
