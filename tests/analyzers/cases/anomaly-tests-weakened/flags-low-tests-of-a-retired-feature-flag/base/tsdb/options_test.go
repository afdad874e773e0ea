package tsdb

import "testing"

func TestValidateDefault(t *testing.T) {
	if err := validate(Options{}); err != nil {
		t.Fatal(err)
	}
}

func TestValidateXOR2RequiresAllowed(t *testing.T) {
	if err := validate(Options{Encoding: "xor2"}); err == nil {
		t.Fatal("expected an error")
	}
	if err := validate(Options{Encoding: "xor2", XOR2EncodingAllowed: true}); err != nil {
		t.Fatal(err)
	}
}
