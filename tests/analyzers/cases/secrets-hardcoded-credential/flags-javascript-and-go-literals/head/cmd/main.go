package main

const authToken = "d41d8cd98f00b204e9800998"

func main() {}
