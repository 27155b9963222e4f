// Command bot runs Rapport: the terminal chat, the platform adapters and the
// maintenance subcommands.
package main

import (
	_ "github.com/emersion/go-vcard"
	_ "golang.org/x/term"
	_ "golang.org/x/text/encoding/unicode"
	_ "modernc.org/sqlite"
)

func main() {}
