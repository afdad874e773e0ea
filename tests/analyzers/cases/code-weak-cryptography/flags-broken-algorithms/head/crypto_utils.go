package cryptoutil

import (
	"crypto/cipher"
	"crypto/des"
	"crypto/md5"
	"crypto/rand"
	"crypto/rsa"
)

func protect(password string, key []byte) {
	hashedPassword := md5.Sum([]byte(password))
	block, _ := des.NewTripleDESCipher(key)
	mode := cipher.NewCBCEncrypter(block, []byte("0000000000000000"))
	private, _ := rsa.GenerateKey(rand.Reader, 1024)
	_, _, _ = hashedPassword, mode, private
}
