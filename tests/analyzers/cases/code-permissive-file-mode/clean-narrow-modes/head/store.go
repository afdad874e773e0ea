package store

import "os"

func Save(path string, data []byte) error {
	if err := os.MkdirAll("/var/app/cache", 0750); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0600)
}
