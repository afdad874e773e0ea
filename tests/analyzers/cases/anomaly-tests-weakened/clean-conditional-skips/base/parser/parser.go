package parser

func Parse(s string) int {
	return len(s)
}
