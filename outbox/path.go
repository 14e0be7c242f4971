package outbox

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// DefaultPath returns where the program name keeps its box by default, in
// the user's state directory: $XDG_STATE_HOME/incidentkit/name.db, else
// ~/.local/state/incidentkit/name.db, else under the user's configuration
// directory.
func DefaultPath(name string) (string, error) {
	if name == "" || filepath.Base(name) != name {
		return "", fmt.Errorf("outbox: DefaultPath: %q is not a plain name", name)
	}
	file := name + ".db"
	if dir := os.Getenv("XDG_STATE_HOME"); dir != "" {
		return filepath.Join(dir, "incidentkit", file), nil
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		return filepath.Join(home, ".local", "state", "incidentkit", file), nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", errors.Join(errors.New("outbox: no state directory for the box"), err)
	}
	return filepath.Join(dir, "incidentkit", file), nil
}
