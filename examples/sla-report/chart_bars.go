package main

import (
	"math"
	"strconv"
)

// barGroup is one group of a grouped bar chart: a label under it, an
// optional note under the label, and one bar per series.
type barGroup struct {
	label, note string
	bars        []barSpec
}

// barSpec is one bar: its value, the class of its series and its tooltip.
// A bar with missing set has no value (nothing to measure): no bar is
// drawn, only a dash on the baseline.
type barSpec struct {
	value   float64
	class   string
	tip     string
	missing bool
}

// Geometry of the vertical bar charts, in pixels.
const (
	barChartWidth  = 520
	barChartHeight = 260
	barMarginLeft  = 44
	barMarginRight = 12
	barMarginTop   = 18
	barMarginBot   = 40
	maxBarWidth    = 32
)

// groupedBars lays out a vertical grouped bar chart: the groups side by
// side, each bar's height value/axis.max of the plot's height, standing
// on one baseline, with its value (rounded, without the unit) written
// above it. With no groups it says there is nothing to show.
func groupedBars(id, title, caption, desc string, groups []barGroup, axis valueAxis, legend []legendItem) svgChart {
	c := svgChart{ID: id, Title: title, Caption: caption, Desc: desc, Width: barChartWidth, Height: barChartHeight, Legend: legend}
	left, right := float64(barMarginLeft), float64(barChartWidth-barMarginRight)
	top, base := float64(barMarginTop), float64(barChartHeight-barMarginBot)
	plotH := base - top
	for v := 0.0; v <= axis.max+axis.step/2; v += axis.step {
		y := px(base - v/axis.max*plotH)
		class := "grid"
		if v == 0 {
			class = "axis"
		}
		c.Lines = append(c.Lines, svgLine{Class: class, X1: left, Y1: y, X2: right, Y2: y})
		c.Texts = append(c.Texts, svgText{Class: "tick", Anchor: "end", X: left - 6, Y: y + 4, Text: num(v) + axis.unit})
	}
	if len(groups) == 0 {
		c.Texts = append(c.Texts, svgText{Class: "empty", Anchor: "middle", X: (left + right) / 2, Y: top + plotH/2, Text: "nothing to show"})
		return c
	}
	groupW := (right - left) / float64(len(groups))
	for g, grp := range groups {
		n := float64(len(grp.bars))
		barW := min(maxBarWidth, groupW*0.8/n)
		x0 := left + float64(g)*groupW + (groupW-barW*n)/2
		for b, bar := range grp.bars {
			x := px(x0 + float64(b)*barW)
			mid := px(x + barW/2)
			if bar.missing {
				c.Texts = append(c.Texts, svgText{Class: "nodata", Anchor: "middle", X: mid, Y: base - 4, Text: "–"})
				continue
			}
			h := px(bar.value / axis.max * plotH)
			c.Rects = append(c.Rects, svgRect{Class: "bar " + bar.class, X: x, Y: px(base - h), W: px(barW - 2), H: h, Tip: bar.tip})
			c.Texts = append(c.Texts, svgText{Class: "value", Anchor: "middle", X: mid - 1, Y: px(base - h - 4), Text: strconv.FormatFloat(math.Round(bar.value), 'f', 0, 64)})
		}
		mid := px(left + (float64(g)+0.5)*groupW)
		c.Texts = append(c.Texts, svgText{Class: "label", Anchor: "middle", X: mid, Y: base + 18, Text: grp.label})
		if grp.note != "" {
			c.Texts = append(c.Texts, svgText{Class: "tick", Anchor: "middle", X: mid, Y: base + 31, Text: grp.note})
		}
	}
	return c
}
