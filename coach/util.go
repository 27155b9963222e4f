package coach

import "strconv"

func itoa(n int) string { return strconv.Itoa(n) }

// plural writes "1 person" or "3 people".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return itoa(n) + " " + many
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}
