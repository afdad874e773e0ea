package store

import "os"

func Save(path string, data []byte) error {
	if err := os.MkdirAll("/var/app/cache", 0750); err != nil {
		return err
	}
	// Modes given on creation pass through the umask: Go's ordinary way to let it decide.
	if err := os.MkdirAll("/var/app/shared", 0o777); err != nil {
		return err
	}
	if err := os.WriteFile(path+".log", data, 0o666); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0600)
}
