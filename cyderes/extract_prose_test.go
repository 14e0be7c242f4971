package cyderes

import "testing"

// socProse is ticket prose without a single indicator: abbreviations,
// decimals, version numbers, times, dates, ratios, sentences ending in
// words that look like file types, and a few words run together.
const socProse = `Summary: At 09:14 UTC on 3 Nov. the EDR raised a high-severity alert (score 8.7 of 10) for
credential access on a finance workstation. The analyst on shift, i.e. the Tier 1 on-call, triaged it
within 6.5 minutes, well inside the 15-minute target. No data appears to have left the network, e.g.
there were no large uploads, no new scheduled tasks, and no changes to the registry run keys.

Timeline: 09:14:32 first detection; 09:16 isolation requested; 09:21:05.120 isolation confirmed by the
agent (sensor version 7.11.18110, content update 2024.11.03.1). The host runs Windows 10 build
10.0.19045.3803 with the Nov. cumulative update; Office is at 16.0.17928.20156. At approx. 10:30 a.m.
the user called the service desk; by 1 p.m. the password was reset and MFA re-registered.

Findings: the macro was blocked by policy, so the document never ran its payload. The team reviewed
the attachment. It was an invoice template, a.k.a. the "Q3 statement", sent to 14 recipients, 3 of whom
opened it. Ratios were 3:14 opened and 0:14 executed. Sandbox detonation scored 0.92 confidence for the
family, vs. 0.35 for the nearest other cluster. Dr. Patel (Ph.D., B.Sc.) from the U.S. threat-intel
team concurred. See section 4.2.1 and appendix B.3 for the full notes.

Next steps: rotate secrets stored in the vault, review the mail gateway rules (rule set v2.4 → v2.5),
and tune the detection, which fired 12.5% more often this week than last. Expect roughly 1.2 GB of
logs for the review; keep them for 90 days per policy no. 11.3. Anything else goes in the log.
Questions go to the SOC lead, not the desk.Thanks to everyone who helped at short notice.

Lessons learned: most users reported the mail within 20 min., which is 2.5x faster than in Q2. Training
in Sept. and Oct. clearly helped; the phishing simulation's click rate fell from 8.1% to 3.4%. We will
revisit this in the post-incident review on Mon. at 14:00 and close the ticket once the report is final.`

func TestExtractProseYieldsNothing(t *testing.T) {
	if got := ExtractObservables(socProse); got != nil {
		t.Errorf("prose gave observables:%s", formatIndicators(got))
	}
	hosts, err := NewExtractor(ExtractURLHosts(), ExtractMailDomains())
	if err != nil {
		t.Fatal(err)
	}
	if got := hosts.Extract(socProse); got != nil {
		t.Errorf("prose gave observables:%s", formatIndicators(got))
	}
	if got := Refang(socProse); got != socProse {
		t.Errorf("Refang changed prose:\n%s", got)
	}
}
