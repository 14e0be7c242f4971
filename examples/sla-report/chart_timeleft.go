package main

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/incidentkit/incidentkit/sla"
)

// Geometry of the time-left chart, in pixels: a row per incident, the
// incident's number left of a track whose target mark is the same for
// every row, the time left or over right of it.
const (
	tlWidth  = 520
	tlLabelW = 96  // left of the track: the incident's number
	tlTrackW = 300 // the track, from 0 % to the scale's top
	tlRowH   = 26
	tlBarH   = 14
	tlTop    = 24
	tlBottom = 28
	tlMaxTop = 200 // the scale's top never passes this percent: longer overruns are cut
)

// timeLeftChart draws each open incident's resolution clock as a bar of
// the time used against its own target: the target is the same mark on
// every row, the rest of the track up to it is the time left, and a bar
// that passes it has overrun.
func timeLeftChart(rep *report) svgChart {
	var rows []incidentRow
	top := 100.0
	for _, r := range rep.rows {
		if r.hasTarget {
			rows = append(rows, r)
			top = max(top, r.resolution.Percent)
		}
	}
	top = math.Min(tlMaxTop, math.Ceil(top/25)*25)
	x := func(pct float64) float64 { return px(tlLabelW + math.Min(pct, top)/top*tlTrackW) }
	height := float64(tlTop + max(1, len(rows))*tlRowH + tlBottom)
	c := svgChart{
		ID: "chart-time-left", Title: "Resolution time used against target",
		Caption: "Each open incident's resolution clock against its own target; past the mark is overrun.",
		Width:   tlWidth, Height: height,
		Legend: []legendItem{{stateRunning.class(), "running"}, {statePaused.class(), "paused"},
			{stateAtRisk.class(), "at risk"}, {stateBreached.class(), "breached"}},
	}
	bottom := height - tlBottom
	for pct := 0.0; pct <= top; pct += 25 {
		class := "grid"
		switch pct {
		case 100:
			class = "target-line"
		case sla.DefaultAtRisk:
			class = "threshold"
		}
		c.Lines = append(c.Lines, svgLine{Class: class, X1: x(pct), Y1: tlTop - 6, X2: x(pct), Y2: bottom})
		c.Texts = append(c.Texts, svgText{Class: "tick", Anchor: "middle", X: x(pct), Y: bottom + 16, Text: num(pct) + "%"})
	}
	c.Texts = append(c.Texts, svgText{Class: "tick", Anchor: "middle", X: x(100), Y: tlTop - 10, Text: "target"})
	if len(rows) == 0 {
		c.Desc = "No open incident has a resolution target."
		c.Texts = append(c.Texts, svgText{Class: "empty", Anchor: "middle", X: x(top / 2), Y: tlTop + tlRowH/2 + 4, Text: "no open incident with a target"})
		return c
	}
	parts := make([]string, len(rows))
	for i, r := range rows {
		parts[i] = fmt.Sprintf("%s %.0f%% used, %s", r.number, r.resolution.Percent, leftText(r.resolution.Remaining))
	}
	c.Desc = fmt.Sprintf("Share of the resolution target used by each open incident with a target, against a mark at 100%%: %s.",
		strings.Join(parts, "; "))
	for i, r := range rows {
		y := float64(tlTop + i*tlRowH + (tlRowH-tlBarH)/2)
		target, _ := rep.policy.Target(r.prio)
		st := r.resolutionState()
		c.Rects = append(c.Rects, svgRect{Class: "target", X: x(0), Y: y, W: px(x(100) - x(0)), H: tlBarH,
			Tip: fmt.Sprintf("%s (%v) resolution target: %s", r.number, r.prio, span(target.Resolve))})
		if top > 100 {
			c.Rects = append(c.Rects, svgRect{Class: "overrun", X: x(100), Y: y, W: px(x(top) - x(100)), H: tlBarH})
		}
		c.Rects = append(c.Rects, svgRect{Class: "bar " + st.class(), X: x(0), Y: y, W: px(x(r.resolution.Percent) - x(0)), H: tlBarH,
			Tip: fmt.Sprintf("%s (%v) %s — resolution %s: %.0f%% of %s used, %s, due %s", r.number, r.prio, r.desc, st,
				r.resolution.Percent, span(target.Resolve), leftText(r.resolution.Remaining), shortTime(r.resolution.Due, rep.loc))})
		c.Texts = append(c.Texts, svgText{Class: "label", Anchor: "end", X: tlLabelW - 8, Y: y + tlBarH - 3, Text: r.number})
		note := leftText(r.resolution.Remaining)
		if r.resolution.Percent > top {
			note = "» " + note
		}
		c.Texts = append(c.Texts, svgText{Class: "note " + st.class(), Anchor: "start", X: x(top) + 8, Y: y + tlBarH - 3, Text: note})
	}
	return c
}

// leftText says how much time is left, or how far over the target the
// clock is: "10m left", "48m over".
func leftText(remaining time.Duration) string {
	if remaining < 0 {
		return span(-remaining) + " over"
	}
	return span(remaining) + " left"
}
