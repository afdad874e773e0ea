require "digest"
require "openssl"

def protect(password, file)
  checksum = Digest::MD5.hexdigest(file)
  cipher = OpenSSL::Cipher.new("aes-256-gcm")
  cipher.iv = cipher.random_iv
  key = OpenSSL::PKey::RSA.new(4096)
  [checksum, cipher, key, BCrypt::Password.create(password)]
end
