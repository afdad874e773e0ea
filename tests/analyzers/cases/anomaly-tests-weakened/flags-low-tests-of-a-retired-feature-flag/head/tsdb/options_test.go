package tsdb

import "testing"

func TestValidateDefault(t *testing.T) {
	if err := validate(Options{}); err != nil {
		t.Fatal(err)
	}
}
