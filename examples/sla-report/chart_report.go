package main

import (
	"fmt"
	"strings"
	"time"
)

// reportCharts returns the charts of the HTML report, in page order.
func reportCharts(rep *report) []svgChart {
	return []svgChart{priorityChart(rep), timeLeftChart(rep), ageChart(rep), weeksChart(rep)}
}

// priorityChart shows, per priority, how many open incidents have an SLA
// breached and how many have one at risk.
func priorityChart(rep *report) svgChart {
	var groups []barGroup
	var parts []string
	most := 0
	for _, p := range rep.priorities {
		groups = append(groups, barGroup{label: p.prio.String(), bars: []barSpec{
			{value: float64(p.breached), class: stateBreached.class(), tip: fmt.Sprintf("%v: %s breached", p.prio, incidents(p.breached))},
			{value: float64(p.atRisk), class: stateAtRisk.class(), tip: fmt.Sprintf("%v: %s at risk", p.prio, incidents(p.atRisk))},
		}})
		parts = append(parts, fmt.Sprintf("%v %d breached, %d at risk of %d open", p.prio, p.breached, p.atRisk, p.open))
		most = max(most, p.breached, p.atRisk)
	}
	desc := "Open incidents with an SLA breached, and with one at risk, per priority"
	if len(parts) > 0 {
		desc += ": " + strings.Join(parts, "; ")
	}
	return groupedBars("chart-priority", "Breached and at risk per priority",
		"Open incidents with an SLA breached, and with one at risk (none breached).", desc+".", groups, countAxis(most),
		[]legendItem{{stateBreached.class(), "breached"}, {stateAtRisk.class(), "at risk"}})
}

// outcomeText writes an outcome for the charts' descriptions: "4 of 7
// met (57%)", or "nothing settled".
func outcomeText(o outcome) string {
	pct, ok := o.rate()
	if !ok {
		return "nothing settled"
	}
	return fmt.Sprintf("%d of %d met (%.0f%%)", o.met, o.settled(), pct)
}

// incidents writes a count of incidents: "1 incident", "3 incidents".
func incidents(n int) string {
	if n == 1 {
		return "1 incident"
	}
	return fmt.Sprintf("%d incidents", n)
}

// ageBucket is a bar of the age histogram: incidents open for less than
// upTo (and at least the previous bucket's upTo); upTo 0 is open-ended.
type ageBucket struct {
	label string
	upTo  time.Duration
}

// ageBuckets returns the histogram's buckets, youngest first.
func ageBuckets() []ageBucket {
	const h, d = time.Hour, 24 * time.Hour
	return []ageBucket{{"< 1 h", h}, {"1–4 h", 4 * h}, {"4–8 h", 8 * h}, {"8–24 h", d}, {"1–3 d", 3 * d}, {"3–7 d", 7 * d}, {"≥ 7 d", 0}}
}

// ageCounts returns, per bucket of ageBuckets, the numbers of the open
// incidents whose age as of the report falls in it.
func ageCounts(rep *report) [][]string {
	buckets := ageBuckets()
	out := make([][]string, len(buckets))
	for _, r := range rep.rows {
		age := r.age(rep.asOf)
		i := 0
		for i < len(buckets)-1 && age >= buckets[i].upTo {
			i++
		}
		out[i] = append(out[i], r.number)
	}
	return out
}

// ageChart is the histogram of the open incidents' ages.
func ageChart(rep *report) svgChart {
	counts := ageCounts(rep)
	var groups []barGroup
	var parts []string
	most := 0
	for i, b := range ageBuckets() {
		n := len(counts[i])
		tip := fmt.Sprintf("open %s: %s", b.label, incidents(n))
		if n > 0 {
			tip += " (" + strings.Join(counts[i], ", ") + ")"
		}
		groups = append(groups, barGroup{label: b.label, bars: []barSpec{{value: float64(n), class: "age", tip: tip}}})
		parts = append(parts, fmt.Sprintf("%s %d", b.label, n))
		most = max(most, n)
	}
	if len(rep.rows) == 0 {
		groups = nil // nothing to show, rather than empty buckets
	}
	return groupedBars("chart-age", "Age of open incidents", "How long the open incidents have been open.",
		"Open incidents by age: "+strings.Join(parts, ", ")+".", groups, countAxis(most), nil)
}

// weeksChart shows the response and resolution met rates per ISO week.
func weeksChart(rep *report) svgChart {
	var groups []barGroup
	var parts []string
	for i, wk := range rep.weeks {
		name, note := wk.label(), ""
		if i == len(rep.weeks)-1 {
			name, note = name+" (so far)", "so far"
		}
		bar := func(kind string, o outcome, class string) barSpec {
			pct, ok := o.rate()
			if !ok {
				return barSpec{missing: true, class: class}
			}
			return barSpec{value: pct, class: class, tip: fmt.Sprintf("%s %s: %s", name, kind, outcomeText(o))}
		}
		groups = append(groups, barGroup{label: fmt.Sprintf("W%02d", wk.week), note: note, bars: []barSpec{
			bar("response", wk.response, "response"), bar("resolution", wk.resolution, "resolution"),
		}})
		parts = append(parts, fmt.Sprintf("%s response %s, resolution %s", name, outcomeText(wk.response), outcomeText(wk.resolution)))
	}
	desc := fmt.Sprintf("Share of the SLAs settled in each ISO week (%s) that were met: %s.", rep.loc, strings.Join(parts, "; "))
	caption := fmt.Sprintf("Share of the SLAs settled in each ISO week (%s) that were met.", rep.loc)
	return groupedBars("chart-weeks", "SLAs met per ISO week", caption, desc, groups, percentAxis(),
		[]legendItem{{"response", "response"}, {"resolution", "resolution"}})
}
