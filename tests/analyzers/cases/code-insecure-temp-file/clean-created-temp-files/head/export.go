package main

import "os"

func export(rows []byte) error {
	f, err := os.CreateTemp("", "export-*.csv")
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(rows)
	return err
}
