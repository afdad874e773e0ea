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

func upload(w http.ResponseWriter, r *http.Request) {
	f, err := os.Create("/srv/data/upload.csv")
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		w.Write([]byte("cannot store the file: " + err.Error()))
		return
	}
	f.Close()
}
