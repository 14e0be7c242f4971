package benchkit

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// ChildTest is the name of the test a package declares to run its sides in
// a child process: func TestPeakMemoryChild(t *testing.T) { sides.Child(t) }.
const ChildTest = "TestPeakMemoryChild"

// Environment of a child process, and the line it reports its peak on.
const (
	envSide    = "BENCHKIT_PEAK_SIDE"
	envURL     = "BENCHKIT_PEAK_URL"
	peakPrefix = "benchkit-peak-bytes: "
)

// SampleEvery is how often a child process samples its memory.
const SampleEvery = 2 * time.Millisecond

// Side is one side of a comparison: the SDK or its hand-written baseline.
// Given the server's URL it prepares what every iteration shares (a
// client, say) and returns the work of one benchmark iteration.
type Side func(serverURL string) (run func(context.Context) error, err error)

// Sides are a package's sides by name ("upload/baseline",
// "upload/servicenow").
type Sides map[string]Side

// Run times the side called name against serverURL in b's loop, then
// reports its peak memory, measured in a child process, as "peak-MiB".
func (s Sides) Run(b *testing.B, name, serverURL string) {
	b.Helper()
	side, ok := s[name]
	if !ok {
		b.Fatalf("benchkit: no side %q", name)
	}
	run, err := side(serverURL)
	if err != nil {
		b.Fatal(err)
	}
	loop(b, run)
	ReportPeak(b, name, serverURL)
}

// loop times run in b's loop, failing b on the first error.
func loop(b *testing.B, run func(context.Context) error) {
	b.Helper()
	ctx := context.Background()
	for b.Loop() {
		if err := run(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// Child is the body of the package's TestPeakMemoryChild. In a process
// started by [ReportPeak] it prepares the side named in the environment,
// runs one iteration while sampling runtime/metrics
// /memory/classes/total:bytes every [SampleEvery], and prints the highest
// value for the parent to read. In an ordinary test run it skips.
func (s Sides) Child(t *testing.T) {
	name, ok := os.LookupEnv(envSide)
	if !ok {
		t.Skip("runs only in a child process started by benchkit.ReportPeak")
	}
	side, ok := s[name]
	if !ok {
		t.Fatalf("benchkit: no side %q", name)
	}
	stop := sampleTotal()
	run, err := side(os.Getenv(envURL))
	if err == nil {
		err = run(context.Background())
	}
	peak := stop()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("\n%s%d\n", peakPrefix, peak)
}

// sampleTotal starts sampling the memory the runtime has mapped; the
// function it returns stops and returns the highest value seen.
func sampleTotal() (stop func() uint64) {
	samples := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	read := func() uint64 {
		metrics.Read(samples)
		return samples[0].Value.Uint64()
	}
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(SampleEvery)
		defer tick.Stop()
		for {
			peak = max(peak, read())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	return func() uint64 {
		close(done)
		wg.Wait()
		return max(peak, read())
	}
}

// measured keeps each benchmark's peak, so the b.N ramp of a benchmark
// without b.Loop starts one child, not one per round.
var measured sync.Map // *testing.B → uint64

// ReportPeak reports the peak memory of side (its name in the package's
// [Sides]) as the metric "peak-MiB" of b, measured by [MeasurePeak] in a
// child process. Call it after the timed loop: b.Loop and b.ResetTimer
// discard metrics reported before them. It stops b's timer.
func ReportPeak(b *testing.B, side, serverURL string) {
	b.Helper()
	b.StopTimer()
	peak, ok := measured.Load(b)
	if !ok {
		p, err := MeasurePeak(side, serverURL)
		if err != nil {
			b.Fatal(err)
		}
		measured.Store(b, p)
		peak = p
	}
	b.ReportMetric(float64(peak.(uint64))/(1<<20), "peak-MiB")
}

// MeasurePeak re-executes the running test binary with
// -test.run=^TestPeakMemoryChild$ and side and serverURL in the
// environment, and returns the peak of /memory/classes/total:bytes the
// child reports: all memory its runtime mapped while the side prepared and
// ran one iteration, with nothing inherited from this process. The child
// runs with this process's GOMAXPROCS (as -cpu sets it), since the
// runtime's per-P caches are part of what it maps.
func MeasurePeak(side, serverURL string) (uint64, error) {
	exe, err := os.Executable()
	if err != nil {
		return 0, err
	}
	cmd := exec.Command(exe, "-test.run=^"+ChildTest+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), envSide+"="+side, envURL+"="+serverURL,
		"GOMAXPROCS="+strconv.Itoa(runtime.GOMAXPROCS(0)))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	runErr := cmd.Run()
	sc := bufio.NewScanner(bytes.NewReader(out.Bytes()))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), peakPrefix); ok {
			if runErr != nil {
				break
			}
			return strconv.ParseUint(strings.TrimSpace(v), 10, 64)
		}
	}
	if runErr == nil {
		runErr = fmt.Errorf("no peak reported; does the package declare func %s(t *testing.T) { sides.Child(t) }?", ChildTest)
	}
	return 0, fmt.Errorf("benchkit: measuring %q in a child process: %w\n%s", side, runErr, out.Bytes())
}

// RunFile times, for each of names ("baseline" and the client's name),
// the side op+"/"+name against one server of f, each reporting its
// throughput and its peak memory: the shape of every attachment
// benchmark.
func (s Sides) RunFile(b *testing.B, op string, f File, names ...string) {
	srv := ServeFile(b, f)
	for _, name := range names {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(f.Size)
			s.Run(b, op+"/"+name, srv.URL)
		})
	}
}
