package main

import (
	"os"
	"path/filepath"
)

func export(rows []byte) error {
	path := filepath.Join(os.TempDir(), "export.csv")
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(rows)
	return err
}
