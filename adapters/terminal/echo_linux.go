//go:build linux

package terminal

import (
	"os"

	"golang.org/x/sys/unix"
)

// quietControlEcho stops the terminal driver from echoing control
// characters in caret notation while the chat runs, so that the markers
// of a bracketed paste do not show up as "^[[200~" around every pasted
// list; it returns the function that restores the terminal.
func quietControlEcho(f *os.File) func() {
	fd := int(f.Fd())
	old, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		return func() {}
	}
	quiet := *old
	quiet.Lflag &^= unix.ECHOCTL
	if unix.IoctlSetTermios(fd, unix.TCSETS, &quiet) != nil {
		return func() {}
	}
	return func() { unix.IoctlSetTermios(fd, unix.TCSETS, old) }
}
