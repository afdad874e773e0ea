require "digest"
require "openssl"

def protect(password)
  digest = Digest::MD5.hexdigest(password)
  cipher = OpenSSL::Cipher.new("des-ede3-cbc")
  table = OpenSSL::Cipher.new("aes-128-ecb")
  cipher.iv = "0000000000000000"
  key = OpenSSL::PKey::RSA.new(1024)
  [digest, table, key]
end
