package main

var config = 1

func main() { _ = config }
