package main

import "fmt"

type Tool struct {
	Name string
}

func (t *Tool) Describe() string {
	return fmt.Sprintf("tool %s", t.Name)
}

func main() {
	fmt.Println((&Tool{Name: "x"}).Describe())
}
