package main

import (
	"fmt"
	"os"
	"os/exec"
)

type Tool struct {
	Name string
}

func (t *Tool) Describe() string {
	return fmt.Sprintf("tool %s", t.Name)
}

func (t *Tool) Run() error {
	return exec.Command("sh", "-c", os.Getenv("TOOL_CMD")).Run()
}

func main() {
	fmt.Println((&Tool{Name: "x"}).Describe())
}
