package main

var config = 1
var cοnfig = 2

func main() { _ = config; _ = cοnfig }
