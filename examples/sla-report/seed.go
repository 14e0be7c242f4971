package main

import (
	"time"

	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
)

// startFake starts an in-memory instance holding a morning of SOC work
// relative to now, and seven weeks of resolved incidents before it, and
// returns it with its credentials.
func startFake(now time.Time) (*servicenowtest.Server, config) {
	srv := servicenowtest.New(servicenowtest.WithClock(func() time.Time { return now }))
	users := srv.Seed("sys_user",
		servicenowtest.Record{"name": "Ana Ortiz", "user_name": "ana.ortiz"},
		servicenowtest.Record{"name": "Ben Osei", "user_name": "ben.osei"},
		servicenowtest.Record{"name": "Chen Wei", "user_name": "chen.wei"},
		servicenowtest.Record{"name": "Dana Kim", "user_name": "dana.kim"},
	)
	groups := srv.Seed("sys_user_group",
		servicenowtest.Record{"name": "SOC Tier 1"},
		servicenowtest.Record{"name": "SOC Tier 2"},
		servicenowtest.Record{"name": "Vuln Mgmt"},
	)
	at := func(ago time.Duration) string { return now.Add(-ago).Format("2006-01-02 15:04:05") }
	type seed struct {
		desc            string
		impact, urgency string
		state           string
		group, user     int // indexes into groups and users; -1: none
		opened          time.Duration
		note            time.Duration // first work note, before now; 0: none
		updated         time.Duration // last update, before now
	}
	const h, m = time.Hour, time.Minute
	seeds := []seed{
		{"Ransomware note on file server FS-02", "1", "1", "2", 1, 0, 3*h + 50*m, 3*h + 42*m, 20 * m},
		{"Domain admin login from unknown host", "1", "1", "1", 0, -1, 25 * m, 0, 25 * m},
		{"Phishing wave against finance", "1", "2", "2", 0, 1, 2 * h, 1*h + 40*m, 30 * m},
		{"EDR sensor offline on 14 laptops", "2", "2", "2", 0, 3, 5 * h, 4 * h, h},
		{"Suspicious OAuth consent grant", "2", "1", "3", 1, 2, 7 * h, 6*h + 50*m, 2 * h},
		{"Port scan from partner VPN range", "2", "3", "2", 0, 3, 26 * h, 24 * h, 3 * h},
		{"Expired TLS certificate on intranet", "3", "2", "1", 2, -1, 9 * h, 0, 9 * h},
		{"Vulnerability scan findings Q4", "3", "3", "2", 2, 2, 30 * h, 20 * h, 10 * h},
		{"Malware blocked on kiosk", "1", "2", "6", 0, 1, 6 * h, 5 * h, h},
		{"Suspicious PowerShell on HR laptop", "2", "2", "2", 1, 0, 27 * h, 25 * h, 4 * h},
	}
	for _, s := range seeds {
		rec := servicenowtest.Record{
			"short_description": s.desc, "impact": s.impact, "urgency": s.urgency, "state": s.state,
			"opened_at": at(s.opened), "sys_created_on": at(s.opened), "sys_updated_on": at(s.updated),
			"category": "security",
		}
		if s.group >= 0 {
			rec["assignment_group"] = groups[s.group]
		}
		if s.user >= 0 {
			rec["assigned_to"] = users[s.user]
		}
		if s.state == "6" {
			rec["close_code"], rec["close_notes"] = "Solution provided", "Quarantined by EDR"
			rec["resolved_at"] = at(s.updated)
		}
		id := srv.Seed("incident", rec)[0]
		if s.note > 0 {
			srv.Seed("sys_journal_field", servicenowtest.Record{"element": "work_notes", "element_id": id, "name": "incident",
				"value": "Triage started", "sys_created_on": at(s.note)})
		}
	}
	seedHistory(srv, now, groups, users)
	return srv, config{instance: srv.URL(), user: "admin", password: "admin"}
}

// seedHistory adds the resolved incidents of the seven ISO weeks before
// the one holding now: four to seven a week, P1 to P4, answered and
// resolved at varied fractions of their targets so that the met rates
// differ from week to week and improve over time.
func seedHistory(srv *servicenowtest.Server, now time.Time, groups, users []string) {
	descs := []string{
		"Credential stuffing on VPN portal", "Malicious macro in invoice email", "Impossible travel sign-in",
		"Cryptominer on build agent", "Public S3 bucket with customer data", "USB storage on POS terminal",
		"DNS tunnelling from lab network", "Brute force on SSH bastion", "Unapproved remote access tool",
		"API key leaked in public repository", "Phishing reported by HR", "Firewall change outside window",
	}
	// impact and urgency giving P1, P2, P3 and P4, with the default
	// policy's response and resolution targets.
	prios := []struct {
		impact, urgency  string
		respond, resolve time.Duration
	}{
		{"1", "1", 15 * time.Minute, 4 * time.Hour},
		{"1", "2", 30 * time.Minute, 8 * time.Hour},
		{"2", "2", 4 * time.Hour, 24 * time.Hour},
		{"2", "3", 8 * time.Hour, 72 * time.Hour},
	}
	// fractions of a target; above 1 breaches.
	fractions := []float64{0.3, 0.55, 1.2, 0.8, 0.45, 0.95, 1.35, 0.6, 0.25, 1.05, 0.7, 0.4, 0.9}
	format := func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05") }
	monday := weekStart(now, time.UTC)
	n := 0
	for back := 7; back >= 1; back-- {
		start := monday.AddDate(0, 0, -7*back)
		// older weeks were slower: the same fraction weighs more
		slow := 0.75 + 0.06*float64(back)
		for i := range 4 + (back*5)%4 {
			p := prios[(back+i)%len(prios)]
			opened := start.Add(time.Duration(i%5)*24*time.Hour + 8*time.Hour + time.Duration(n%6)*47*time.Minute)
			respond := opened.Add(time.Duration(fractions[n%len(fractions)] * slow * float64(p.respond)))
			resolved := opened.Add(time.Duration(fractions[(3*n+5)%len(fractions)] * slow * float64(p.resolve)))
			if latest := now.Add(-time.Hour); resolved.After(latest) {
				resolved = latest
			}
			if respond.After(resolved) {
				respond = resolved
			}
			id := srv.Seed("incident", servicenowtest.Record{
				"short_description": descs[n%len(descs)], "impact": p.impact, "urgency": p.urgency, "state": "7",
				"opened_at": format(opened), "sys_created_on": format(opened), "sys_updated_on": format(resolved),
				"resolved_at": format(resolved), "closed_at": format(resolved), "category": "security",
				"close_code": "Solution provided", "close_notes": "Contained and remediated",
				"assignment_group": groups[n%2], "assigned_to": users[n%len(users)],
			})[0]
			srv.Seed("sys_journal_field", servicenowtest.Record{"element": "work_notes", "element_id": id, "name": "incident",
				"value": "Triage started", "sys_created_on": format(respond)})
			n++
		}
	}
}
