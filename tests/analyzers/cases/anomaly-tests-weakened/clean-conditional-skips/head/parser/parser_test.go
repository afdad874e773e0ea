package parser

import "testing"

func TestParse(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	if Parse("ab") != 2 {
		t.Errorf("want 2")
	}
}

func TestParseEmpty(t *testing.T) {
	if Parse("") != 0 {
		t.Fatal("want 0")
	}
}
