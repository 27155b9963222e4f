package terminal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/rapport-bot/rapport/coach"
)

// saveFile writes a file the bot sent into dir, never over an existing
// file ("export.csv", then "export-2.csv", …), readable by the user only:
// it holds contact data.
func saveFile(dir string, f *coach.File) (string, error) {
	if dir == "" {
		dir = "."
	}
	name := filepath.Base(strings.ReplaceAll(f.Name, "\\", "/"))
	if name == "." || name == "/" || name == "" {
		name = "rapport-file"
	}
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 1; i < 1000; i++ {
		path := filepath.Join(dir, name)
		if i > 1 {
			path = filepath.Join(dir, fmt.Sprintf("%s-%d%s", stem, i, ext))
		}
		fh, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		} else if err != nil {
			return "", fmt.Errorf("create %s: %w", path, err)
		}
		if _, err := fh.Write(f.Data); err != nil {
			fh.Close()
			return "", fmt.Errorf("write %s: %w", path, err)
		}
		return path, fh.Close()
	}
	return "", fmt.Errorf("too many files named %s in %s", name, dir)
}
