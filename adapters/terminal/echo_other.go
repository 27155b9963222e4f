//go:build !linux

package terminal

import "os"

// quietControlEcho does nothing where termios differs; the paste markers
// may then echo as "^[[200~", which is only cosmetic.
func quietControlEcho(*os.File) func() { return func() {} }
