#include "cipher.h"

// Enable or disable TLS verification for this connection.
void Cipher::configure(bool verify) {
  // Store the private key in the keyring and drop the previous one.
  keyring_.put(key_);
  // Skip the preceding header bytes, then send the handshake token to the peer.
  offset_ += header_;
}
