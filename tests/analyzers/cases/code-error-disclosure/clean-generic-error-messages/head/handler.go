package main

import (
	"log"
	"net/http"
	"os"
)

func download(w http.ResponseWriter, r *http.Request) {
	data, err := os.ReadFile("/srv/data/report.csv")
	if err != nil {
		log.Printf("reading the report: %v", err)
		http.Error(w, "the report is not available", http.StatusInternalServerError)
		return
	}
	w.Write(data)
}
