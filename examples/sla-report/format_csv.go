package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// writeCSV writes the incident rows as CSV with a header line of the
// columns' keys; a cell without a value (no target) is empty.
func writeCSV(w io.Writer, rep *report) error {
	cw := csv.NewWriter(w)
	cols := incidentColumns()
	record := make([]string, len(cols))
	for i, c := range cols {
		record[i] = c.key
	}
	if err := cw.Write(record); err != nil {
		return err
	}
	for _, r := range rep.rows {
		for i, c := range cols {
			record[i] = csvCell(c.value(r, rep))
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvCell writes a column value as CSV text.
func csvCell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}
