package main

import (
	"time"

	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
)

// startFake starts an in-memory instance holding a morning of SOC work
// relative to now, and returns it with its credentials.
func startFake(now time.Time) (*servicenowtest.Server, config) {
	srv := servicenowtest.New(servicenowtest.WithClock(func() time.Time { return now }))
	users := srv.Seed("sys_user",
		servicenowtest.Record{"name": "Ana Ortiz", "user_name": "ana.ortiz"},
		servicenowtest.Record{"name": "Ben Osei", "user_name": "ben.osei"},
	)
	groups := srv.Seed("sys_user_group", servicenowtest.Record{"name": "SOC Tier 2"})
	at := func(ago time.Duration) string { return now.Add(-ago).Format("2006-01-02 15:04:05") }
	type seed struct {
		desc            string
		impact, urgency string
		state           string
		opened          time.Duration
		note            time.Duration // first work note, before now; 0: none
		updated         time.Duration
	}
	seeds := []seed{
		{"Ransomware note on file server FS-02", "1", "1", "2", 3*time.Hour + 50*time.Minute, 3*time.Hour + 42*time.Minute, 20 * time.Minute},
		{"Domain admin login from unknown host", "1", "1", "1", 25 * time.Minute, 0, 25 * time.Minute},
		{"Phishing wave against finance", "1", "2", "2", 2 * time.Hour, 1*time.Hour + 40*time.Minute, 30 * time.Minute},
		{"EDR sensor offline on 14 laptops", "2", "2", "2", 5 * time.Hour, 4 * time.Hour, time.Hour},
		{"Suspicious OAuth consent grant", "2", "1", "3", 7 * time.Hour, 6*time.Hour + 50*time.Minute, 2 * time.Hour},
		{"Port scan from partner VPN range", "2", "3", "2", 26 * time.Hour, 24 * time.Hour, 3 * time.Hour},
		{"Expired TLS certificate on intranet", "3", "2", "1", 9 * time.Hour, 0, 9 * time.Hour},
		{"Vulnerability scan findings Q4", "3", "3", "2", 30 * time.Hour, 20 * time.Hour, 10 * time.Hour},
		{"Malware blocked on kiosk", "1", "2", "6", 6 * time.Hour, 5 * time.Hour, time.Hour},
	}
	for i, s := range seeds {
		rec := servicenowtest.Record{
			"short_description": s.desc, "impact": s.impact, "urgency": s.urgency, "state": s.state,
			"opened_at": at(s.opened), "sys_created_on": at(s.opened), "sys_updated_on": at(s.updated),
			"assignment_group": groups[0], "assigned_to": users[i%2], "category": "security",
		}
		if s.state == "6" {
			rec["close_code"], rec["close_notes"] = "Solution provided", "Quarantined by EDR"
		}
		id := srv.Seed("incident", rec)[0]
		if s.note > 0 {
			srv.Seed("sys_journal_field", servicenowtest.Record{"element": "work_notes", "element_id": id, "name": "incident",
				"value": "Triage started", "sys_created_on": at(s.note)})
		}
	}
	return srv, config{instance: srv.URL(), user: "admin", password: "admin"}
}
