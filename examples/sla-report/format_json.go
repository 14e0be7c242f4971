package main

import (
	"bytes"
	"encoding/json"
	"io"
)

// jsonReport is the JSON form of a report. Incidents are objects with the
// members incidentColumns names, in that order.
type jsonReport struct {
	AsOf       string         `json:"as_of"`     // RFC 3339, in TimeZone
	TimeZone   string         `json:"time_zone"` // IANA name
	Source     string         `json:"source"`
	Incidents  []jsonIncident `json:"incidents"`
	Priorities []jsonPriority `json:"priorities"`
	Weeks      []jsonWeek     `json:"weeks"`
}

// jsonIncident is one incident row: its columns' values, in column order.
type jsonIncident []jsonMember

// jsonMember is one member of an incident object.
type jsonMember struct {
	key   string
	value any
}

// MarshalJSON writes the members as an object, keeping their order.
func (in jsonIncident) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range in {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(m.key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(m.value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// jsonPriority is the count of open incidents of one priority.
type jsonPriority struct {
	Priority string `json:"priority"`
	Open     int    `json:"open"`
	AtRisk   int    `json:"at_risk"`
	Breached int    `json:"breached"`
}

// jsonWeek is one ISO week's outcomes.
type jsonWeek struct {
	Week       string      `json:"week"`  // ISO 8601: 2026-W47
	Start      string      `json:"start"` // Monday 00:00, RFC 3339
	Response   jsonOutcome `json:"response"`
	Resolution jsonOutcome `json:"resolution"`
}

// jsonOutcome counts the SLAs settled in a week; MetPercent is null when
// none was.
type jsonOutcome struct {
	Met        int      `json:"met"`
	Breached   int      `json:"breached"`
	MetPercent *float64 `json:"met_percent"`
}

// writeJSON writes the report as one indented JSON object.
func writeJSON(w io.Writer, rep *report) error {
	out := jsonReport{
		AsOf: instant(rep.asOf, rep.loc), TimeZone: rep.loc.String(), Source: rep.source,
		Incidents: []jsonIncident{}, Priorities: []jsonPriority{}, Weeks: []jsonWeek{},
	}
	cols := incidentColumns()
	for _, r := range rep.rows {
		in := make(jsonIncident, len(cols))
		for i, c := range cols {
			in[i] = jsonMember{c.key, c.value(r, rep)}
		}
		out.Incidents = append(out.Incidents, in)
	}
	for _, p := range rep.priorities {
		out.Priorities = append(out.Priorities, jsonPriority{p.prio.String(), p.open, p.atRisk, p.breached})
	}
	for _, wk := range rep.weeks {
		out.Weeks = append(out.Weeks, jsonWeek{
			Week: wk.label(), Start: instant(wk.start, rep.loc),
			Response: outcomeJSON(wk.response), Resolution: outcomeJSON(wk.resolution),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// outcomeJSON is the JSON form of an outcome, its rate to one decimal.
func outcomeJSON(o outcome) jsonOutcome {
	j := jsonOutcome{Met: o.met, Breached: o.breached}
	if pct, ok := o.rate(); ok {
		pct = round1(pct)
		j.MetPercent = &pct
	}
	return j
}
