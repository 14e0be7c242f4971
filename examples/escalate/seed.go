package main

import (
	"time"

	"github.com/incidentkit/incidentkit/cyderes/cyderestest"
)

// seedCyderes fills the fake TSI API with a morning of alerts and the
// MISP attributes some of them relate to.
func seedCyderes(srv *cyderestest.Server, now time.Time) {
	ago := func(d time.Duration) time.Time { return now.Add(-d) }
	srv.AddTicket(cyderestest.Ticket{
		TicketType: "alert", Escalated: true, Priority: "P1", State: "Escalated", Created: ago(6 * time.Minute),
		Category: "Malware", Type: "EDR", ShortDescription: "Ransomware behaviour on FS-02",
		AlertDescription: "Mass file renames by svc_backup on FS-02 (10.20.4.12); beacon to 203.0.113.45 and update-cdn.example.net.",
	})
	srv.AddTicket(cyderestest.Ticket{
		TicketType: "alert", Escalated: true, Priority: "2 - High", State: "Escalated", Created: ago(50 * time.Minute),
		Category: "Phishing", Type: "Email", ShortDescription: "Credential phishing wave against finance",
		AlertDescription: "27 users received mail from billing@invoices-portal.example linking to hxxps://invoices-portal.example/login.",
	})
	srv.AddTicket(cyderestest.Ticket{
		TicketType: "alert", Escalated: true, Priority: "Medium", State: "Escalated", Created: ago(2*time.Hour + 10*time.Minute),
		Category: "Reconnaissance", Type: "Firewall", ShortDescription: "Port scan from partner VPN range",
		AlertDescription: "Sequential scans of 10.20.0.0/16 from 198.51.100.23 over the partner tunnel.",
		Comments: []cyderestest.Comment{{ID: "c-7731", Author: "Cyderes SOC", Created: ago(2 * time.Hour),
			Body: "Partner confirmed an unscheduled vulnerability scan from their side; please confirm the window with them."}},
	})
	// Not escalated, or too old: the sweep leaves them alone.
	srv.AddTicket(cyderestest.Ticket{TicketType: "alert", Priority: "P4", Created: ago(2 * time.Hour),
		ShortDescription: "Blocked adware download"})
	srv.AddTicket(cyderestest.Ticket{TicketType: "alert", Escalated: true, Priority: "P3", Created: ago(50 * time.Hour),
		ShortDescription: "Old escalation handled last week"})

	srv.AddAttribute(cyderestest.Attribute{Category: "Network activity", Type: "ip-dst", Value: "203.0.113.45", ToIDs: true,
		Timestamp: ago(26 * time.Hour), EventInfo: "LockBit affiliate infrastructure", EventThreatLevel: 1})
	srv.AddAttribute(cyderestest.Attribute{Category: "Network activity", Type: "domain|ip", Value: "update-cdn.example.net|203.0.113.46",
		ToIDs: true, Timestamp: ago(26 * time.Hour), EventInfo: "LockBit affiliate infrastructure", EventThreatLevel: 1})
	srv.AddAttribute(cyderestest.Attribute{Category: "Payload delivery", Type: "domain", Value: "invoices-portal.example", ToIDs: true,
		Timestamp: ago(5 * time.Hour), EventInfo: "Finance-themed credential phishing", EventThreatLevel: 2})
	srv.AddAttribute(cyderestest.Attribute{Category: "Payload delivery", Type: "email-src", Value: "billing@invoices-portal.example",
		ToIDs: true, Timestamp: ago(5 * time.Hour), EventInfo: "Finance-themed credential phishing", EventThreatLevel: 2})
	srv.AddAttribute(cyderestest.Attribute{Category: "Network activity", Type: "ip-src", Value: "192.0.2.200", ToIDs: false,
		Timestamp: ago(30 * time.Hour), EventInfo: "Unrelated scanner", EventThreatLevel: 3})
}
