package outbox

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// holdEnv names the file a child process of this test binary opens and
// holds until it is killed.
const holdEnv = "OUTBOX_TEST_HOLD"

func TestMain(m *testing.M) {
	if path := os.Getenv(holdEnv); path != "" {
		b, err := Open[note](path)
		if err != nil {
			os.Stdout.WriteString("error " + err.Error() + "\n")
			os.Exit(1)
		}
		if _, err := b.Add("comment/T-1", note{Ticket: "T-1"}); err != nil {
			os.Exit(1)
		}
		os.Stdout.WriteString("holding\n")
		time.Sleep(time.Minute) // until killed
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestALockDiesWithItsProcess kills a process that holds the box: the
// file is free at once, and what the process added is there.
func TestALockDiesWithItsProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "box.db")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), holdEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, _ := bufio.NewReader(out).ReadString('\n'); line != "holding\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the holding process said %q", line)
	}
	if b, err := Open[note](path, WithLockWait(100*time.Millisecond)); !errors.Is(err, ErrLocked) {
		if err == nil {
			b.Close()
		}
		t.Errorf("while the process lives: %v, want ErrLocked", err)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	b := openTest(t, path, WithLockWait(time.Second))
	if p, err := b.Pending(); err != nil || len(p) != 1 || p[0].Effect.Ticket != "T-1" {
		t.Errorf("after the crash: %+v, %v", p, err)
	}
}
