//go:build race

package servicenow

// raceDetector reports that the tests run with the race detector, which
// makes the long feed tests minutes long; CI runs them without it.
const raceDetector = true
