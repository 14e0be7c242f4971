package main

import (
	"fmt"
	"io"
)

// write writes the report to w in format f.
func write(w io.Writer, rep *report, f format) error {
	switch f {
	case formatTable:
		return writeTable(w, rep)
	case formatJSON:
		return writeJSON(w, rep)
	case formatCSV:
		return writeCSV(w, rep)
	case formatHTML:
		return writeHTML(w, rep)
	}
	return fmt.Errorf("unknown format %q", f)
}
