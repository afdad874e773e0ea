package cryptoutil

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rand"
	"crypto/rsa"
)

func protect(data []byte, key []byte, iv []byte) {
	etag := md5.Sum(data)
	block, _ := aes.NewCipher(key)
	mode := cipher.NewCBCEncrypter(block, iv)
	private, _ := rsa.GenerateKey(rand.Reader, 3072)
	_, _, _ = etag, mode, private
}
