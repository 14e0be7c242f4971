// Package sla computes incident priorities from impact and urgency, response
// and resolution targets, business-hours calendars and SLA clocks. It makes
// no network calls.
package sla
