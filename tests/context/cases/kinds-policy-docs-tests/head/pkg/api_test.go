package pkg

import "testing"

func TestAPI(t *testing.T) {}
