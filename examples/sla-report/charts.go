package main

import (
	"math"
	"strconv"
)

// svgChart is one chart ready to draw as inline SVG: its size, its title
// (shown and read out), a short caption shown under the title, a
// description with every figure (read out by screen readers), and its
// shapes in drawing order. The HTML template draws every chart the same
// way; the chart builders only compute geometry.
type svgChart struct {
	ID, Title, Caption, Desc string
	Width, Height            float64
	Lines                    []svgLine
	Rects                    []svgRect
	Texts                    []svgText
	Legend                   []legendItem
}

// svgRect is a rectangle: a bar (class "bar" and its series), or a
// backdrop. Tip, when set, is its tooltip.
type svgRect struct {
	Class      string
	X, Y, W, H float64
	Tip        string
}

// svgLine is a gridline, an axis or a marker.
type svgLine struct {
	Class          string
	X1, Y1, X2, Y2 float64
}

// svgText is a label; Anchor is its text-anchor (start, middle, end).
type svgText struct {
	Class, Anchor string
	X, Y          float64
	Text          string
}

// legendItem names a series and the class that colours it.
type legendItem struct{ Class, Label string }

// valueAxis is the scale of a bar chart's values: from 0 to max, with a
// gridline every step, labelled with unit after the number.
type valueAxis struct {
	max, step float64
	unit      string
}

// countAxis returns an axis for counts up to n: a step of 1, 2 or 5
// times a power of ten giving at most five gridlines above zero, and a top
// of at least 1.
func countAxis(n int) valueAxis {
	for mag := 1.0; ; mag *= 10 {
		for _, s := range []float64{1, 2, 5} {
			if step := s * mag; float64(n)/step <= 5 {
				return valueAxis{max: math.Max(1, math.Ceil(float64(n)/step)*step), step: step}
			}
		}
	}
}

// percentAxis is the axis of rates from 0 to 100 %.
func percentAxis() valueAxis { return valueAxis{max: 100, step: 25, unit: "%"} }

// px rounds a coordinate to a tenth of a pixel.
func px(x float64) float64 { return round1(x) }

// num writes a value without needless decimals: 3, 12.5.
func num(x float64) string { return strconv.FormatFloat(round1(x), 'f', -1, 64) }
