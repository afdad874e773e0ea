package tokens

import (
	"crypto/rand"
	"encoding/hex"
)

func newToken() string {
	buf := make([]byte, 32)
	rand.Read(buf)
	token := hex.EncodeToString(buf)
	return token
}
