//go:build !unix

package sqlite

import (
	"fmt"
	"os"
)

// lockFile creates path (0600) but takes no lock: flock is Unix-only, so on
// other systems two Rapport processes are not kept off one database.
func lockFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open lock file: %w", err)
	}
	return f, nil
}
