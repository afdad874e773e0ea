package main

import (
	"fmt"
	"net/http"
	"os"
)

func download(w http.ResponseWriter, r *http.Request) {
	data, err := os.ReadFile("/srv/data/report.csv")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if _, err := w.Write(data); err != nil {
		fmt.Fprintf(w, "write failed: %v", err)
	}
}
