//go:build !race

package servicenow

// raceDetector reports that the tests run with the race detector.
const raceDetector = false
