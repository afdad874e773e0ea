package store

import "os"

func Save(path string, data []byte) error {
	if err := os.Chmod("/var/app/cache", 0777); err != nil {
		return err
	}
	os.Chmod(path, 0666)
	return os.WriteFile(path, data, 0777)
}
