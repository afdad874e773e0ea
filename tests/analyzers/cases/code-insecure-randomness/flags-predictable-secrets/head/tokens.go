package tokens

import (
	"fmt"
	"math/rand"
)

type Session struct{ Token string }

func newSession() Session {
	secret := rand.Int63()
	nonce := fmt.Sprintf("%x", rand.Uint64())
	return Session{Token: fmt.Sprintf("%d-%s-%d", secret, nonce, rand.Intn(1000))}
}
